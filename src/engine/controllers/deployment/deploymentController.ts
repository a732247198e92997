// The Deployment controller (pkg/controller/deployment/deployment_controller.go syncDeployment):
// claim ReplicaSets, then pause / scaling event / rollout by strategy, all on one Deployment.
import type { KubeObject, WatchEvent } from '../../api/types';
import { matchesSelector } from '../../api/selectors';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { claimObjects, controllerRefOf, keyOfObject, splitKey } from '../podutil/ownership';
import { eventWrite } from '../podutil/podTemplate';
import { DeploymentSync } from './deploymentSync';
import { rolloutRecreate, rolloutRolling } from './strategies';
import * as u from './deploymentUtil';

const COMPONENT = 'deployment-controller';

function selectsAll(d: KubeObject): boolean {
  const sel = d.spec?.selector;
  return !!sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/** checkPausedConditions: an Unknown Progressing condition while paused, and on resume. */
function checkPausedConditions(s: DeploymentSync): void {
  if (u.progressDeadline(s.d) === undefined) return;
  const cond = u.getCondition(s.d.status, 'Progressing');
  if (cond?.reason === u.Reason.TimedOut) return;
  const pausedCond = cond?.reason === u.Reason.Paused;
  if (s.d.spec?.paused && !pausedCond) {
    u.setCondition(s.d.status, u.newCondition('Progressing', 'Unknown', u.Reason.Paused, 'Deployment is paused', s.ctx.now));
  } else if (!s.d.spec?.paused && pausedCond) {
    u.setCondition(s.d.status, u.newCondition('Progressing', 'Unknown', u.Reason.Resumed, 'Deployment is resumed', s.ctx.now));
  }
}

/** isScalingEvent: an active set's desired-replicas annotation differs from spec.replicas. */
function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = s.allReplicaSetsAndSyncRevision(false);
  return u.filterActive([...oldRSs, newRS]).some((rs) => {
    const desired = u.desiredReplicasAnnotation(s.latest(rs));
    return desired !== undefined && desired !== u.specReplicas(s.d);
  });
}

function syncDeployment(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const d = ctx.listers.get('Deployment', namespace, name);
  if (!d) return { writes: [] };
  if (selectsAll(d)) {
    const writes: Write[] = [eventWrite(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.')];
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 1)) {
      writes.push({ op: 'updateStatus', object: { ...d, status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation ?? 1 } }, reason: 'StatusUpdate' });
    }
    return { writes };
  }

  // getReplicaSetsForDeployment: adopt matching orphans, release sets that stopped matching.
  const candidates = ctx.listers.list('ReplicaSet', namespace);
  const claim = claimObjects(d, candidates, (rs) => matchesSelector(d.spec?.selector, rs.metadata.labels));
  const claimWrites: Write[] = [
    ...claim.adopt.map((rs): Write => ({ op: 'update', object: rs, reason: 'Adopted' })),
    ...claim.release.map((rs): Write => ({ op: 'update', object: rs, reason: 'Released' })),
  ];
  const s = new DeploymentSync(d, claim.claimed, ctx);

  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = s.allReplicaSetsAndSyncRevision(false);
    s.syncDeploymentStatus([...oldRSs, newRS], newRS);
  } else {
    checkPausedConditions(s);
    if (d.spec?.paused || isScalingEvent(s)) {
      // sync(): scale proportionally, clean up history when paused, and write plain status.
      const { newRS, oldRSs } = s.allReplicaSetsAndSyncRevision(false);
      s.scale(newRS, oldRSs);
      if (d.spec?.paused) s.cleanup(oldRSs);
      s.syncDeploymentStatus([...oldRSs, newRS], newRS);
    } else if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') {
      rolloutRecreate(s, podsByReplicaSet(d, claim.claimed, ctx.listers));
    } else {
      rolloutRolling(s);
    }
  }

  const requeue = s.requeueAfter();
  const writes = [...claimWrites, ...s.finish()];
  return requeue === undefined ? { writes } : { writes, requeueAfterMs: requeue };
}

/** getPodMapForDeployment: pods of the Deployment grouped by the ReplicaSet that controls them. */
function podsByReplicaSet(d: KubeObject, rss: KubeObject[], listers: Listers): Map<string, KubeObject[]> {
  const map = new Map<string, KubeObject[]>();
  for (const rs of rss) {
    const uid = rs.metadata.uid ?? '';
    const pods = listers.dependents(uid).filter((p) => p.kind === 'Pod' && controllerRefOf(p)?.uid === uid && matchesSelector(d.spec?.selector, p.metadata.labels));
    map.set(uid, pods);
  }
  return map;
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  const obj = event.object;
  const ns = obj.metadata.namespace ?? 'default';
  if (event.kind === 'Deployment') return [keyOfObject(obj)];
  if (event.kind === 'ReplicaSet') {
    const ref = controllerRefOf(obj);
    if (ref) return ref.kind === 'Deployment' ? [`${ns}/${ref.name}`] : [];
    if (event.type === 'DELETED') return [];
    return listers.list('Deployment', ns).filter((d) => matchesSelector(d.spec?.selector, obj.metadata.labels)).map(keyOfObject);
  }
  if (event.kind === 'Pod' && event.type === 'DELETED') {
    // deletePod: a Recreate rollout waits for the last old pod to go.
    const rsRef = controllerRefOf(obj);
    if (!rsRef || rsRef.kind !== 'ReplicaSet') return [];
    const rs = listers.get('ReplicaSet', ns, rsRef.name);
    const dRef = rs && controllerRefOf(rs);
    if (!dRef || dRef.kind !== 'Deployment') return [];
    const d = listers.get('Deployment', ns, dRef.name);
    return d && d.spec?.strategy?.type === 'Recreate' ? [`${ns}/${dRef.name}`] : [];
  }
  return [];
}

export const deploymentController: Controller = {
  name: COMPONENT,
  watches: ['Deployment', 'ReplicaSet', 'Pod'],
  keysFor,
  reconcile: syncDeployment,
  initialKeys: (listers) => listers.list('Deployment').map(keyOfObject),
};
