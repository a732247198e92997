// Node selectors and taints as the scheduler matches them:
// component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go (NodeSelector terms,
// matchFields on metadata.name, Gt/Lt) and component-helpers/scheduling/corev1/helpers.go
// (ToleratesTaint, FindMatchingUntoleratedTaint).
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';

export function nodeSelectorRequirementMatches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const v = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(v);
    case 'NotIn':
      return !has || !values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const a = parseIntStrict(v);
      const b = parseIntStrict(values[0]);
      if (a === null || b === null) return false;
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

function parseIntStrict(s: string): number | null {
  return /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : null;
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (!nodeSelectorRequirementMatches(r, labels)) return false;
  for (const f of fields) {
    // Only metadata.name is a supported field (nodeaffinity.go nodeFieldSelectorKeys).
    if (f.key !== 'metadata.name') return false;
    if (!nodeSelectorRequirementMatches(f, { 'metadata.name': node.metadata?.name ?? '' })) return false;
  }
  return true;
}

/** Terms are ORed. */
export function nodeSelectorMatches(sel: NodeSelector, node: Node): boolean {
  return (sel.nodeSelectorTerms ?? []).some((t) => nodeSelectorTermMatches(t, node));
}

/**
 * nodeaffinity.GetRequiredNodeAffinity(pod).Match: spec.nodeSelector (all pairs) AND the
 * required node affinity terms.
 */
export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (req && !nodeSelectorMatches(req, node)) return false;
  return true;
}

/** The same check prepared once per pod; null when the pod constrains nothing (every node matches). */
export function requiredNodeMatcher(pod: Pod): ((node: Node) => boolean) | null {
  const sel = pod.spec?.nodeSelector;
  const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if ((!sel || Object.keys(sel).length === 0) && !req) return null;
  return (node) => podMatchesNodeSelectorAndAffinity(pod, node);
}

/** Toleration.ToleratesTaint (core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

export const doNotScheduleTaint = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** The first taint (in node order) that passes `filter` and is not tolerated. */
export function findUntoleratedTaint(
  taints: Taint[] | undefined,
  tolerations: Toleration[] | undefined,
  filter: (t: Taint) => boolean,
): Taint | null {
  for (const taint of taints ?? []) {
    if (!filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return null;
}
