// Rules view: kube-proxy's iptables chains on one node as a graph. Each chain is a node with its
// rules as detail text (the iptables-save argument lists); each jump from a chain to another is an
// edge labelled with the rule's comment, or for endpoint selection with the endpoint and the
// chance a new connection goes there (the --probability cascade of KUBE-SVC chains). A packet
// trace (engine tracePacket hops) lights the path it took. Data: src/engine/network/kubeproxy.
import type { IptablesRule, ProxyRules, TableName, TraceHop } from '../engine/network/kubeproxy';
import { keepConnected, type Graph, type GraphEdge, type GraphNode } from './graph';

export interface RulesOptions {
  /** Default 'nat' (where Service traffic is translated). */
  table?: TableName;
  /** "ns/name": only this Service's chains and the jumps that lead to them. */
  service?: string;
  /** Hops of a packet trace: their chains and jumps light up. */
  trace?: TraceHop[];
  /** Most rule lines shown on a chain card; the rest are summarised. Default 8. */
  maxRuleLines?: number;
}

/** Jumps to this chain come from almost every chain: listed in the rules, not drawn. */
export const MARK_MASQ = 'KUBE-MARK-MASQ';

export const chainNodeId = (table: TableName, chain: string) => `chain:${table}/${chain}`;

const chainName = (line: string) => line.replace(/^:/, '').split(' ')[0];

function ruleText(rule: IptablesRule): string {
  return rule.args.join(' ');
}

function edgeLabel(rule: IptablesRule): string {
  if (rule.meta.role === 'endpoint-select' && rule.meta.endpoint) {
    const share = rule.meta.share !== undefined ? ` (${Math.round(rule.meta.share * 100)}%)` : '';
    return `${rule.meta.endpoint}${share}${rule.meta.probability ? ` p=${rule.meta.probability}` : ''}`;
  }
  return rule.comment ?? rule.target;
}

export function buildRulesGraph(rules: ProxyRules, opts: RulesOptions = {}): Graph {
  const table = opts.table ?? 'nat';
  const tableRules = rules[table === 'mangle' ? 'nat' : table];
  const maxLines = opts.maxRuleLines ?? 8;
  const builtins = rules.jumps.filter((j) => j.table === table);
  const kubeChains = tableRules.chains.map(chainName);
  const allChains = [...new Set([...builtins.map((j) => j.chain), ...kubeChains])];

  // A Service focus keeps its own chains plus the shared ones that lead to them.
  let keep: Set<string> | undefined;
  if (opts.service) {
    const mine = rules.services.filter((s) => s.service.nameString.startsWith(`${opts.service}:`));
    keep = new Set(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXTERNAL-SERVICES', ...builtins.filter((j) => j.target === 'KUBE-SERVICES' || j.target === 'KUBE-NODEPORTS').map((j) => j.chain)]);
    for (const s of mine) {
      for (const c of Object.values(s.chains)) if (c) keep.add(c);
      for (const e of [...s.clusterEndpoints, ...s.localEndpoints]) keep.add(e.sepChain);
    }
  }
  const shown = allChains.filter((c) => !keep || keep.has(c));
  const tracedChains = new Set((opts.trace ?? []).filter((h) => h.table === table).map((h) => h.chain));
  const tracedJumps = new Set((opts.trace ?? []).filter((h) => h.table === table).map((h) => `${h.chain}->${h.rule.target}`));

  const nodes: GraphNode[] = shown.map((chain) => {
    const own = tableRules.rules.filter((r) => r.chain === chain);
    const jumpsHere = builtins.filter((j) => j.chain === chain);
    const lines = [...jumpsHere.map((j) => j.args.join(' ')), ...own.map(ruleText)];
    const details = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `… ${lines.length - maxLines + 1} more rules`] : lines;
    const dnat = own.find((r) => r.meta.role === 'dnat');
    const builtin = !kubeChains.includes(chain);
    return {
      id: chainNodeId(table, chain),
      kind: builtin ? `${table} built-in chain` : `${table} chain`,
      label: chain,
      status: tracedChains.has(chain) ? 'progress' : 'neutral',
      statusText: dnat?.meta.endpoint ? `DNAT to ${dnat.meta.endpoint}` : `${lines.length} rules`,
      lines: serviceLine(chain, own),
      details,
      hint: lines.join('\n'),
    };
  });

  const edges: GraphEdge[] = [];
  const add = (chain: string, target: string, label: string, detail: string) => {
    if (target === MARK_MASQ || !shown.includes(chain) || !shown.includes(target)) return;
    const id = `jump:${table}/${chain}->${target}`;
    if (edges.some((e) => e.id === id)) return;
    const active = tracedJumps.has(`${chain}->${target}`);
    edges.push({ id, source: chainNodeId(table, chain), target: chainNodeId(table, target), kind: 'jump', status: active ? 'progress' : 'neutral', active, label, detail });
  };
  for (const j of builtins) add(j.chain, j.target, commentOf(j.args) ?? j.target, j.args.join(' '));
  for (const r of tableRules.rules) {
    if (!allChains.includes(r.target)) continue;
    // With a Service focus, shared chains only show the jumps that serve that Service.
    if (opts.service && r.meta.service && !r.meta.service.nameString.startsWith(`${opts.service}:`)) continue;
    add(r.chain, r.target, edgeLabel(r), ruleText(r));
  }
  const notes = [...rules.notes, `Jumps to ${MARK_MASQ} are listed in each chain's rules, not drawn.`];
  return { nodes, edges: keepConnected(nodes, edges), direction: 'RIGHT', notes };
}

/** The `--comment` argument, unquoted. */
function commentOf(args: string[]): string | undefined {
  const i = args.indexOf('--comment');
  return i >= 0 && i + 1 < args.length ? args[i + 1].replace(/^"|"$/g, '') : undefined;
}

/** Per-Service chains (KUBE-SVC/SVL/EXT/FW/SEP) name the Service port they serve. */
function serviceLine(chain: string, own: IptablesRule[]): string[] {
  if (!/^KUBE-(SVC|SVL|EXT|FW|SEP)-/.test(chain)) return [];
  const svc = own.find((r) => r.meta.service)?.meta.service;
  return svc ? [svc.nameString] : [];
}
