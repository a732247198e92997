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
import { byName, controllerRefOf, keyOfObject, newControllerRef, splitKey, withOwner, withoutOwner } from '../podutil/ownership';
import { isPodActive } from '../podutil/podState';
import { factsAvailable, factsAvailableAt, ownerChecks, podFacts } from '../podutil/podFacts';
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

interface ReplicaCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** The status fields calculateStatus derives from the counts over the owned active pods. */
function statusFromCounts(owner: KubeObject, counts: ReplicaCounts): any {
  const status: any = { ...(owner.status ?? {}) };
  status.replicas = counts.replicas;
  status.fullyLabeledReplicas = counts.fullyLabeled;
  status.readyReplicas = counts.ready;
  status.availableReplicas = counts.available;
  status.observedGeneration = owner.metadata.generation ?? 1;
  // ReplicaFailure records a failed create/delete; writes fail in the host, after the plan, so
  // the condition is never raised here, only cleared once a sync has nothing to report.
  const conditions = (status.conditions ?? []).filter((c: any) => c.type !== 'ReplicaFailure');
  if (conditions.length) status.conditions = conditions;
  else delete status.conditions;
  return status;
}

interface OwnedPods extends ReplicaCounts {
  /** Active pods the owner controls after this sync (claimed and adopted). */
  pods: KubeObject[];
  adopt: KubeObject[];
  release: KubeObject[];
  /** Earliest time a ready pod becomes available (minReadySeconds), if any is still ahead. */
  availableAt: number | undefined;
}

/**
 * The sync's counts from the per-label-set pod counts (Listers.controlledPodGroups), when they
 * suffice: every group matches the selector (nothing to release), no orphan to adopt, and no
 * minReadySeconds (availability then depends on each pod's Ready time). Otherwise undefined,
 * and the sync walks its pods (ownedPods). The pod list itself is not known here.
 */
function countedPods(rs: KubeObject, spec: KindSpec, listers: Listers): Omit<OwnedPods, 'pods'> | undefined {
  if (!listers.controlledPodGroups || (rs.spec?.minReadySeconds ?? 0) > 0) return undefined;
  const namespace = rs.metadata.namespace ?? 'default';
  const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
  const out: Omit<OwnedPods, 'pods'> = { adopt: [], release: [], replicas: 0, fullyLabeled: 0, ready: 0, available: 0, availableAt: undefined };
  for (const group of listers.controlledPodGroups(namespace, rs.metadata.uid ?? '')) {
    if (!spec.selects(rs, group.labels)) return undefined;
    out.replicas += group.active;
    out.ready += group.ready;
    out.available += group.ready;
    if (matchesMap(templateLabels, group.labels)) out.fullyLabeled += group.active;
  }
  if (!rs.metadata.deletionTimestamp) {
    const orphans = listers.uncontrolled ? listers.uncontrolled('Pod', namespace) : listers.list('Pod', namespace).filter((p) => !controllerRefOf(p));
    if (orphans.some((p) => isPodActive(p) && spec.selects(rs, p.metadata.labels))) return undefined;
  }
  return out;
}

/**
 * claimObjects over the active pods the owner controls or could adopt, and the status counts
 * over the claimed ones, in one pass that reads each pod's facts (podFacts) instead of the pod.
 * The same answer as claimCandidates + claimObjects + calculateReplicaSetStatus.
 */
function ownedPods(rs: KubeObject, spec: KindSpec, listers: Listers, now: number): OwnedPods {
  const uid = rs.metadata.uid ?? '';
  const namespace = rs.metadata.namespace ?? 'default';
  const ownerDeleting = !!rs.metadata.deletionTimestamp;
  const selector = spec.kind === 'ReplicaSet' ? rs.spec?.selector : rs.spec?.selector ?? rs.spec?.template?.metadata?.labels;
  const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const evaluate = (pod: KubeObject) => ({ matches: spec.selects(rs, pod.metadata.labels), fullyLabeled: matchesMap(templateLabels, pod.metadata.labels) });
  const out: OwnedPods = { pods: [], adopt: [], release: [], replicas: 0, fullyLabeled: 0, ready: 0, available: 0, availableAt: undefined };
  const count = (pod: KubeObject, fullyLabeled: boolean) => {
    const facts = podFacts(pod);
    out.pods.push(pod);
    if (fullyLabeled) out.fullyLabeled++;
    if (facts.ready) {
      out.ready++;
      if (factsAvailable(facts, minReady, now)) out.available++;
      const at = factsAvailableAt(facts, minReady, now);
      if (at !== undefined && (out.availableAt === undefined || at < out.availableAt)) out.availableAt = at;
    }
  };
  for (const obj of listers.dependents(uid)) {
    if (obj.kind !== 'Pod') continue;
    const facts = podFacts(obj);
    if (facts.controllerUid !== uid || facts.namespace !== namespace || !facts.active) continue;
    const check = ownerChecks(obj, selector, templateLabels, evaluate);
    if (check.matches) count(obj, check.fullyLabeled);
    else if (!ownerDeleting) out.release.push(withoutOwner(obj, uid));
  }
  if (!ownerDeleting) {
    const orphans = listers.uncontrolled ? listers.uncontrolled('Pod', namespace) : listers.list('Pod', namespace).filter((p) => !controllerRefOf(p));
    for (const pod of orphans) {
      if (!isPodActive(pod) || !spec.selects(rs, pod.metadata.labels)) continue;
      const adopted = withOwner(pod, newControllerRef(rs));
      out.adopt.push(adopted);
      count(adopted, matchesMap(templateLabels, pod.metadata.labels));
    }
  }
  out.replicas = out.pods.length;
  out.adopt.sort(byName);
  out.release.sort(byName);
  return out;
}

/** Pods controlled by any ReplicaSet that shares `rs`'s controller (getIndirectlyRelatedPods). */
function relatedPods(rs: KubeObject, spec: KindSpec, listers: Listers, own: KubeObject[]): KubeObject[] {
  const owner = controllerRefOf(rs);
  if (!owner) return own;
  const out: KubeObject[] = [];
  for (const sibling of listers.dependents(owner.uid)) {
    if (sibling.kind !== spec.kind) continue;
    for (const p of listers.dependents(sibling.metadata.uid ?? '')) if (p.kind === 'Pod' && podFacts(p).controllerUid === sibling.metadata.uid) out.push(p);
  }
  return out;
}

function reconcileReplicas(spec: KindSpec, key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const rs = ctx.listers.get(spec.kind, namespace, name);
  if (!rs) return { writes: [] };
  const writes: Write[] = [];
  // Counting is enough unless pods must be deleted (which ones depends on each pod).
  const counted = countedPods(rs, spec, ctx.listers);
  const owned = counted && (rs.metadata.deletionTimestamp || counted.replicas <= replicasOf(rs)) ? { ...counted, pods: undefined } : ownedPods(rs, spec, ctx.listers, ctx.now);
  for (const p of owned.adopt) writes.push({ op: 'update', object: p, reason: 'Adopted' });
  for (const p of owned.release) writes.push({ op: 'update', object: p, reason: 'Released' });

  if (!rs.metadata.deletionTimestamp) {
    const want = replicasOf(rs);
    let diff = owned.replicas - want;
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
      const pods = owned.pods ?? [];
      for (const pod of podsToDelete(pods, relatedPods(rs, spec, ctx.listers, pods), diff, ctx.now)) {
        writes.push({ op: 'delete', ref: { kind: 'Pod', namespace, name: pod.metadata.name ?? '' }, reason: 'SuccessfulDelete', uid: pod.metadata.uid });
        writes.push(eventWrite(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`));
      }
    }
  }

  const status = statusFromCounts(rs, owned);
  if (!jsonEqual(status, rs.status ?? {})) {
    writes.push({ op: 'updateStatus', object: dropResourceVersion({ ...rs, status }), reason: 'StatusUpdate' });
  }
  // Requeue when a ready pod will cross minReadySeconds (upstream: AddAfter minReadySeconds).
  const at = owned.availableAt;
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
