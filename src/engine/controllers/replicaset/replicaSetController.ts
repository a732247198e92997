// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go, replica_set_utils.go).
// ReplicationControllers run through the very same code upstream (pkg/controller/replication
// wraps the ReplicaSet controller with a conversion), so one implementation serves both kinds;
// only the selector shape, the API group and the component name differ.
//
// No expectations: upstream tracks in-flight creates/deletes because its informer cache lags;
// our listers read the store after every write, so a reconcile always sees its own writes.
import type { KubeObject, WatchEvent } from '../../api/types';
import { matchesMap, matchesSelector } from '../../api/selectors';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { byName, claimCandidates, claimObjects, controllerRefOf, keyOfObject, splitKey } from '../podutil/ownership';
import { earliest, isPodActive, isPodAvailable, isPodReady, podAvailableAt } from '../podutil/podState';
import { podsToDelete } from '../podutil/deletionOrder';
import { BURST_REPLICAS, dropResourceVersion, eventWrite, jsonEqual, podFromTemplate, slowStartBatches, withGeneratedName } from '../podutil/podTemplate';

interface KindSpec {
  kind: 'ReplicaSet' | 'ReplicationController';
  component: string;
  /** Does the controller's selector select these labels? */
  selects(owner: KubeObject, labels: Record<string, string> | undefined): boolean;
}

const replicaSetKind: KindSpec = {
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selects: (rs, labels) => matchesSelector(rs.spec?.selector, labels),
};

const replicationControllerKind: KindSpec = {
  kind: 'ReplicationController',
  component: 'replication-controller',
  // An RC without a selector defaults it to the template's labels (core/v1 defaults).
  selects: (rc, labels) => matchesMap(rc.spec?.selector ?? rc.spec?.template?.metadata?.labels, labels),
};

export function replicasOf(obj: KubeObject): number {
  return obj.spec?.replicas ?? 1;
}

/** The status fields calculateStatus derives from the owned active pods. */
export function calculateReplicaSetStatus(owner: KubeObject, pods: KubeObject[], now: number): any {
  const templateLabels: Record<string, string> = owner.spec?.template?.metadata?.labels ?? {};
  const minReady = owner.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (matchesMap(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const status: any = { ...(owner.status ?? {}) };
  status.replicas = pods.length;
  status.fullyLabeledReplicas = fullyLabeled;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  status.observedGeneration = owner.metadata.generation ?? 1;
  // ReplicaFailure records a failed create/delete; writes fail in the host, after the plan, so
  // the condition is never raised here, only cleared once a sync has nothing to report.
  const conditions = (status.conditions ?? []).filter((c: any) => c.type !== 'ReplicaFailure');
  if (conditions.length) status.conditions = conditions;
  else delete status.conditions;
  return status;
}

/** Pods controlled by any ReplicaSet that shares `rs`'s controller (getIndirectlyRelatedPods). */
function relatedPods(rs: KubeObject, spec: KindSpec, listers: Listers, own: KubeObject[]): KubeObject[] {
  const owner = controllerRefOf(rs);
  if (!owner) return own;
  const out: KubeObject[] = [];
  for (const sibling of listers.dependents(owner.uid)) {
    if (sibling.kind !== spec.kind) continue;
    for (const p of listers.dependents(sibling.metadata.uid ?? '')) if (p.kind === 'Pod' && controllerRefOf(p)?.uid === sibling.metadata.uid) out.push(p);
  }
  return out;
}

function reconcileReplicas(spec: KindSpec, key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const rs = ctx.listers.get(spec.kind, namespace, name);
  if (!rs) return { writes: [] };
  const writes: Write[] = [];
  // Only the pods this RS controls and orphans can be claimed (claimCandidates); they come in
  // index order, so whatever depends on order is put in name order, as a full list would be.
  const active = claimCandidates(ctx.listers, rs, 'Pod').filter(isPodActive);
  const claim = claimObjects(rs, active, (p) => spec.selects(rs, p.metadata.labels));
  for (const p of claim.adopt.sort(byName)) writes.push({ op: 'update', object: p, reason: 'Adopted' });
  for (const p of claim.release.sort(byName)) writes.push({ op: 'update', object: p, reason: 'Released' });
  const pods = claim.claimed;

  if (!rs.metadata.deletionTimestamp) {
    const want = replicasOf(rs);
    let diff = pods.length - want;
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      // Upstream creates in slow-start batches (1, 2, 4, ...) and stops at the first failed
      // batch; all batches of one sync are written in this plan, in batch order.
      for (const batch of slowStartBatches(diff)) {
        for (let i = 0; i < batch; i++) {
          const pod = withGeneratedName(podFromTemplate(rs.spec?.template, rs), ctx.rng);
          writes.push({ op: 'create', object: pod, reason: 'SuccessfulCreate' });
          writes.push(eventWrite(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`));
        }
      }
    } else if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      for (const pod of podsToDelete([...pods].sort(byName), relatedPods(rs, spec, ctx.listers, pods), diff, ctx.now)) {
        writes.push({ op: 'delete', ref: { kind: 'Pod', namespace, name: pod.metadata.name ?? '' }, reason: 'SuccessfulDelete', uid: pod.metadata.uid });
        writes.push(eventWrite(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`));
      }
    }
  }

  const status = calculateReplicaSetStatus(rs, pods, ctx.now);
  if (!jsonEqual(status, rs.status ?? {})) {
    writes.push({ op: 'updateStatus', object: dropResourceVersion({ ...rs, status }), reason: 'StatusUpdate' });
  }
  // Requeue when a ready pod will cross minReadySeconds (upstream: AddAfter minReadySeconds).
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let at: number | undefined;
  if (minReady) at = earliest(pods.map((p) => podAvailableAt(p, minReady, ctx.now)));
  return at === undefined ? { writes } : { writes, requeueAfterMs: at - ctx.now };
}

function keysForReplicas(spec: KindSpec, event: WatchEvent, listers: Listers): string[] {
  if (event.kind === spec.kind) return [keyOfObject(event.object)];
  if (event.kind !== 'Pod') return [];
  const pod = event.object;
  const ref = controllerRefOf(pod);
  if (ref) return ref.kind === spec.kind ? [`${pod.metadata.namespace ?? 'default'}/${ref.name}`] : [];
  if (event.type === 'DELETED') return [];
  // An orphan: every controller of this kind whose selector matches may adopt it.
  return listers
    .list(spec.kind, pod.metadata.namespace ?? 'default')
    .filter((o) => spec.selects(o, pod.metadata.labels))
    .map(keyOfObject);
}

function makeController(spec: KindSpec): Controller {
  return {
    name: spec.component,
    watches: [spec.kind, 'Pod'],
    keysFor: (event, listers) => keysForReplicas(spec, event, listers),
    reconcile: (key, ctx) => reconcileReplicas(spec, key, ctx),
    initialKeys: (listers) => listers.list(spec.kind).map(keyOfObject),
  };
}

export const replicaSetController: Controller = makeController(replicaSetKind);
export const replicationControllerController: Controller = makeController(replicationControllerKind);
