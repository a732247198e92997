// IPVS mode: virtual/real servers as `ipvsadm -ln` prints them (ipvsadm.c print formats), the
// kube-ipvs0 addresses, ipset entries and ipset-based iptables rules (pkg/proxy/ipvs/proxier.go).
import { describe, expect, it } from 'vitest';
import { buildIpvs } from './ipvs';
import { renderIpvsadm } from './ipvsadm';
import { renderRestore } from './restore';
import { renderSave } from './save';
import { makeNode, makeService, makeSlice } from './testSupport';

const node = makeNode('node-1', ['192.168.1.2']);
const services = [
  makeService('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
  makeService('kube-system', 'kube-dns', {
    clusterIP: '10.96.0.10',
    ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }],
  }),
  makeService('default', 'web', {
    type: 'NodePort', clusterIP: '10.96.100.7', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }],
  }),
];
const slices = [
  makeSlice('default', 'kubernetes', 1, 'IPv4', [{ addresses: ['192.168.1.2'] }], [{ name: 'https', port: 6443, protocol: 'TCP' }]),
  makeSlice('kube-system', 'kube-dns', 1, 'IPv4', [{ addresses: ['10.244.0.3'], nodeName: 'node-1' }, { addresses: ['10.244.0.2'], nodeName: 'node-1' }],
    [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }]),
  makeSlice('default', 'web', 1, 'IPv4', [{ addresses: ['10.244.1.5'], nodeName: 'node-2' }], [{ name: '', port: 8080, protocol: 'TCP' }]),
];
const state = buildIpvs({
  node, services, endpointSlices: slices, family: 'IPv4',
  config: { mode: 'ipvs', clusterCIDR: '10.244.0.0/16', masqueradeAll: false, kernel: { nfacct: false, randomFully: true } },
});

describe('buildIpvs / renderIpvsadm', () => {
  it('prints `ipvsadm -ln`: TCP before UDP, addresses numerically, fixed-width destination columns', () => {
    expect(renderIpvsadm(state)).toBe([
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.96.0.1:443 rr',
      '  -> 192.168.1.2:6443             Masq    1      0          0         ',
      'TCP  10.96.0.10:53 rr',
      '  -> 10.244.0.2:53                Masq    1      0          0         ',
      '  -> 10.244.0.3:53                Masq    1      0          0         ',
      'TCP  10.96.100.7:80 rr persistent 10800',
      '  -> 10.244.1.5:8080              Masq    1      0          0         ',
      'TCP  192.168.1.2:30080 rr persistent 10800',
      '  -> 10.244.1.5:8080              Masq    1      0          0         ',
      'UDP  10.96.0.10:53 rr',
      '  -> 10.244.0.2:53                Masq    1      0          0         ',
      '  -> 10.244.0.3:53                Masq    1      0          0         ',
      '',
    ].join('\n'));
  });

  it('binds every ClusterIP to kube-ipvs0 and lists them in KUBE-IPVS-IPS', () => {
    expect(state.dummyInterface).toBe('kube-ipvs0');
    expect(state.boundAddresses).toEqual(['10.96.0.1', '10.96.0.10', '10.96.100.7']);
    expect(state.ipsets.find((s) => s.name === 'KUBE-IPVS-IPS')?.entries).toEqual(state.boundAddresses);
  });

  it('fills the ipsets with kube-proxy\'s entry syntax', () => {
    const set = (name: string) => state.ipsets.find((s) => s.name === name)?.entries;
    expect(set('KUBE-CLUSTER-IP')).toEqual(['10.96.0.1,tcp:443', '10.96.0.10,tcp:53', '10.96.0.10,udp:53', '10.96.100.7,tcp:80']);
    expect(set('KUBE-LOOP-BACK')).toEqual(['10.244.0.2,tcp:53,10.244.0.2', '10.244.0.2,udp:53,10.244.0.2', '10.244.0.3,tcp:53,10.244.0.3', '10.244.0.3,udp:53,10.244.0.3']);
    expect(set('KUBE-NODE-PORT-TCP')).toEqual(['30080']);
  });

  it('writes the ipset-based iptables rules, nat first', () => {
    const text = renderRestore(state.rules);
    expect(text.startsWith('*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-POSTROUTING - [0:0]\n:KUBE-NODE-PORT - [0:0]\n:KUBE-LOAD-BALANCER - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN\n')).toBe(true);
    expect(text).toContain('-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE\n');
    expect(text).toContain('-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ\n');
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ\n');
    expect(text).toContain('-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT\n');
  });

  it('renders the IPVS-mode rules through iptables-save as well', () => {
    expect(renderSave(state.rules, { kubelet: false })).toContain(
      '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ\n');
  });

  it('renames ipsets for IPv6 with the KUBE-6- prefix', () => {
    const v6 = buildIpvs({
      node: makeNode('node-1', ['fd00::2']), family: 'IPv6', endpointSlices: [],
      services: [makeService('default', 'kubernetes', { clusterIP: 'fd00:96::1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] })],
      config: { mode: 'ipvs', masqueradeAll: false, kernel: { nfacct: false, randomFully: false } },
    });
    expect(v6.ipsets.find((s) => s.name === 'KUBE-6-CLUSTER-IP')?.entries).toEqual(['fd00:96::1,tcp:443']);
    expect(renderIpvsadm(v6)).toContain('TCP  [fd00:96::1]:443 rr\n');
  });
});
