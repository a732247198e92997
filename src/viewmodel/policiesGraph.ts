// Policies view: pods grouped by namespace, with an edge for each ordered pair saying whether
// NetworkPolicy lets the first connect to the second. The verdicts come from the caller (the
// engine's netpolMatrix, the e2e truth table's shape); this file only draws them. When the CNI
// does not enforce NetworkPolicy (flannel, bridge), a banner says so and "denied" edges are drawn
// as "denied by policy, not enforced": the packets still flow.
import type { Snapshot } from '../engine';
import type { NetpolMatrix } from '../engine/network/netpol';
import { keepConnected, type Graph, type GraphEdge, type GraphNode } from './graph';
import { podNode } from './podNode';

export interface PoliciesOptions {
  matrix: NetpolMatrix;
  /** Whether the cluster's CNI enforces NetworkPolicy (engine: cniEnforcesPolicy). */
  enforced: boolean;
  /** The engine's sentence about enforcement (policyEnforcementNote), shown under the banner. */
  enforcementNote?: string;
  cni?: string;
  /** Port the matrix was computed for, shown in the notes. */
  port?: number;
  /** Which edges to draw. Default 'all'. */
  show?: 'all' | 'allowed' | 'denied';
  /** `ns/pod`: draw only edges from or to this pod. */
  focus?: string;
}

export const namespaceGroupId = (ns: string) => `ns:${ns}`;

export function buildPoliciesGraph(snapshot: Snapshot, opts: PoliciesOptions): Graph {
  const keys = Object.keys(opts.matrix.matrix).sort();
  const pods = new Map((snapshot.objects.Pod ?? []).map((p) => [`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`, p]));
  const namespaces = [...new Set(keys.map((k) => k.split('/')[0]))].sort();
  const nodes: GraphNode[] = [];
  for (const ns of namespaces) {
    const count = keys.filter((k) => k.startsWith(`${ns}/`)).length;
    nodes.push({ id: namespaceGroupId(ns), kind: 'Namespace', label: ns, ref: `Namespace/${ns}`, status: 'neutral', statusText: `${count} pods`, group: true });
  }
  for (const key of keys) {
    const [ns, name] = key.split('/');
    const pod = pods.get(key);
    nodes.push(pod ? podNode(pod, { parent: namespaceGroupId(ns) }) : { id: `Pod/${ns}/${name}`, kind: 'Pod', label: name, ref: `Pod/${ns}/${name}`, status: 'neutral', statusText: 'not in this snapshot', parent: namespaceGroupId(ns) });
  }
  const show = opts.show ?? 'all';
  const edges: GraphEdge[] = [];
  for (const from of keys) {
    for (const to of keys) {
      if (from === to) continue;
      if (opts.focus && from !== opts.focus && to !== opts.focus) continue;
      const allowed = opts.matrix.matrix[from]?.[to] ?? true;
      if ((show === 'allowed' && !allowed) || (show === 'denied' && allowed)) continue;
      const detail = opts.matrix.reasons[`${from}->${to}`];
      const labelKey = allowed ? { key: 'graph.policies.allowed' } : opts.enforced ? { key: 'graph.policies.denied' } : { key: 'graph.policies.deniedNotEnforced' };
      edges.push({
        id: `policy:${from}->${to}`,
        source: `Pod/${from}`,
        target: `Pod/${to}`,
        kind: allowed ? 'allowed' : 'denied',
        status: allowed ? 'ok' : opts.enforced ? 'error' : 'warning',
        label: allowed ? 'allowed' : opts.enforced ? 'denied' : 'denied by policy, not enforced',
        labelKey,
        detail,
      });
    }
  }
  const notes = opts.port !== undefined ? [`Verdicts for TCP port ${opts.port}.`] : [];
  if (show === 'denied' && edges.length === 0) notes.push('No NetworkPolicy denies any of these connections: every pod can reach every other pod.');
  if (show === 'denied') notes.push('Only denied connections are drawn; select a pod to see all of its connections.');
  const banner = opts.enforced
    ? undefined
    : { status: 'warning' as const, labelKey: { key: 'graph.policies.notEnforced', values: { cni: opts.cni ?? '' } }, text: opts.enforcementNote };
  return { nodes, edges: keepConnected(nodes, edges), direction: 'RIGHT', banner, notes };
}
