// Walks a packet through kube-proxy's nat (and filter service) chains, the way netfilter would,
// and reports every rule that matched: the data a packet tracer animates. Endpoint choice uses
// the caller's random draws (pass a seeded Rng), one per `-m statistic` rule reached, exactly
// like the kernel's independent per-rule coin flips.
import { cidrContains, parseIP } from './ip';
import type { IptablesRule, ProxyRules, TableName } from './model';
import { option, parseRuleArgs, type HeaderMatch, type ParsedRule } from './ruleArgs';

export interface TracePacket {
  srcIP: string;
  dstIP: string;
  dstPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** The destination is an address of this node (addrtype --dst-type LOCAL). */
  dstIsLocal?: boolean;
  /** The packet was sent by the node itself (addrtype --src-type LOCAL). */
  srcIsLocal?: boolean;
  /** Input interface name, for interface-based local-traffic detectors. */
  inInterface?: string;
  /** KUBE-SEP-* chains whose `-m recent` list holds this client (session affinity). */
  affinity?: string[];
}

export interface TraceHop {
  table: TableName;
  chain: string;
  rule: IptablesRule;
}

export interface TraceResult {
  /** Every rule that matched, in order (including KUBE-MARK-MASQ and comment-only rules). */
  hops: TraceHop[];
  /** DNAT | ACCEPT | DROP | REJECT | RETURN (fell off KUBE-SERVICES untouched) */
  verdict: 'DNAT' | 'ACCEPT' | 'DROP' | 'REJECT' | 'NONE';
  /** "ip:port" after DNAT. */
  endpoint?: string;
  /** The packet was marked for masquerading (SNAT on the way out). */
  masquerade: boolean;
}

function addrMatches(h: HeaderMatch | undefined, ip: string): boolean {
  if (!h) return true;
  const hit = h.value.includes('/') ? cidrContains(h.value, ip) : parseIP(h.value) !== undefined && cidrContains(`${h.value}/${h.value.includes(':') ? 128 : 32}`, ip);
  return hit !== h.invert;
}

function ifaceMatches(h: HeaderMatch | undefined, iface: string | undefined): boolean {
  if (!h) return true;
  const name = iface ?? '';
  const hit = h.value.endsWith('+') ? name.startsWith(h.value.slice(0, -1)) : name === h.value;
  return hit !== h.invert;
}

function matches(r: ParsedRule, p: TracePacket, draw: () => number): boolean {
  if (!addrMatches(r.src, p.srcIP) || !addrMatches(r.dst, p.dstIP) || !ifaceMatches(r.inIface, p.inInterface)) return false;
  if (r.protocol && (r.protocol.value === p.protocol.toLowerCase()) === r.protocol.invert) return false;
  for (const m of r.matches) {
    if (m.module === 'tcp' || m.module === 'udp' || m.module === 'sctp') {
      if (m.module !== p.protocol.toLowerCase()) return false;
      const dport = option(m, 'dport');
      if (dport && (Number(dport.values[0]) === p.dstPort) === dport.invert) return false;
    } else if (m.module === 'addrtype') {
      const dst = option(m, 'dst-type');
      const src = option(m, 'src-type');
      if (dst && !!p.dstIsLocal === dst.invert) return false;
      if (src && !!p.srcIsLocal === src.invert) return false;
    } else if (m.module === 'recent') {
      const name = option(m, 'name')?.values[0] ?? '';
      if (option(m, 'rcheck') && !(p.affinity ?? []).includes(name)) return false;
    } else if (m.module === 'statistic') {
      const prob = option(m, 'probability');
      if (prob && !(draw() < Number(prob.values[0]))) return false;
    }
    // comment, nfacct, mark, conntrack, set: treated as matching (service chains do not depend on them).
  }
  return true;
}

const TERMINAL = new Set(['DNAT', 'ACCEPT', 'DROP', 'REJECT']);

/**
 * Trace a new connection through the nat table from KUBE-SERVICES (what PREROUTING/OUTPUT jump
 * to). When the nat table does not DNAT it, the filter table's KUBE-PROXY-FIREWALL,
 * KUBE-SERVICES and KUBE-EXTERNAL-SERVICES rules are checked. `draw` returns numbers in [0, 1).
 */
export function tracePacket(rules: ProxyRules, packet: TracePacket, draw: () => number): TraceResult {
  const byChain = (table: 'nat' | 'filter') => {
    const map = new Map<string, { rule: IptablesRule; parsed: ParsedRule }[]>();
    for (const rule of rules[table].rules) {
      let list = map.get(rule.chain);
      if (!list) map.set(rule.chain, (list = []));
      list.push({ rule, parsed: parseRuleArgs(rule.args) });
    }
    return map;
  };
  const result: TraceResult = { hops: [], verdict: 'NONE', masquerade: false };
  const walk = (table: 'nat' | 'filter', chains: Map<string, { rule: IptablesRule; parsed: ParsedRule }[]>, chain: string, depth: number): boolean => {
    if (depth > 16) return false;
    for (const { rule, parsed } of chains.get(chain) ?? []) {
      if (!matches(parsed, packet, draw)) continue;
      result.hops.push({ table, chain, rule });
      const target = parsed.target ?? '';
      if (target === '') continue;
      if (target === 'KUBE-MARK-MASQ') { result.masquerade = true; continue; }
      if (target === 'RETURN') return false;
      if (TERMINAL.has(target)) {
        result.verdict = target as TraceResult['verdict'];
        if (target === 'DNAT') result.endpoint = parsed.targetOptions.find((o) => o.name === 'to-destination')?.values[0];
        return true;
      }
      if (walk(table, chains, target, depth + 1)) return true;
    }
    return false;
  };
  if (walk('nat', byChain('nat'), 'KUBE-SERVICES', 0)) return result;
  // Not DNATed: the filter table still sees the service address (INPUT/FORWARD/OUTPUT jumps).
  const filter = byChain('filter');
  if (walk('filter', filter, 'KUBE-PROXY-FIREWALL', 0)) return result;
  if (walk('filter', filter, 'KUBE-SERVICES', 0)) return result;
  if (!packet.srcIsLocal) walk('filter', filter, 'KUBE-EXTERNAL-SERVICES', 0);
  return result;
}

/** The KUBE-SERVICES (or KUBE-NODEPORTS) nat rule that captures a destination, if any. */
export function findServiceRule(rules: ProxyRules, packet: TracePacket): IptablesRule | undefined {
  const trace = tracePacket(rules, packet, () => 0);
  return trace.hops.find((h) => h.rule.meta.role.startsWith('capture-'))?.rule;
}
