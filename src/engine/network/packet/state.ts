// The mutable state of one trace walk and the small helpers every stage uses: hop recording,
// the node lookups, and each node's parsed iptables-save with kube-proxy's rule metadata.
import type { Rng } from '../../core/rng';
import type { NetNamespace } from '../cni';
import { nodeIptablesSave, type ClusterNetwork, type NodeNetworkEntry } from '../clusterNetwork';
import { ipEquals, isIPv6, tryParseIp } from '../ip';
import { saveRuleArgs, type IPFamily, type IptablesRule } from '../kubeproxy';
import type { ConntrackEntry } from './conntrack';
import { parseIptablesSave, type IpsetContents, type SavedRule, type SavedTables } from './netfilter';
import type { HopKind, PacketHeader, PathHop, TraceOutcome } from './types';

export interface NodeTables {
  tables: SavedTables;
  /** save line -> kube-proxy's rule (for its meta). */
  meta: Map<string, IptablesRule>;
  /** IPVS mode: the node's ipsets by name. */
  ipsets: Map<string, IpsetContents>;
}

export interface WalkEnd {
  outcome: Exclude<TraceOutcome, 'error'>;
  reason: string;
  /** "ns/pod", "node/NAME", "external". */
  at?: string;
  /** Where the packet ended, so a reply can start there. */
  location?: Location;
}

export type Location =
  | { kind: 'pod'; node: string; netns: string }
  | { kind: 'host'; node: string }
  | { kind: 'external'; ip: string; /** The node it left the cluster from. */ node?: string };

export interface TraceState {
  net: ClusterNetwork;
  rng: Rng;
  family: IPFamily;
  direction: 'request' | 'reply';
  pkt: PacketHeader;
  mark: number;
  hops: PathHop[];
  conntrack: ConntrackEntry[];
  notes: string[];
  /** The pod the connection started in ("ns/name"), for egress NetworkPolicy. */
  originPod?: string;
  end?: WalkEnd;
  tables: Map<string, NodeTables>;
  /** Set once IPVS has load-balanced the connection (for `-m ipvs` matches). */
  ipvs?: { vaddr: string; vport: number };
}

export function newState(net: ClusterNetwork, rng: Rng, pkt: PacketHeader): TraceState {
  return {
    net, rng, family: isIPv6(pkt.dst) ? 'IPv6' : 'IPv4', direction: 'request', pkt: { ...pkt }, mark: 0,
    hops: [], conntrack: [], notes: [], tables: new Map(),
  };
}

export function hop(st: TraceState, h: { node: string; netns: string; device: string; kind: HopKind; text: string } & Partial<PathHop>): void {
  if (st.hops.length > 400) return;
  st.hops.push({ direction: st.direction, packet: { ...st.pkt }, ...h });
}

export function ruleHop(st: TraceState, node: string, device: string, rule: SavedRule, extra: Partial<PathHop> = {}): void {
  const meta = tablesFor(st, node)?.meta.get(rule.line)?.meta;
  hop(st, {
    node, netns: 'host', device, kind: 'iptables', text: rule.line,
    rule: { table: rule.table, chain: rule.chain, line: rule.line },
    ...(meta ? { meta } : {}),
    ...extra,
  });
}

export function finish(st: TraceState, end: WalkEnd): void {
  if (!st.end) st.end = end;
}

export function nodeEntry(st: TraceState, name: string): NodeNetworkEntry | undefined {
  return st.net.nodes.find((n) => n.name === name);
}

export function hostNs(entry: NodeNetworkEntry): NetNamespace {
  return entry.network.netns.find((n) => n.name === 'host')!;
}

export function nodeByIp(st: TraceState, ip: string): NodeNetworkEntry | undefined {
  if (!tryParseIp(ip)) return undefined;
  return st.net.nodes.find((n) => (n.node.status?.addresses ?? []).some((a) => a.type === 'InternalIP' && tryParseIp(a.address) && ipEquals(a.address, ip)));
}

/** The pod network namespace (on any node) whose eth0 holds `ip`. */
export function podNsByIp(st: TraceState, ip: string): { entry: NodeNetworkEntry; ns: NetNamespace } | undefined {
  for (const entry of st.net.nodes) {
    for (const ns of entry.network.netns) {
      if (ns.name === 'host') continue;
      if (ns.interfaces.some((i) => i.name === 'eth0' && i.addresses.some((a) => a.split('/')[0] === ip))) return { entry, ns };
    }
  }
  return undefined;
}

export function tablesFor(st: TraceState, node: string): NodeTables | undefined {
  const cached = st.tables.get(node);
  if (cached) return cached;
  const entry = nodeEntry(st, node);
  if (!entry) return undefined;
  const text = nodeIptablesSave(st.net, entry, st.family);
  if (text === undefined) return undefined;
  const meta = new Map<string, IptablesRule>();
  const rules = entry.proxy[st.family];
  for (const table of ['filter', 'nat'] as const) {
    for (const r of rules?.[table].rules ?? []) meta.set(`-A ${r.chain} ${saveRuleArgs(r.args, st.family)}`, r);
  }
  const ipsets = new Map<string, IpsetContents>((entry.ipvs[st.family]?.ipsets ?? []).map((s) => [s.name, { type: s.type, entries: s.entries }]));
  const result = { tables: parseIptablesSave(text), meta, ipsets };
  st.tables.set(node, result);
  return result;
}

/** An ephemeral source port from Linux's default ip_local_port_range (32768-60999). */
export function ephemeralPort(rng: Rng): number {
  return 32768 + rng.intn(60999 - 32768 + 1);
}
