// The netfilter stages of the host stack as hops: running a hook over the node's saved rules,
// turning the matched rules into hops (with the endpoint draw on KUBE-SVC rules), and the NAT
// bookkeeping in conntrack (DNAT, MASQUERADE, and their reversal on the reply).
import type { NetNamespace } from '../cni';
import { conntrackLine, type ConntrackEntry, type Endpoint } from './conntrack';
import { walkHook, type NfPacket, type NfResult } from './netfilter';
import { masqueradeAddress } from './routing';
import { hop, ruleHop, tablesFor, finish, ephemeralPort, type TraceState } from './state';
import type { EndpointCandidate } from './types';

export function nfPacket(st: TraceState, over: Partial<NfPacket>): NfPacket {
  return {
    src: st.pkt.src, dst: st.pkt.dst, sport: st.pkt.sport, dport: st.pkt.dport, proto: st.pkt.proto,
    mark: st.mark, ctstate: st.direction === 'request' ? 'NEW' : 'ESTABLISHED',
    dnat: st.conntrack.some((e) => !!e.dnat), srcLocal: false, dstLocal: false,
    ...over,
  };
}

/** Runs one hook on `node` and records the rules that matched. Returns undefined when the node has no rules. */
export function runHook(st: TraceState, node: string, table: 'nat' | 'filter', chain: string, packet: NfPacket, device: string): NfResult | undefined {
  const t = tablesFor(st, node);
  if (!t) return undefined;
  const res = walkHook(t.tables, table, chain, { ipsets: t.ipsets, ...(st.ipvs ? { ipvs: st.ipvs } : {}), ...packet }, () => st.rng.next());
  st.mark = res.mark;
  for (const rule of res.matched) {
    if (rule === res.decidedBy && (res.verdict === 'DROP' || res.verdict === 'REJECT')) continue;
    const meta = t.meta.get(rule.line)?.meta;
    if (meta?.role === 'endpoint-select') {
      const candidates = endpointCandidates(st, node, rule.chain, rule.line, res);
      const pos = candidates.findIndex((c) => c.taken);
      const note = `endpoint ${pos + 1} of ${candidates.length} picked: ` + candidates.slice(0, pos + 1)
        .map((c, i) => `rule ${i + 1} (probability ${c.probability})${c.draw !== undefined ? ` drew ${c.draw.toFixed(4)}` : ''} -> ${c.taken ? c.endpoint : 'next'}`).join('; ');
      ruleHop(st, node, device, rule, { candidates, note });
    } else {
      ruleHop(st, node, device, rule);
    }
  }
  if (res.verdict === 'DROP' || res.verdict === 'REJECT') {
    const rule = res.decidedBy!;
    const comment = rule.parsed.matches.find((m) => m.module === 'comment')?.options[0]?.values[0];
    const why = res.verdict === 'REJECT'
      ? `${comment ?? 'REJECT'}: the sender gets ${st.pkt.proto === 'TCP' ? 'ICMP port unreachable (connection refused)' : 'ICMP port unreachable'}`
      : `${comment ?? 'DROP'}: the packet is silently dropped`;
    hop(st, {
      node, netns: 'host', device, kind: 'drop', text: rule.line,
      rule: { table: rule.table, chain: rule.chain, line: rule.line }, note: why,
      ...(t.meta.get(rule.line) ? { meta: t.meta.get(rule.line)!.meta } : {}),
    });
    finish(st, { outcome: res.verdict === 'REJECT' ? 'rejected' : 'dropped', reason: `${table} ${rule.chain} on ${node}: ${why}` });
  }
  return res;
}

function endpointCandidates(st: TraceState, node: string, chain: string, takenLine: string, res: NfResult): EndpointCandidate[] {
  const t = tablesFor(st, node)!;
  const rules = t.tables.get('nat')?.chains.get(chain) ?? [];
  const out: EndpointCandidate[] = [];
  for (const rule of rules) {
    const meta = t.meta.get(rule.line)?.meta;
    if (meta?.role !== 'endpoint-select') continue;
    const draw = res.draws.find((d) => d.rule.line === rule.line)?.draw;
    out.push({ endpoint: meta.endpoint ?? '', probability: meta.probability ?? '1', ...(draw !== undefined ? { draw } : {}), taken: rule.line === takenLine, line: rule.line });
  }
  return out;
}

export function parseHostPort(text: string): Endpoint {
  const m = /^\[(.+)\]:(\d+)$/.exec(text) ?? /^([^:]+):(\d+)$/.exec(text);
  return m ? { ip: m[1], port: Number(m[2]) } : { ip: text, port: 0 };
}

function entryOn(st: TraceState, node: string): ConntrackEntry {
  let e = st.conntrack.find((c) => c.node === node);
  if (!e) st.conntrack.push((e = { node, orig: { ...st.pkt } }));
  return e;
}

export function applyDnat(st: TraceState, node: string, to: Endpoint, device: string, why: string): void {
  const e = entryOn(st, node);
  e.dnat = { from: { ip: st.pkt.dst, port: st.pkt.dport }, to };
  st.pkt = { ...st.pkt, dst: to.ip, dport: to.port };
  hop(st, { node, netns: 'host', device, kind: 'conntrack', text: conntrackLine(e), note: `${why}: conntrack records the DNAT so the reply's source can be put back` });
}

/** MASQUERADE / SNAT in POSTROUTING: the source becomes the output interface's address. */
export function applyMasquerade(st: TraceState, node: string, host: NetNamespace, outDev: string, randomFully: boolean): void {
  const addr = masqueradeAddress(host, outDev);
  if (!addr) return;
  const e = entryOn(st, node);
  // --random-fully picks the source port at random; without it the original port is kept when free.
  const port = randomFully ? ephemeralPort(st.rng) : st.pkt.sport;
  e.snat = { from: { ip: st.pkt.src, port: st.pkt.sport }, to: { ip: addr, port } };
  st.pkt = { ...st.pkt, src: addr, sport: port };
  hop(st, { node, netns: 'host', device: outDev, kind: 'conntrack', text: conntrackLine(e), note: `source NAT to ${outDev}'s address ${addr}: replies come back to this node, which undoes it` });
}

/** Reply path, PREROUTING: undo a source NAT this node did (the reply is addressed to the masquerade address). */
export function undoSnat(st: TraceState, node: string, device: string): void {
  const e = st.conntrack.find((c) => c.node === node && c.snat && c.snat.to.ip === st.pkt.dst && c.snat.to.port === st.pkt.dport);
  if (!e?.snat) return;
  st.pkt = { ...st.pkt, dst: e.snat.from.ip, dport: e.snat.from.port };
  hop(st, { node, netns: 'host', device, kind: 'conntrack', text: conntrackLine(e, true), note: `reply matches this entry: destination restored to ${e.snat.from.ip}:${e.snat.from.port} (undoing the source NAT)` });
}

/** Reply path, POSTROUTING/INPUT: undo a DNAT this node did (the reply's source becomes the address the client asked for). */
export function undoDnat(st: TraceState, node: string, device: string): void {
  const e = st.conntrack.find((c) => c.node === node && c.dnat && c.dnat.to.ip === st.pkt.src && c.dnat.to.port === st.pkt.sport);
  if (!e?.dnat) return;
  st.pkt = { ...st.pkt, src: e.dnat.from.ip, sport: e.dnat.from.port };
  hop(st, { node, netns: 'host', device, kind: 'conntrack', text: conntrackLine(e, true), note: `reply matches this entry: source restored to ${e.dnat.from.ip}:${e.dnat.from.port} (undoing the DNAT)` });
}
