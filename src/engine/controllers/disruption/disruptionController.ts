// The disruption controller (pkg/controller/disruption/disruption.go): keeps each
// PodDisruptionBudget's status — expectedPods, currentHealthy, desiredHealthy,
// disruptionsAllowed, disruptedPods and the DisruptionAllowed condition — from its pods and
// their controllers' scale.
import type { KubeObject, WatchEvent } from '../../api/types';
import { matchesSelector } from '../../api/selectors';
import { isoAt, virtualMsOf } from '../../core/time';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { controllerRefOf, splitKey } from '../gc/ownerRefs';
import { isPodReady } from '../endpoints/podState';

/** DeletionTimeout: an eviction not seen by the controller within 2 minutes is forgotten. */
export const DISRUPTED_POD_TIMEOUT_MS = 2 * 60_000;

export interface PdbNumbers {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

/** intstr.GetScaledValueFromIntOrPercent(value, total, roundUp=true). */
export function scaledValue(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) {
    const n = parseInt(value, 10);
    return Number.isFinite(n) ? n : 0;
  }
  return Math.ceil((parseInt(m[1], 10) * total) / 100);
}

export function pdbPods(pdb: KubeObject, listers: Listers): KubeObject[] {
  const sel = pdb.spec?.selector;
  return listers.list('Pod', pdb.metadata.namespace).filter((p) => matchesSelector(sel, p.metadata.labels));
}

/**
 * getExpectedScale: the summed spec.replicas of the controllers of the pods (a ReplicaSet owned
 * by a Deployment counts as the Deployment). Undefined when a pod has no scalable controller.
 */
export function expectedScale(pods: KubeObject[], listers: Listers): number | undefined {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) return undefined;
    const ns = pod.metadata.namespace ?? '';
    let owner = listers.get(ref.kind, ns, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return undefined;
    if (owner.kind === 'ReplicaSet') {
      const dref = controllerRefOf(owner);
      const deploy = dref?.kind === 'Deployment' ? listers.get('Deployment', ns, dref.name) : undefined;
      if (deploy && deploy.metadata.uid === dref?.uid) owner = deploy;
    }
    if (!['ReplicaSet', 'Deployment', 'StatefulSet', 'ReplicationController'].includes(owner.kind)) return undefined;
    seen.set(owner.metadata.uid ?? '', owner.spec?.replicas ?? 1);
  }
  let total = 0;
  for (const n of seen.values()) total += n;
  return total;
}

/** countHealthyPods: ready, not being deleted, not recently evicted. */
export function countHealthy(pods: KubeObject[], disrupted: Record<string, string>, now: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ''];
    const t = at ? virtualMsOf(at) : undefined;
    if (t !== undefined && t + DISRUPTED_POD_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** The budget's numbers; an error string when the expected count cannot be found. */
export function computePdbNumbers(pdb: KubeObject, pods: KubeObject[], listers: Listers, disrupted: Record<string, string>, now: number): PdbNumbers | { error: string } {
  const minAvailable = pdb.spec?.minAvailable;
  const maxUnavailable = pdb.spec?.maxUnavailable;
  let expectedPods: number;
  let desiredHealthy: number;
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const scale = expectedScale(pods, listers);
    if (scale === undefined) return { error: 'found no controllers for pods' };
    expectedPods = scale;
    desiredHealthy = Math.max(0, expectedPods - scaledValue(maxUnavailable, expectedPods));
  } else if (typeof minAvailable === 'number' || (typeof minAvailable === 'string' && !minAvailable.endsWith('%'))) {
    expectedPods = pods.length;
    desiredHealthy = scaledValue(minAvailable, expectedPods);
  } else if (typeof minAvailable === 'string') {
    const scale = expectedScale(pods, listers);
    if (scale === undefined) return { error: 'found no controllers for pods' };
    expectedPods = scale;
    desiredHealthy = scaledValue(minAvailable, expectedPods);
  } else {
    // The API server defaults minAvailable to 1 when neither is set.
    expectedPods = pods.length;
    desiredHealthy = 1;
  }
  const currentHealthy = countHealthy(pods, disrupted, now);
  const disruptionsAllowed = expectedPods <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy);
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed };
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  if (event.kind === 'PodDisruptionBudget') return event.type === 'DELETED' ? [] : [`${event.namespace}/${event.name}`];
  if (event.kind === 'Pod') {
    return listers
      .list('PodDisruptionBudget', event.namespace)
      .filter((pdb) => matchesSelector(pdb.spec?.selector, event.object.metadata.labels))
      .map((pdb) => `${event.namespace}/${pdb.metadata.name}`);
  }
  // Scale changes of a controller change expectedPods.
  return listers.list('PodDisruptionBudget', event.namespace).map((pdb) => `${event.namespace}/${pdb.metadata.name}`);
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const pdb = ctx.listers.get('PodDisruptionBudget', namespace, name);
  if (!pdb) return { writes: [] };
  const { now } = ctx;
  const writes: Write[] = [];
  const pods = pdbPods(pdb, ctx.listers);
  if (!pods.length) writes.push({ op: 'event', involved: pdb, type: 'Normal', reason: 'NoPods', message: 'No matching pods found' });
  // buildDisruptedPodMap: drop entries that are confirmed (pod deleting/gone) or expired.
  const disrupted: Record<string, string> = {};
  let nextExpiry: number | undefined;
  for (const [pod, at] of Object.entries((pdb.status?.disruptedPods ?? {}) as Record<string, string>)) {
    const p = pods.find((x) => x.metadata.name === pod);
    if (!p || p.metadata.deletionTimestamp) continue;
    const t = virtualMsOf(at) ?? 0;
    if (t + DISRUPTED_POD_TIMEOUT_MS <= now) continue;
    disrupted[pod] = at;
    nextExpiry = Math.min(nextExpiry ?? Infinity, t + DISRUPTED_POD_TIMEOUT_MS - now);
  }
  const numbers = computePdbNumbers(pdb, pods, ctx.listers, disrupted, now);
  const prevCond = (pdb.status?.conditions ?? []).find((c: { type: string }) => c.type === 'DisruptionAllowed');
  let status: Record<string, unknown>;
  if ('error' in numbers) {
    writes.push({ op: 'event', involved: pdb, type: 'Warning', reason: 'CalculateExpectedPodCountFailed', message: `Failed to calculate the number of expected pods: ${numbers.error}` });
    const cond = { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: numbers.error, observedGeneration: pdb.metadata.generation ?? 1 };
    status = { ...(pdb.status ?? {}), disruptionsAllowed: 0, observedGeneration: pdb.metadata.generation ?? 1, conditions: [withTime(cond, prevCond, now)] };
  } else {
    const allowed = numbers.disruptionsAllowed > 0;
    const cond = { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '', observedGeneration: pdb.metadata.generation ?? 1 };
    status = {
      observedGeneration: pdb.metadata.generation ?? 1,
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: numbers.disruptionsAllowed,
      currentHealthy: numbers.currentHealthy,
      desiredHealthy: numbers.desiredHealthy,
      expectedPods: numbers.expectedPods,
      conditions: [withTime(cond, prevCond, now)],
    };
  }
  if (JSON.stringify(status) !== JSON.stringify(pdb.status ?? {})) writes.unshift({ op: 'updateStatus', object: { ...pdb, status }, reason: 'UpdateStatus' });
  return nextExpiry === undefined ? { writes } : { writes, requeueAfterMs: nextExpiry, background: true };
}

function withTime(cond: Record<string, unknown>, prev: Record<string, unknown> | undefined, now: number): Record<string, unknown> {
  const same = prev && prev.status === cond.status && prev.reason === cond.reason;
  return { ...cond, lastTransitionTime: same ? prev.lastTransitionTime : isoAt(now) };
}

export const disruptionController: Controller = {
  name: 'disruption-controller',
  watches: ['PodDisruptionBudget', 'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('PodDisruptionBudget').map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
};
