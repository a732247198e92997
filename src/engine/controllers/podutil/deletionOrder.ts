// Which pods a ReplicaSet deletes first when it scales down: pkg/controller/replicaset/
// replica_set.go getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode and
// pkg/controller/controller_utils.go ActivePodsWithRanks.Less, with the PodDeletionCost and
// LogarithmicScaleDown features on (their defaults since v1.22).
import type { KubeObject } from '../../api/types';
import { creationMs, isPodActive, isPodReady, podReadyTime } from './podState';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

interface Ranked {
  pod: KubeObject;
  rank: number;
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

/** Negative when `a` should be deleted before `b`. */
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
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: Ranked[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, now) || ((a.pod.metadata.name ?? '') < (b.pod.metadata.name ?? '') ? -1 : 1));
  return ranked.slice(0, diff).map((r) => r.pod);
}
