// Commands "run on a node" from the console: `ssh node-1 ip route` or `node node-1 ip route`.
// They print the simulated data plane: routes, addresses, neighbours and FDB from the CNI model
// (engine/network/cni buildNodeNetwork) and kube-proxy's rules (engine/network/kubeproxy:
// iptables-save, ipvsadm -ln). `ip addr` is laid out as iproute2 prints it; link flags, qdiscs
// and qlen are the usual defaults for each device type and IPv6 link-local addresses are left
// out (NODE_SHELL_SIMPLIFICATIONS says so).
import type { KubeObject } from '../engine';
import type { NetInterface, NetNamespace, NodeNetwork } from '../engine/network/cni';
import { renderIpvsadm } from '../engine/network/kubeproxy';
import { buildClusterNetwork, nodeIptablesSave, type ClusterNetwork, type NodeNetworkEntry } from '../engine/network/clusterNetwork';
import { lastAddress, tryParseCidr } from '../engine/network/ip';
import { findObject, KubectlError, Output, type KubectlContext } from './context';

export const NODE_SHELL_SIMPLIFICATIONS = [
  '`ip addr`: flags, qdisc and qlen are the usual defaults per device type; IPv6 link-local addresses are not shown.',
  'Peer veth indexes (@ifN) assume the pod side is eth0 with index 2.',
];

const NODE_COMMANDS = ['ip addr', 'ip route', 'ip neigh', 'bridge fdb', 'iptables-save', 'ipvsadm -ln', 'cat /run/flannel/subnet.env'];

/**
 * The node's network and kube-proxy state from the same model the CLI and the Rules view use
 * (engine/network/clusterNetwork.ts), so `ssh node iptables-save` prints what they print,
 * KubeProxyConfiguration included.
 */
function nodeEntry(ctx: KubectlContext, node: KubeObject): { net: ClusterNetwork; entry: NodeNetworkEntry } {
  const net = buildClusterNetwork({ objects: ctx.snapshot.objects, config: ctx.config, kubeProxy: ctx.kubeProxy, time: ctx.snapshot.time });
  const entry = net.nodes.find((n) => n.name === node.metadata.name);
  if (!entry) throw new KubectlError(`error: node ${node.metadata.name} has no podCIDR yet: its pod network is not set up`);
  return { net, entry };
}

function ifaceHeader(i: NetInterface, index: number, peerIndex: number | undefined): string {
  const name = i.type === 'veth' && peerIndex !== undefined ? `${i.name}@if${peerIndex}` : i.type === 'ipip' ? `${i.name}@NONE` : i.name;
  switch (i.type) {
    case 'loopback':
      return `${index}: ${name}: <LOOPBACK,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue state UNKNOWN group default qlen 1000`;
    case 'physical':
      return `${index}: ${name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${i.mtu} qdisc fq_codel state UP group default qlen 1000`;
    case 'vxlan':
      return `${index}: ${name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue state UNKNOWN group default `;
    case 'ipip':
      return `${index}: ${name}: <NOARP,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue state UNKNOWN group default qlen 1000`;
    case 'dummy':
      return `${index}: ${name}: <BROADCAST,NOARP> mtu ${i.mtu} qdisc noop state DOWN group default qlen 1000`;
    default:
      return `${index}: ${name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue ${i.master ? `master ${i.master} ` : ''}state UP group default ${i.type === 'bridge' ? 'qlen 1000' : ''}`;
  }
}

function linkLine(i: NetInterface, netnsId: number | undefined): string {
  if (i.type === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  if (i.type === 'ipip') return '    link/ipip 0.0.0.0 brd 0.0.0.0';
  const mac = i.mac ?? '00:00:00:00:00:00';
  return `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff${netnsId !== undefined ? ` link-netnsid ${netnsId}` : ''}`;
}

function inetLines(i: NetInterface): string[] {
  const out: string[] = [];
  for (const a of i.addresses) {
    const c = tryParseCidr(a);
    const v6 = a.includes(':');
    const prefix = c?.prefix ?? 32;
    const brd = !v6 && prefix < 31 && i.type !== 'loopback' ? ` brd ${lastAddress(a)}` : '';
    const scope = i.type === 'loopback' ? 'host' : 'global';
    out.push(`    ${v6 ? 'inet6' : 'inet'} ${a}${brd} scope ${scope} ${v6 ? '' : i.name}`.trimEnd());
    out.push('       valid_lft forever preferred_lft forever');
  }
  return out;
}

/** `ip addr` for one network namespace of the node (the root one by default). */
export function renderIpAddr(net: NodeNetwork, ns: NetNamespace): string {
  const lines: string[] = [];
  const podNs = net.netns.slice(1);
  ns.interfaces.forEach((i, k) => {
    const index = k + 1;
    let peerIndex: number | undefined;
    let netnsId: number | undefined;
    if (i.type === 'veth' && i.peer) {
      const [peerNs, peerIf] = i.peer.split(':');
      if (ns.name === 'host') {
        peerIndex = 2;
        netnsId = podNs.findIndex((p) => p.name === peerNs);
      } else {
        const host = net.netns[0];
        peerIndex = host.interfaces.findIndex((x) => x.name === peerIf) + 1;
        netnsId = 0;
      }
    }
    lines.push(ifaceHeader(i, index, peerIndex), linkLine(i, netnsId !== undefined && netnsId >= 0 ? netnsId : undefined), ...inetLines(i));
  });
  return `${lines.join('\n')}\n`;
}

export interface NodeShellParse {
  node: string;
  argv: string[];
}

/** Recognises `ssh NODE CMD...` and `node NODE CMD...` (with or without a leading `kubectl`). */
export function parseNodeShell(words: string[]): NodeShellParse | null {
  if ((words[0] === 'ssh' || words[0] === 'node') && words.length >= 2) return { node: words[1], argv: words.slice(2) };
  return null;
}

export function runNodeShell(parsed: NodeShellParse, ctx: KubectlContext, out: Output): void {
  const node = findObject(ctx, 'Node', '', parsed.node);
  if (!node) throw new KubectlError(`ssh: Could not resolve hostname ${parsed.node}: Name or service not known`, 255);
  const argv = parsed.argv;
  const cmd = argv.join(' ');
  if (!argv.length) throw new KubectlError(`Kubeglass has no interactive shell on nodes; run one of: ${NODE_COMMANDS.join(', ')}`);
  if (argv[0] === 'ip') {
    const net = nodeEntry(ctx, node).entry.network;
    const host = net.netns[0];
    const obj = argv.filter((a) => !a.startsWith('-'))[1] ?? '';
    if (/^a(d(d(r(e(s(s)?)?)?)?)?)?$/.test(obj)) return out.out(renderIpAddr(net, host));
    if (/^r(o(u(t(e)?)?)?)?$/.test(obj)) return out.out(host.routes.map((r) => `${r.text}\n`).join(''));
    if (/^n(e(i(g(h(b(o(r)?)?)?)?)?)?)?$/.test(obj)) return out.out(host.neighbours.map((n) => `${n.text}\n`).join(''));
    throw new KubectlError(`Object "${obj}" is unknown or not simulated, try "ip addr", "ip route" or "ip neigh".`, 1);
  }
  if (argv[0] === 'bridge' && argv[1] === 'fdb') {
    const net = nodeEntry(ctx, node).entry.network;
    return out.out(net.netns[0].fdb.map((f) => `${f.text}\n`).join(''));
  }
  if (argv[0] === 'iptables-save') {
    if (ctx.config.kubeProxyMode === 'nftables') throw new KubectlError('kube-proxy runs in nftables mode on this cluster: its rules live in `nft list ruleset`, which is not available in this build.');
    const { net, entry } = nodeEntry(ctx, node);
    const text = nodeIptablesSave(net, entry, entry.primaryFamily) ?? '';
    const t = argv.indexOf('-t');
    if (t >= 0 && argv[t + 1]) {
      const table = argv[t + 1];
      const blocks = text.split(/(?=^# Generated by)/m).filter((b) => b.includes(`\n*${table}\n`));
      return out.out(blocks.join(''));
    }
    return out.out(text);
  }
  if (argv[0] === 'ipvsadm') {
    if (ctx.config.kubeProxyMode !== 'ipvs') return out.out(renderIpvsadm({ virtualServers: [] } as any));
    const { entry } = nodeEntry(ctx, node);
    return out.out(renderIpvsadm(entry.ipvs[entry.primaryFamily] ?? ({ virtualServers: [] } as any)));
  }
  if (cmd === 'cat /run/flannel/subnet.env') {
    const net = nodeEntry(ctx, node).entry.network;
    if (net.subnetEnv === null) throw new KubectlError('cat: /run/flannel/subnet.env: No such file or directory', 1);
    return out.out(net.subnetEnv);
  }
  throw new KubectlError(`bash: ${argv[0]}: not simulated on nodes in this build (available: ${NODE_COMMANDS.join(', ')})`, 127);
}
