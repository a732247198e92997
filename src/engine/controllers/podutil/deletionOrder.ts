// Which pods a ReplicaSet deletes first when it scales down: pkg/controller/replicaset/
// replica_set.go getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode and
// pkg/controller/controller_utils.go ActivePodsWithRanks.Less, with the PodDeletionCost and
// LogarithmicScaleDown features on (their defaults since v1.22).
import type { KubeObject } from '../../api/types';
import { creationMs, isPodReady, podReadyTime } from './podState';
import { podFacts } from './podFacts';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

interface Ranked {
  pod: KubeObject;
  rank: number;
}

/** A pod with everything the comparison reads, extracted once per scale-down (10,000 pods sort). */
interface Keyed extends Ranked {
  assigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  /** logRank of the Ready time, when ready with a known time. */
  readyRank?: number;
  readyMs?: number;
  restarts: { regular: number; sidecar: number };
  createdMs?: number;
  createdRank?: number;
  uid: string;
  name: string;
}

function phaseOrdinal(pod: KubeObject): number {
  // Go's map lookup of a missing phase yields 0, the same as Pending.
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : 0;
}

function maxRestarts(pod: KubeObject): { regular: number; sidecar: number } {
  let regular = 0;
  let sidecar = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set<string>(
    (pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always').map((c: any) => c.name),
  );
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}

/** afterOrZero: a zero time sorts first, otherwise the later time sorts first. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** floor(log2(age in ns)), or -1 for a non-positive age (logarithmicRankDiff). */
function logRank(t: number, now: number): number {
  const ns = (now - t) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

function compareTimes(t1: number | undefined, t2: number | undefined, a: KubeObject, b: KubeObject, now: number): number {
  if (t1 === undefined || t2 === undefined) return afterOrZero(t1, t2) ? -1 : afterOrZero(t2, t1) ? 1 : 0;
  const diff = logRank(t1, now) - logRank(t2, now);
  if (diff === 0) {
    const ua = a.metadata.uid ?? '';
    const ub = b.metadata.uid ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }
  return diff;
}

/** Negative when `a` should be deleted before `b` (the definition; podsToDelete sorts on extracted keys). */
export function compareForDeletion(a: Ranked, b: Ranked, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  if (phaseOrdinal(pa) !== phaseOrdinal(pb)) return phaseOrdinal(pa) - phaseOrdinal(pb);
  // 3. Not ready < ready.
  if (isPodReady(pa) !== isPodReady(pb)) return isPodReady(pa) ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  if (deletionCost(pa) !== deletionCost(pb)) return deletionCost(pa) - deletionCost(pb);
  // 5. More related pods on the same node first (doubled up < not doubled up).
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Both ready: ready for a shorter time first (logarithmic buckets).
  if (isPodReady(pa) && isPodReady(pb)) {
    const ta = podReadyTime(pa);
    const tb = podReadyTime(pb);
    if (ta !== tb) {
      const c = compareTimes(ta, tb, pa, pb, now);
      if (c !== 0) return c;
    }
  }
  // 7. More container restarts first, then more sidecar restarts.
  const ra = maxRestarts(pa);
  const rb = maxRestarts(pb);
  if (ra.regular !== rb.regular) return rb.regular - ra.regular;
  if (ra.sidecar !== rb.sidecar) return rb.sidecar - ra.sidecar;
  // 8. Newer first.
  const ca = creationMs(pa);
  const cb = creationMs(pb);
  if (ca !== cb) return compareTimes(ca, cb, pa, pb, now);
  return 0;
}

/**
 * The `diff` pods to delete out of `pods`. `relatedPods` are the active pods of every
 * ReplicaSet with the same owner (getIndirectlyRelatedPods); the rank of a pod is how many
 * of them share its node. Go's sort.Sort is not stable; we sort stably by name on ties.
 */
export function podsToDelete(pods: KubeObject[], relatedPods: KubeObject[], diff: number, now: number): KubeObject[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of relatedPods) {
    const facts = podFacts(p);
    if (!facts.active) continue;
    onNode.set(facts.nodeName, (onNode.get(facts.nodeName) ?? 0) + 1);
  }
  const keyed = pods.map((pod) => keyFor(pod, onNode.get(pod.spec?.nodeName ?? '') ?? 0, now));
  const order = (a: Keyed, b: Keyed) => compareKeyed(a, b) || (a.name < b.name ? -1 : 1);
  return firstInOrder(keyed, diff, order).map((r) => r.pod);
}

/**
 * The first `k` items of `items` sorted by `order` (a strict total order). A rolling update
 * scales the old ReplicaSet down a few pods at a time out of thousands, so small `k` keeps
 * the k best in a sorted window instead of sorting everything; the result is the same.
 */
function firstInOrder<T>(items: T[], k: number, order: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k > 64) return [...items].sort(order).slice(0, k);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && order(item, best[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(best[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function keyFor(pod: KubeObject, rank: number, now: number): Keyed {
  const ready = isPodReady(pod);
  const readyMs = ready ? podReadyTime(pod) : undefined;
  const createdMs = creationMs(pod);
  return {
    pod,
    rank,
    assigned: (pod.spec?.nodeName ?? '') !== '',
    phase: phaseOrdinal(pod),
    ready,
    cost: deletionCost(pod),
    readyMs,
    readyRank: readyMs === undefined ? undefined : logRank(readyMs, now),
    restarts: maxRestarts(pod),
    createdMs,
    createdRank: createdMs === undefined ? undefined : logRank(createdMs, now),
    uid: pod.metadata.uid ?? '',
    name: pod.metadata.name ?? '',
  };
}

/** compareForDeletion over extracted keys (same steps, same order). */
function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.assigned !== b.assigned) return a.assigned ? 1 : -1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.ready && b.ready && a.readyMs !== b.readyMs) {
    const c = compareRanked(a.readyMs, b.readyMs, a.readyRank, b.readyRank, a.uid, b.uid);
    if (c !== 0) return c;
  }
  if (a.restarts.regular !== b.restarts.regular) return b.restarts.regular - a.restarts.regular;
  if (a.restarts.sidecar !== b.restarts.sidecar) return b.restarts.sidecar - a.restarts.sidecar;
  if (a.createdMs !== b.createdMs) return compareRanked(a.createdMs, b.createdMs, a.createdRank, b.createdRank, a.uid, b.uid);
  return 0;
}

/** compareTimes with the logarithmic ranks already computed. */
function compareRanked(t1: number | undefined, t2: number | undefined, r1: number | undefined, r2: number | undefined, u1: string, u2: string): number {
  if (t1 === undefined || t2 === undefined) return afterOrZero(t1, t2) ? -1 : afterOrZero(t2, t1) ? 1 : 0;
  const diff = r1! - r2!;
  if (diff === 0) return u1 < u2 ? -1 : u1 > u2 ? 1 : 0;
  return diff;
}
