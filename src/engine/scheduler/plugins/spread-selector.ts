// Pod selectors for topology spreading: a constraint's labelSelector (+ matchLabelKeys), or the
// default selector built from the Services, ReplicationControllers, ReplicaSets and
// StatefulSets that select the pod (plugins/helper/spread.go DefaultSelector, GetPodServices).
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesMap, matchesSelector } from '../../api/selectors';
import type { SchedulerCache } from '../cache';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';

export interface PodSelector {
  /** Identity for memoising counts; equal keys select the same pods. */
  key: string;
  /** Small integer ids per namespace for `key`, filled lazily by countMatching. */
  ids?: Map<string, number>;
  /** labels.Selector.Empty(): an empty selector counts no pods here (countPodsMatchSelector). */
  empty: boolean;
  matches(labels: Record<string, string>): boolean;
}

export function fromLabelSelector(sel: LabelSelector | null | undefined, matchLabelKeys: string[] | undefined, podLabels: Record<string, string>): PodSelector {
  if (sel == null) return { key: 'nothing', empty: false, matches: () => false };
  let s: LabelSelector = sel;
  const extra = (matchLabelKeys ?? []).filter((k) => k in podLabels);
  if (extra.length > 0) {
    s = { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), ...extra.map((k) => ({ key: k, operator: 'In', values: [podLabels[k]] }))] };
  }
  const empty = Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
  return { key: JSON.stringify(s), empty, matches: (l) => matchesSelector(s, l) };
}

/** DefaultSelector: services' selectors merged, ANDed with the controlling RC/RS/STS selector. */
export function defaultSelector(pod: Pod, cache: SchedulerCache): PodSelector {
  const ns = pod.metadata?.namespace ?? 'default';
  const labels = pod.metadata?.labels ?? {};
  const merged: Record<string, string> = {};
  for (const svc of cache.objects.services) {
    if ((svc.metadata?.namespace ?? 'default') !== ns) continue;
    const sel = svc.spec?.selector;
    if (sel == null) continue; // nil selectors match nothing
    if (matchesMap(sel, labels)) Object.assign(merged, sel);
  }
  let extra: LabelSelector | null = null;
  const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
  if (owner) {
    const same = (o: { metadata?: { name?: string; namespace?: string } }) => o.metadata?.name === owner.name && (o.metadata?.namespace ?? 'default') === ns;
    if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
      const rc = cache.objects.replicationControllers.find(same);
      if (rc?.spec?.selector) Object.assign(merged, rc.spec.selector);
    } else if (owner.apiVersion === 'apps/v1' && owner.kind === 'ReplicaSet') {
      extra = cache.objects.replicaSets.find(same)?.spec?.selector ?? null;
    } else if (owner.apiVersion === 'apps/v1' && owner.kind === 'StatefulSet') {
      extra = cache.objects.statefulSets.find(same)?.spec?.selector ?? null;
    }
  }
  const extraEmpty = !extra || (Object.keys(extra.matchLabels ?? {}).length === 0 && (extra.matchExpressions ?? []).length === 0);
  const empty = Object.keys(merged).length === 0 && extraEmpty;
  const key = `default:${JSON.stringify(merged)}:${JSON.stringify(extra)}`;
  return {
    key,
    empty,
    matches: (l) => matchesMap(merged, l) && (extra === null || matchesSelector(extra, l)),
  };
}

/** countPodsMatchSelector: same namespace, not terminating, selector matches; memoised per node. */
const interned = new Map<string, number>();

function memoId(sel: PodSelector, ns: string): number {
  sel.ids ??= new Map();
  let id = sel.ids.get(ns);
  if (id === undefined) {
    const full = `${ns}\u0000${sel.key}`;
    id = interned.get(full);
    if (id === undefined) interned.set(full, (id = interned.size));
    sel.ids.set(ns, id);
  }
  return id;
}

export function countMatching(node: NodeInfo, sel: PodSelector, ns: string): number {
  if (sel.empty) return 0;
  const memoKey = memoId(sel, ns);
  const hit = node.matchCounts.get(memoKey);
  if (hit !== undefined) return hit;
  let n = 0;
  for (const p of node.pods) if (!p.terminating && p.namespace === ns && sel.matches(p.labels)) n++;
  node.matchCounts.set(memoKey, n);
  return n;
}

export const podCounts = (p: PodInfo, sel: PodSelector, ns: string): boolean => !p.terminating && p.namespace === ns && !sel.empty && sel.matches(p.labels);
