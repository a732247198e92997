// Expected text follows what the upstream components program (flannel pkg/backend/vxlan,
// pkg/trafficmngr/iptables/iptables.go masqRules/forwardRules; bridge plugin + flannel-io/cni-plugin
// delegate config; calico felix/BIRD routes) and is the text `ip route`/`ip neigh`/`bridge fdb` prints.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildNodeNetwork, toNetworkJson } from './nodeNetwork';
import { bridgeVethName, calicoVethName, derivedMac } from './names';
import { sha1Hex } from './sha1';
import { vtepMac } from './flannel';
import type { CniKind, NodeNetInfo, PodNetInfo } from './types';

const nodes: NodeNetInfo[] = [
  { name: 'node-0', internalIp: '192.168.56.10', podCidr: '10.244.0.0/24' },
  { name: 'node-1', internalIp: '192.168.56.11', podCidr: '10.244.1.0/24' },
  { name: 'node-2', internalIp: '192.168.56.12', podCidr: '10.244.2.0/24' },
];
const pods: PodNetInfo[] = [
  { namespace: 'default', name: 'web', uid: 'u1', ip: '10.244.1.2', containerIds: ['c0ffee01'] },
  { namespace: 'kube-system', name: 'kube-proxy-abcde', uid: 'u2', ip: '192.168.56.11', hostNetwork: true },
  { namespace: 'default', name: 'pending', uid: 'u3' },
];

function build(kind: CniKind, ipip?: boolean, podList = pods) {
  return buildNodeNetwork({ cni: { kind, clusterCidr: '10.244.0.0/16', ipip }, node: nodes[1], nodes, pods: podList });
}

describe('sha1Hex', () => {
  it('matches the FIPS 180 test vector and node:crypto', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    for (const s of ['', 'default.web', 'x'.repeat(200)]) {
      expect(sha1Hex(s)).toBe(createHash('sha1').update(s).digest('hex'));
    }
  });
});

describe('names', () => {
  it('names calico veths cali + sha1("ns.pod")[:11] (VethNameForWorkload)', () => {
    const want = 'cali' + createHash('sha1').update('default.web').digest('hex').slice(0, 11);
    expect(calicoVethName('default', 'web')).toBe(want);
    expect(calicoVethName('default', 'web')).toHaveLength(15); // IFNAMSIZ - 1
  });

  it('names bridge veths veth + 8 hex chars and MACs as locally administered unicast', () => {
    expect(bridgeVethName('c0ffee01')).toMatch(/^veth[0-9a-f]{8}$/);
    const mac = derivedMac('seed');
    expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(parseInt(mac.slice(0, 2), 16) & 0x03).toBe(0x02);
  });
});

describe('buildNodeNetwork: flannel', () => {
  const net = build('flannel');
  const host = net.netns[0];

  it('routes other nodes\' subnets through flannel.1 onlink and the local one to cni0', () => {
    expect(host.routes.map((r) => r.text)).toEqual([
      'default via 192.168.56.1 dev eth0',
      '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink',
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11',
    ]);
  });

  it('creates flannel.1 (VNI 1, port 8472, MTU 1450, <subnet network>/32) and cni0 with the gateway', () => {
    const vx = host.interfaces.find((i) => i.name === 'flannel.1')!;
    expect(vx).toMatchObject({ type: 'vxlan', addresses: ['10.244.1.0/32'], mtu: 1450 });
    expect(vx.vxlan).toEqual({ id: 1, local: '192.168.56.11', dev: 'eth0', dstport: 8472, nolearning: true });
    expect(host.interfaces.find((i) => i.name === 'cni0')).toMatchObject({ type: 'bridge', addresses: ['10.244.1.1/24'], mtu: 1450 });
  });

  it('adds one permanent ARP and one FDB entry per remote node', () => {
    expect(host.neighbours.map((n) => n.text)).toEqual([
      `10.244.0.0 dev flannel.1 lladdr ${vtepMac(nodes[0], 1)} PERMANENT`,
      `10.244.2.0 dev flannel.1 lladdr ${vtepMac(nodes[2], 1)} PERMANENT`,
    ]);
    expect(host.fdb.filter((f) => f.dev === 'flannel.1').map((f) => f.text)).toEqual([
      `${vtepMac(nodes[0], 1)} dev flannel.1 dst 192.168.56.10 self permanent`,
      `${vtepMac(nodes[2], 1)} dev flannel.1 dst 192.168.56.12 self permanent`,
    ]);
  });

  it('wires the pod with a veth pair on cni0 (hairpin) and the routes from the flannel delegate conf', () => {
    const veth = bridgeVethName('c0ffee01');
    expect(host.interfaces.find((i) => i.name === veth)).toMatchObject({ type: 'veth', master: 'cni0', peer: 'default/web:eth0', hairpin: true, mtu: 1450 });
    const pod = net.netns.find((n) => n.name === 'default/web')!;
    expect(pod.interfaces.find((i) => i.name === 'eth0')).toMatchObject({ addresses: ['10.244.1.2/24'], peer: `host:${veth}` });
    expect(pod.routes.map((r) => r.text)).toEqual([
      'default via 10.244.1.1 dev eth0',
      '10.244.0.0/16 via 10.244.1.1 dev eth0',
      '10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2',
    ]);
  });

  it('keeps hostNetwork pods in the host namespace and skips pods without an IP', () => {
    expect(net.netns.map((n) => n.name)).toEqual(['host', 'default/web']);
    expect(host.pods).toEqual(['kube-system/kube-proxy-abcde']);
    expect(net.simplifications.some((s) => s.includes('default/pending'))).toBe(true);
  });

  it('writes flanneld masquerade and forward rules (iptables.go masqRules/forwardRules) and subnet.env', () => {
    expect(net.iptables.nat).toEqual([
      ':FLANNEL-POSTRTG - [0:0]',
      '-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG',
      '-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.1.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
    ]);
    expect(net.iptables.filter[1]).toBe('-A FORWARD -m comment --comment "flanneld forward" -j FLANNEL-FWD');
    expect(net.subnetEnv).toBe('FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n');
  });

  it('has no cni0 until a pod-network pod runs on the node', () => {
    const empty = build('flannel', undefined, [pods[1]]);
    expect(empty.netns[0].interfaces.map((i) => i.name)).toEqual(['lo', 'eth0', 'flannel.1']);
  });

  it('is deterministic and JSON-ready', () => {
    expect(JSON.stringify(toNetworkJson(build('flannel')))).toBe(JSON.stringify(toNetworkJson(net)));
    const json = toNetworkJson(net);
    expect(json.node).toBe('node-1');
    expect(json.netns[1].routes[0]).toBe('default via 10.244.1.1 dev eth0');
  });
});

describe('buildNodeNetwork: calico', () => {
  it('routes IPIP: blackhole own block, /32 per pod to cali*, remote blocks via tunl0 onlink', () => {
    const net = build('calico', true);
    const host = net.netns[0];
    const cali = calicoVethName('default', 'web');
    expect(host.routes.map((r) => r.text)).toEqual([
      'default via 192.168.56.1 dev eth0',
      '10.244.0.0/24 via 192.168.56.10 dev tunl0 proto bird onlink',
      'blackhole 10.244.1.0/24 proto bird',
      `10.244.1.2 dev ${cali} scope link`,
      '10.244.2.0/24 via 192.168.56.12 dev tunl0 proto bird onlink',
      '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11',
    ]);
    expect(host.interfaces.find((i) => i.name === cali)).toMatchObject({ proxyArp: true, mac: 'ee:ee:ee:ee:ee:ee', mtu: 1480, master: null });
    const pod = net.netns.find((n) => n.name === 'default/web')!;
    expect(pod.routes.map((r) => r.text)).toEqual(['default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link']);
    expect(pod.interfaces[1].addresses).toEqual(['10.244.1.2/32']);
  });

  it('routes directly via eth0 without IPIP and has no tunl0', () => {
    const net = build('calico', false);
    expect(net.netns[0].routes.map((r) => r.text)).toContain('10.244.2.0/24 via 192.168.56.12 dev eth0 proto bird');
    expect(net.netns[0].interfaces.some((i) => i.name === 'tunl0')).toBe(false);
  });
});

describe('buildNodeNetwork: bridge', () => {
  it('uses host-gw style routes to other nodes and MTU 1500', () => {
    const net = build('bridge');
    expect(net.netns[0].routes.map((r) => r.text)).toContain('10.244.2.0/24 via 192.168.56.12 dev eth0');
    const pod = net.netns.find((n) => n.name === 'default/web')!;
    expect(pod.routes.map((r) => r.text)).toEqual([
      'default via 10.244.1.1 dev eth0',
      '10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2',
    ]);
    expect(pod.interfaces[1].mtu).toBe(1500);
    expect(net.iptables).toEqual({ nat: [], filter: [] });
  });
});
