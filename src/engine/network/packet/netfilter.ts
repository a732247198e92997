// Netfilter over a node's `iptables-save` text: parse the tables, then walk a packet through a
// built-in chain the way the kernel does (rules in order, jumps, RETURN, the chain policy), and
// report every rule that matched with the line exactly as iptables-save prints it. Walking the
// saved text (rather than kube-proxy's model) covers kube-proxy's and the CNI's rules alike.
// Match semantics: iptables-extensions(8) for the modules kube-proxy and flannel use.
import { tryParseCidr, cidrContains, tryParseIp } from '../ip';
import { tokenizeRule } from '../clusterNetwork';
import { parseRuleArgs, type MatchModule, type ParsedRule } from '../kubeproxy';
import type { Protocol } from './types';

export interface SavedRule {
  table: string;
  chain: string;
  /** The full line, "-A CHAIN ...", as iptables-save printed it. */
  line: string;
  parsed: ParsedRule;
}

export interface SavedTable {
  policies: Map<string, string>;
  chains: Map<string, SavedRule[]>;
}

export type SavedTables = Map<string, SavedTable>;

export function parseIptablesSave(text: string): SavedTables {
  const tables: SavedTables = new Map();
  let current: SavedTable | undefined;
  let tableName = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) {
      tableName = line.slice(1).trim();
      current = { policies: new Map(), chains: new Map() };
      tables.set(tableName, current);
    } else if (line.startsWith(':') && current) {
      const [name, policy] = line.slice(1).split(' ');
      current.chains.set(name, current.chains.get(name) ?? []);
      if (policy !== '-') current.policies.set(name, policy);
    } else if (line.startsWith('-A ') && current) {
      const [, chain, ...args] = tokenizeRule(line);
      const rules = current.chains.get(chain) ?? [];
      rules.push({ table: tableName, chain, line, parsed: parseRuleArgs(args) });
      current.chains.set(chain, rules);
    }
  }
  return tables;
}

/** What netfilter knows about the packet at the hook. */
export interface NfPacket {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  proto: Protocol;
  mark: number;
  inIface?: string;
  outIface?: string;
  /** Conntrack state: the first packet of a connection is NEW, replies are ESTABLISHED. */
  ctstate: 'NEW' | 'ESTABLISHED';
  /** The connection was DNATed (conntrack state DNAT). */
  dnat: boolean;
  srcLocal: boolean;
  dstLocal: boolean;
  /** ipset contents (IPVS mode), by set name. */
  ipsets?: Map<string, IpsetContents>;
  /** The IPVS virtual service that handled the connection, for `-m ipvs`. */
  ipvs?: { vaddr: string; vport: number };
}

export interface StatisticDraw {
  rule: SavedRule;
  draw: number;
  taken: boolean;
}

export type NfVerdict = 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'SNAT' | 'MASQUERADE' | 'POLICY';

export interface NfResult {
  /** Matched rules in order; jumps into chains where nothing matched are left out. */
  matched: SavedRule[];
  draws: StatisticDraw[];
  verdict: NfVerdict;
  /** The rule that decided (undefined when the chain policy did). */
  decidedBy?: SavedRule;
  /** The built-in chain's policy when it decided. */
  policy?: string;
  toDestination?: string;
  toSource?: string;
  mark: number;
}

function addrMatches(h: { value: string; invert: boolean } | undefined, ip: string): boolean {
  if (!h) return true;
  const text = h.value.includes('/') ? h.value : `${h.value}/${h.value.includes(':') ? 128 : 32}`;
  const cidr = tryParseCidr(text);
  const addr = tryParseIp(ip);
  const hit = !!cidr && !!addr && cidr.family === addr.family && cidrContains(cidr, addr);
  return hit !== h.invert;
}

function ifaceMatches(h: { value: string; invert: boolean } | undefined, iface: string | undefined): boolean {
  if (!h) return true;
  const name = iface ?? '';
  const hit = h.value.endsWith('+') ? name.startsWith(h.value.slice(0, -1)) : name === h.value;
  return hit !== h.invert;
}

/** "0x4000/0x4000" -> value and mask. */
function parseMark(text: string): { value: number; mask: number } {
  const [v, m] = text.split('/');
  return { value: Number.parseInt(v, 16) >>> 0, mask: m === undefined ? 0xffffffff : Number.parseInt(m, 16) >>> 0 };
}

/** An ipset as the walker needs it (IPVS mode): its type and entries (ipset Entry.String text). */
export interface IpsetContents {
  type: string;
  entries: string[];
}

/**
 * ipset membership for `--match-set NAME flags`: each flag (src|dst) says which packet field the
 * matching dimension of the set type reads (hash:ip,port "ip,proto:port"; hash:ip,port,ip and
 * hash:ip,port,net add a third address; bitmap:port holds bare ports; hash:ip bare addresses).
 */
function setMatches(set: IpsetContents, p: NfPacket, flags: string): boolean {
  const dir = flags.split(',');
  const ipOf = (i: number) => ((dir[i] ?? dir[0]) === 'src' ? p.src : p.dst);
  const portOf = (i: number) => ((dir[i] ?? dir[0]) === 'src' ? p.sport : p.dport);
  const proto = p.proto.toLowerCase();
  return set.entries.some((e) => {
    if (set.type === 'bitmap:port') return Number(e) === portOf(0);
    const [addr, pp, third] = e.split(',');
    const inSet = (value: string, ip: string) => (value.includes('/') ? addrMatches({ value, invert: false }, ip) : value === ip);
    if (!inSet(addr, ipOf(0))) return false;
    if (pp !== undefined && pp !== `${proto}:${portOf(1)}`) return false;
    return third === undefined || inSet(third, ipOf(2));
  });
}

function moduleMatches(m: MatchModule, p: NfPacket, draw: () => number, rule: SavedRule, draws: StatisticDraw[]): boolean {
  const opt = (name: string) => m.options.find((o) => o.name === name);
  switch (m.module) {
    case 'tcp':
    case 'udp':
    case 'sctp': {
      if (m.module !== p.proto.toLowerCase()) return false;
      const dport = opt('dport');
      if (dport && (Number(dport.values[0]) === p.dport) === dport.invert) return false;
      const sport = opt('sport');
      if (sport && (Number(sport.values[0]) === p.sport) === sport.invert) return false;
      return true;
    }
    case 'multiport': {
      const dports = opt('dports');
      if (!dports) return true;
      return dports.values[0].split(',').map(Number).includes(p.dport) !== dports.invert;
    }
    case 'addrtype': {
      const dst = opt('dst-type');
      const src = opt('src-type');
      if (dst && p.dstLocal === dst.invert) return false;
      if (src && p.srcLocal === src.invert) return false;
      return true;
    }
    case 'mark': {
      const o = opt('mark');
      if (!o) return true;
      const { value, mask } = parseMark(o.values[0]);
      return (((p.mark & mask) >>> 0) === value) !== o.invert;
    }
    case 'conntrack': {
      const o = opt('ctstate');
      if (!o) return true;
      const states = new Set([p.ctstate, ...(p.dnat ? ['DNAT'] : [])]);
      const hit = o.values[0].split(',').some((s) => states.has(s as 'NEW'));
      return hit !== o.invert;
    }
    case 'recent':
      // A new connection has no entry in any affinity list yet; --set always matches.
      return !opt('rcheck') && !opt('update');
    case 'statistic': {
      const o = opt('probability');
      if (!o) return true;
      const d = draw();
      const taken = d < Number(o.values[0]);
      draws.push({ rule, draw: d, taken });
      return taken !== o.invert;
    }
    case 'set': {
      const o = opt('match-set');
      if (!o) return true;
      const set = p.ipsets?.get(o.values[0]);
      return (!!set && setMatches(set, p, o.values[1] ?? 'dst')) !== o.invert;
    }
    case 'ipvs': {
      // Matches only packets IPVS handled, for the given virtual address/port.
      if (!p.ipvs) return m.options.every((o) => o.invert);
      return m.options.every((o) => {
        const hit = o.name === 'vaddr' ? addrMatches({ value: o.values[0], invert: false }, p.ipvs!.vaddr)
          : o.name === 'vport' ? Number(o.values[0]) === p.ipvs!.vport
            : true;
        return hit !== o.invert;
      });
    }
    default:
      // comment, nfacct, physdev...: no effect on the verdict.
      return true;
  }
}

function ruleMatches(rule: SavedRule, p: NfPacket, draw: () => number, draws: StatisticDraw[]): boolean {
  const r = rule.parsed;
  if (!addrMatches(r.src, p.src) || !addrMatches(r.dst, p.dst)) return false;
  if (!ifaceMatches(r.inIface, p.inIface) || !ifaceMatches(r.outIface, p.outIface)) return false;
  if (r.protocol && (r.protocol.value === p.proto.toLowerCase()) === r.protocol.invert) return false;
  for (const m of r.matches) if (!moduleMatches(m, p, draw, rule, draws)) return false;
  return true;
}

const TERMINAL = new Set(['ACCEPT', 'DROP', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE']);

/** Walks `packet` through built-in `chain` of `table`. `draw` returns numbers in [0, 1). */
export function walkHook(tables: SavedTables, table: string, chain: string, packet: NfPacket, draw: () => number): NfResult {
  const t = tables.get(table);
  const result: NfResult = { matched: [], draws: [], verdict: 'POLICY', mark: packet.mark };
  if (!t) return result;
  const p = { ...packet };
  const walk = (name: string, depth: number): { matched: SavedRule[]; done: boolean } => {
    const matched: SavedRule[] = [];
    if (depth > 32) return { matched, done: false };
    for (const rule of t.chains.get(name) ?? []) {
      if (!ruleMatches(rule, p, draw, result.draws)) continue;
      const target = rule.parsed.target ?? '';
      if (target === '') {
        matched.push(rule); // comment-only rule
        continue;
      }
      if (target === 'MARK') {
        const xmark = rule.parsed.targetOptions.find((o) => o.name === 'set-xmark');
        if (xmark) {
          const { value, mask } = parseMark(xmark.values[0]);
          p.mark = (((p.mark & ~mask) >>> 0) ^ value) >>> 0;
        }
        matched.push(rule);
        continue;
      }
      if (target === 'RETURN') {
        matched.push(rule);
        return { matched, done: false };
      }
      if (TERMINAL.has(target)) {
        matched.push(rule);
        result.verdict = target as NfVerdict;
        result.decidedBy = rule;
        const get = (n: string) => rule.parsed.targetOptions.find((o) => o.name === n)?.values[0];
        if (target === 'DNAT') result.toDestination = get('to-destination');
        if (target === 'SNAT') result.toSource = get('to-source');
        return { matched, done: true };
      }
      const sub = walk(target, depth + 1);
      if (sub.matched.length > 0 || sub.done) matched.push(rule, ...sub.matched);
      if (sub.done) return { matched, done: true };
    }
    return { matched, done: false };
  };
  const { matched, done } = walk(chain, 0);
  result.matched = matched;
  result.mark = p.mark;
  if (!done) result.policy = t.policies.get(chain) ?? 'ACCEPT';
  return result;
}
