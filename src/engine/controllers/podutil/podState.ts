// Pod readiness and availability as the workload controllers judge them
// (pkg/api/v1/pod/util.go IsPodReady / IsPodAvailable, pkg/controller/controller_utils.go IsPodActive).
import type { KubeObject } from '../../api/types';
import { virtualMsOf } from '../../core/time';

export interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export function podCondition(pod: KubeObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === type);
}

export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** When the pod last became Ready, in virtual ms (undefined when not ready or unknown). */
export function podReadyTime(pod: KubeObject): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const t = podCondition(pod, 'Ready')?.lastTransitionTime;
  return t ? virtualMsOf(t) : undefined;
}

/**
 * Ready for at least minReadySeconds. Upstream requires the Ready transition plus
 * minReadySeconds to be strictly before now; a missing transition time never counts as
 * available once minReadySeconds > 0.
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  return readyIsAvailable(isPodReady(pod), podReadyTime(pod), minReadySeconds, now);
}

/**
 * The virtual time at which a ready pod will count as available, or undefined if it is
 * not ready or already available. Controllers requeue for it (upstream uses AddAfter).
 */
export function podAvailableAt(pod: KubeObject, minReadySeconds: number, now: number): number | undefined {
  return readyBecomesAvailableAt(isPodReady(pod), podReadyTime(pod), minReadySeconds, now);
}

/** The availability rule itself, from readiness and the Ready transition time (podFacts uses it too). */
export function readyIsAvailable(ready: boolean, readySince: number | undefined, minReadySeconds: number, now: number): boolean {
  if (!ready) return false;
  if (!minReadySeconds) return true;
  return readySince !== undefined && readySince + minReadySeconds * 1000 < now;
}

/** When readyIsAvailable turns true, if that is still ahead of `now`. */
export function readyBecomesAvailableAt(ready: boolean, readySince: number | undefined, minReadySeconds: number, now: number): number | undefined {
  if (!ready || !minReadySeconds || readySince === undefined) return undefined;
  const at = readySince + minReadySeconds * 1000 + 1;
  return at > now ? at : undefined;
}

export function isPodTerminating(pod: KubeObject): boolean {
  return !!pod.metadata.deletionTimestamp;
}

/** Not Succeeded, not Failed, not being deleted (FilterActivePods). */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function creationMs(obj: KubeObject): number | undefined {
  const t = obj.metadata.creationTimestamp;
  return t ? virtualMsOf(t) : undefined;
}

/** Earliest of several optional times, for requeueAfterMs. */
export function earliest(times: (number | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const t of times) if (t !== undefined && (best === undefined || t < best)) best = t;
  return best;
}
