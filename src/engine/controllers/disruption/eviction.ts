// The Eviction API's decision (pkg/registry/core/pod/storage/eviction.go): an eviction is a
// delete that first asks the pod's PodDisruptionBudget. The host calls checkEviction when
// something POSTs pods/<name>/eviction (kubectl drain, the console), applies `writes` on
// success, and returns the error (HTTP 429 / 500) otherwise.
import type { KubeObject } from '../../api/types';
import { matchesSelector } from '../../api/selectors';
import { isoAt } from '../../core/time';
import type { Write } from '../types';
import { isPodReady } from '../endpoints/podState';

export const PDB_VIOLATION_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";
export const MULTIPLE_PDBS_MESSAGE = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

export type EvictionResult =
  | { allowed: true; writes: Write[] }
  | {
      allowed: false;
      /** HTTP status: 429 TooManyRequests, 500 InternalError, 403 Forbidden. */
      code: 429 | 500 | 403;
      reason: 'TooManyRequests' | 'InternalError' | 'Forbidden';
      message: string;
      /** status.details.causes[0] for a DisruptionBudget refusal. */
      cause?: { type: 'DisruptionBudget'; message: string };
      retryAfterSeconds?: number;
    };

/** canIgnorePDB: finished, pending or already-deleting pods are not protected. */
function canIgnorePdb(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || Boolean(pod.metadata.deletionTimestamp);
}

function evictionWrites(pod: KubeObject, now: number): Write[] {
  const conditions = [
    ...(pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget'),
    { type: 'DisruptionTarget', status: 'True', lastTransitionTime: isoAt(now), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' },
  ];
  return [
    { op: 'updateStatus', object: { ...pod, status: { ...(pod.status ?? {}), conditions } }, reason: 'EvictionByEvictionAPI' },
    { op: 'delete', ref: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }, reason: 'Evicted', uid: pod.metadata.uid },
  ];
}

/** Decides one eviction of `pod` given the PodDisruptionBudgets of its namespace. */
export function checkEviction(pod: KubeObject, pdbsInNamespace: KubeObject[], now: number): EvictionResult {
  if (canIgnorePdb(pod)) return { allowed: true, writes: evictionWrites(pod, now) };
  const pdbs = pdbsInNamespace.filter((p) => matchesSelector(p.spec?.selector, pod.metadata.labels));
  if (pdbs.length > 1) return { allowed: false, code: 500, reason: 'InternalError', message: MULTIPLE_PDBS_MESSAGE };
  if (pdbs.length === 0) return { allowed: true, writes: evictionWrites(pod, now) };
  const pdb = pdbs[0];
  const st = pdb.status ?? {};
  // An unhealthy pod may go when the budget is met anyway (unhealthyPodEvictionPolicy
  // IfHealthyBudget, the default) or always (AlwaysAllow); no disruption is consumed.
  if (!isPodReady(pod)) {
    const policy = pdb.spec?.unhealthyPodEvictionPolicy ?? 'IfHealthyBudget';
    if (policy === 'AlwaysAllow' || ((st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0) && (st.desiredHealthy ?? 0) > 0)) {
      return { allowed: true, writes: evictionWrites(pod, now) };
    }
  }
  // checkAndDecrement
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
    return { allowed: false, code: 429, reason: 'TooManyRequests', message: PDB_VIOLATION_MESSAGE, retryAfterSeconds: 10, cause: { type: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} is still being processed by the server.` } };
  }
  const allowed: number = st.disruptionsAllowed ?? 0;
  if (allowed < 0) return { allowed: false, code: 403, reason: 'Forbidden', message: `poddisruptionbudgets.policy "${pdb.metadata.name}" is forbidden: pdb disruptions allowed is negative` };
  if (allowed === 0) {
    return {
      allowed: false,
      code: 429,
      reason: 'TooManyRequests',
      message: PDB_VIOLATION_MESSAGE,
      retryAfterSeconds: 0,
      cause: { type: 'DisruptionBudget', message: budgetCauseMessage(pdb) },
    };
  }
  const nextStatus = {
    ...st,
    disruptionsAllowed: allowed - 1,
    disruptedPods: { ...(st.disruptedPods ?? {}), [pod.metadata.name ?? '']: isoAt(now) },
  };
  if (allowed - 1 === 0) {
    nextStatus.conditions = (st.conditions ?? []).map((c: { type: string; status: string }) =>
      c.type === 'DisruptionAllowed' && c.status !== 'False' ? { ...c, status: 'False', reason: 'InsufficientPods', lastTransitionTime: isoAt(now) } : c,
    );
  }
  return { allowed: true, writes: [{ op: 'updateStatus', object: { ...pdb, status: nextStatus }, reason: 'Eviction' }, ...evictionWrites(pod, now)] };
}

/** The cause text of a refusal (eviction.go checkAndDecrement), most telling reason first. */
function budgetCauseMessage(pdb: KubeObject): string {
  const st = pdb.status ?? {};
  const name = pdb.metadata.name;
  const cond = (st.conditions ?? []).find((c: { type: string }) => c.type === 'DisruptionAllowed');
  if (cond?.status === 'False' && cond.message && cond.reason === 'SyncFailed') {
    return `The disruption budget ${name} does not allow evicting pods currently because it failed sync: ${cond.message}`;
  }
  if ((st.currentHealthy ?? 0) <= (st.desiredHealthy ?? 0)) return `The disruption budget ${name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`;
  if (cond?.status === 'False' && cond.message) return `The disruption budget ${name} does not allow evicting pods currently (${cond.reason}): ${cond.message}`;
  return `The disruption budget ${name} does not allow evicting pods currently`;
}

/** kubectl drain's line for a refused eviction (drain.go evictPods). */
export function drainRetryMessage(pod: KubeObject, result: Extract<EvictionResult, { allowed: false }>): string {
  return `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${result.message}`;
}
