// One sync of one Deployment (pkg/controller/deployment/sync.go and progress.go). Upstream
// writes to the API server as it goes and keeps working on the returned objects; here every
// write goes into the plan and the sync keeps working on its own updated copies, so the
// decisions are the same and the writes come out in the same order.
import type { KubeObject } from '../../api/types';
import type { ReconcileContext, Write } from '../types';
import { virtualMsOf } from '../../core/time';
import { computeHash } from '../podutil/hash';
import { newControllerRef } from '../podutil/ownership';
import { dropResourceVersion, eventWrite, jsonEqual } from '../podutil/podTemplate';
import * as u from './deploymentUtil';

export class DeploymentSync {
  /** The Deployment as this sync has changed it (annotations and status). */
  d: KubeObject;
  writes: Write[] = [];
  private rsByName = new Map<string, KubeObject>();
  private written = new Set<string>();
  private readonly original: KubeObject;

  constructor(
    deployment: KubeObject,
    replicaSets: KubeObject[],
    readonly ctx: Pick<ReconcileContext, 'now'>,
  ) {
    this.original = deployment;
    this.d = structuredClone(deployment);
    this.d.status = this.d.status ?? {};
    for (const rs of replicaSets) this.rsByName.set(rs.metadata.name ?? '', rs);
  }

  /** The newest copy of a ReplicaSet in this sync. */
  latest(rs: KubeObject): KubeObject;
  latest(rs: KubeObject | undefined): KubeObject | undefined;
  latest(rs: KubeObject | undefined): KubeObject | undefined {
    return rs ? (this.rsByName.get(rs.metadata.name ?? '') ?? rs) : undefined;
  }

  latestAll(rss: (KubeObject | undefined)[]): KubeObject[] {
    return rss.filter((r): r is KubeObject => !!r).map((r) => this.latest(r));
  }

  private pushUpdate(obj: KubeObject, reason: string): void {
    const key = `${obj.kind}/${obj.metadata.name}`;
    const object = this.written.has(key) ? dropResourceVersion(obj) : obj;
    this.written.add(key);
    this.writes.push({ op: 'update', object, reason });
    this.rsByName.set(obj.metadata.name ?? '', obj);
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.writes.push(eventWrite(this.original, type, reason, message));
  }

  /** scaleReplicaSet: writes the size and the replica annotations; an event when the size moved. */
  scaleReplicaSet(rs0: KubeObject, newScale: number, operation: string): { scaled: boolean; rs: KubeObject } {
    const rs = this.latest(rs0);
    const desired = u.specReplicas(this.d);
    const max = desired + u.maxSurge(this.d);
    const sizeNeedsUpdate = u.specReplicas(rs) !== newScale;
    if (!sizeNeedsUpdate && !u.replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const oldScale = u.specReplicas(rs);
    const copy = structuredClone(rs);
    copy.spec.replicas = newScale;
    u.setReplicasAnnotations(copy, desired, max);
    this.pushUpdate(copy, 'ScalingReplicaSet');
    if (sizeNeedsUpdate) this.event('Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${copy.metadata.name} from ${oldScale} to ${newScale}`);
    return { scaled: sizeNeedsUpdate, rs: copy };
  }

  scaleReplicaSetAndRecordEvent(rs0: KubeObject, newScale: number): { scaled: boolean; rs: KubeObject } {
    const rs = this.latest(rs0);
    if (u.specReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, u.specReplicas(rs) < newScale ? 'up' : 'down');
  }

  private setDeploymentRevision(revision: string): boolean {
    const a = this.d.metadata.annotations ?? {};
    if (a[u.REVISION] === revision) return false;
    this.d.metadata.annotations = { ...a, [u.REVISION]: revision };
    return true;
  }

  /** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (maybe created) and all old ones. */
  allReplicaSetsAndSyncRevision(create: boolean): { newRS?: KubeObject; oldRSs: KubeObject[] } {
    const rsList = [...this.rsByName.values()];
    const found = u.findNewReplicaSet(this.d, rsList);
    const oldRSs = rsList.filter((rs) => rs !== found);
    return { newRS: this.getNewReplicaSet(found, oldRSs, create), oldRSs };
  }

  private getNewReplicaSet(existing: KubeObject | undefined, oldRSs: KubeObject[], create: boolean): KubeObject | undefined {
    const newRevision = u.maxRevision(oldRSs) + 1;
    const deadline = u.progressDeadline(this.d);
    if (existing) {
      const copy = structuredClone(existing);
      const annotationsUpdated = u.setNewReplicaSetAnnotations(this.d, copy, newRevision, true);
      const minReady = this.d.spec?.minReadySeconds ?? 0;
      if (annotationsUpdated || (copy.spec?.minReadySeconds ?? 0) !== minReady) {
        copy.spec = { ...copy.spec, minReadySeconds: minReady };
        if (!minReady) delete copy.spec.minReadySeconds;
        this.pushUpdate(copy, 'ReplicaSetUpdated');
        // Upstream returns right after this update; the Deployment's revision follows next sync.
        return copy;
      }
      this.setDeploymentRevision(copy.metadata.annotations?.[u.REVISION] ?? '');
      if (deadline !== undefined && !u.getCondition(this.d.status, 'Progressing')) {
        u.setCondition(this.d.status, u.newCondition('Progressing', 'True', u.Reason.FoundNewRS, `Found new replica set "${copy.metadata.name}"`, this.ctx.now));
      }
      return existing;
    }
    if (!create) return undefined;

    const template = structuredClone(this.d.spec?.template ?? {});
    const hash = computeHash(template, this.d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [u.POD_TEMPLATE_HASH]: hash } };
    const selector = structuredClone(this.d.spec?.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [u.POD_TEMPLATE_HASH]: hash };
    const name = `${this.d.metadata.name}-${hash}`;
    const newRS: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: this.d.metadata.namespace ?? 'default',
        ownerReferences: [newControllerRef(this.original)],
        labels: { ...template.metadata.labels },
      },
      spec: { replicas: 0, selector, template, ...(this.d.spec?.minReadySeconds ? { minReadySeconds: this.d.spec.minReadySeconds } : {}) },
    };
    const replicas = u.newRSNewReplicas(this.d, [...oldRSs, newRS], newRS);
    newRS.spec.replicas = replicas;
    u.setNewReplicaSetAnnotations(this.d, newRS, newRevision, false);
    // A same-named ReplicaSet with another template is a hash collision: upstream bumps
    // status.collisionCount and retries with a new hash on the next sync.
    const clash = this.rsByName.get(name);
    if (clash) {
      this.d.status.collisionCount = (this.d.status.collisionCount ?? 0) + 1;
      return undefined;
    }
    this.writes.push({ op: 'create', object: newRS, reason: 'ScalingReplicaSet' });
    this.rsByName.set(name, newRS);
    this.written.add(`ReplicaSet/${name}`);
    if (replicas > 0) this.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
    this.setDeploymentRevision(String(newRevision));
    if (deadline !== undefined) {
      u.setCondition(this.d.status, u.newCondition('Progressing', 'True', u.Reason.NewReplicaSet, `Created new replica set "${name}"`, this.ctx.now));
    }
    return newRS;
  }

  /** scale (sync.go): a scaling event or a paused Deployment, proportionally over all sets. */
  scale(newRS0: KubeObject | undefined, oldRSs0: KubeObject[]): void {
    const newRS = this.latest(newRS0);
    const oldRSs = this.latestAll(oldRSs0);
    const want = u.specReplicas(this.d);
    const activeOrLatest = u.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (u.specReplicas(activeOrLatest) !== want) this.scaleReplicaSetAndRecordEvent(activeOrLatest, want);
      return;
    }
    if (u.isSaturated(this.d, newRS)) {
      for (const old of u.filterActive(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0);
      return;
    }
    if (!u.isRollingUpdate(this.d)) return;
    let all = u.filterActive([...oldRSs, newRS]);
    const allowed = want > 0 ? want + u.maxSurge(this.d) : 0;
    const toAdd = allowed - u.replicaCount(all);
    let operation = '';
    if (toAdd > 0) {
      all = u.sortBySizeNewer(all);
      operation = 'up';
    } else if (toAdd < 0) {
      all = u.sortBySizeOlder(all);
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const p = u.replicaSetProportion(rs, this.d, toAdd, added);
        sizes.set(rs.metadata.name!, u.specReplicas(rs) + p);
        added += p;
      } else sizes.set(rs.metadata.name!, u.specReplicas(rs));
    }
    all.forEach((rs, i) => {
      if (i === 0 && toAdd !== 0) sizes.set(rs.metadata.name!, Math.max(0, sizes.get(rs.metadata.name!)! + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(rs.metadata.name!)!, operation);
    });
  }

  /** cleanupDeployment: delete the oldest fully scaled-down sets beyond revisionHistoryLimit. */
  cleanup(oldRSs0: KubeObject[]): void {
    const limit = this.d.spec?.revisionHistoryLimit ?? 10;
    if (limit === undefined || limit === null) return;
    const cleanable = this.latestAll(oldRSs0).filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const sorted = u.sortByRevision(cleanable);
    for (let i = 0; i < diff; i++) {
      const rs = sorted[i];
      if ((rs.status?.replicas ?? 0) !== 0 || u.specReplicas(rs) !== 0 || (rs.metadata.generation ?? 1) > (rs.status?.observedGeneration ?? 0)) continue;
      this.writes.push({ op: 'delete', ref: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name: rs.metadata.name! }, reason: 'RevisionHistoryLimit', uid: rs.metadata.uid });
      this.rsByName.delete(rs.metadata.name!);
    }
  }

  /**
   * calculateStatus. Upstream passes the ReplicaSets as they were before this sync scaled
   * them (scaling works on copies), so unavailableReplicas counts the pre-scale sizes; so do we.
   */
  calculateStatus(allRSs0: (KubeObject | undefined)[], newRS: KubeObject | undefined): any {
    const allRSs = allRSs0.filter((r): r is KubeObject => !!r);
    const available = u.availableReplicaCount(allRSs);
    const unavailable = Math.max(0, u.replicaCount(allRSs) - available);
    const status: any = {
      observedGeneration: this.d.metadata.generation ?? 1,
      replicas: u.actualReplicaCount(allRSs),
      updatedReplicas: u.actualReplicaCount([newRS]),
      readyReplicas: u.readyReplicaCount(allRSs),
      availableReplicas: available,
      unavailableReplicas: unavailable,
    };
    if (this.d.status.collisionCount !== undefined) status.collisionCount = this.d.status.collisionCount;
    if (this.d.status.conditions) status.conditions = this.d.status.conditions.map((c: any) => ({ ...c }));
    const want = u.specReplicas(this.d);
    if (available >= want - u.maxUnavailable(this.d)) {
      u.setCondition(status, u.newCondition('Available', 'True', u.Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', this.ctx.now));
    } else {
      u.setCondition(status, u.newCondition('Available', 'False', u.Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', this.ctx.now));
    }
    return status;
  }

  syncDeploymentStatus(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
    this.d.status = this.calculateStatus(allRSs, newRS);
  }

  /** syncRolloutStatus (progress.go): status plus the Progressing condition. */
  syncRolloutStatus(allRSs0: (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
    const allRSs = allRSs0.filter((r): r is KubeObject => !!r);
    const next = this.calculateStatus(allRSs, newRS);
    const deadline = u.progressDeadline(this.d);
    if (deadline === undefined) u.removeCondition(next, 'Progressing');
    const current = u.getCondition(this.d.status, 'Progressing');
    const complete = next.replicas === next.updatedReplicas && current?.reason === u.Reason.NewRSAvailable;
    const rsName = newRS?.metadata.name;
    const dName = this.d.metadata.name;
    if (deadline !== undefined && !complete) {
      if (u.deploymentComplete(this.d, next)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${dName}" has successfully progressed.`;
        u.setCondition(next, u.newCondition('Progressing', 'True', u.Reason.NewRSAvailable, msg, this.ctx.now));
      } else if (u.deploymentProgressing(this.d, next)) {
        const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${dName}" is progressing.`;
        const cond = u.newCondition('Progressing', 'True', u.Reason.ReplicaSetUpdated, msg, this.ctx.now);
        if (current) {
          if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
          u.removeCondition(next, 'Progressing');
        }
        u.setCondition(next, cond);
      } else if (u.deploymentTimedOut(this.d, next, this.ctx.now, virtualMsOf)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${dName}" has timed out progressing.`;
        u.setCondition(next, u.newCondition('Progressing', 'False', u.Reason.TimedOut, msg, this.ctx.now));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) u.setCondition(next, failure);
    else u.removeCondition(next, 'ReplicaFailure');
    this.d.status = next;
  }

  /** requeueStuckDeployment: when to look again for a progress deadline. */
  requeueAfter(): number | undefined {
    const deadline = u.progressDeadline(this.d);
    const cond = u.getCondition(this.d.status, 'Progressing');
    if (deadline === undefined || !cond) return undefined;
    if (u.deploymentComplete(this.d, this.d.status) || cond.reason === u.Reason.TimedOut) return undefined;
    const last = virtualMsOf(cond.lastUpdateTime);
    if (last === undefined) return undefined;
    const after = last + deadline * 1000 - this.ctx.now;
    return after < 1000 ? 1000 : after + 1000;
  }

  /** The Deployment's own writes: annotations (update), then status (status subresource). */
  finish(): Write[] {
    const out: Write[] = [];
    const annotationsChanged = !jsonEqual(this.d.metadata.annotations ?? {}, this.original.metadata.annotations ?? {});
    if (annotationsChanged) {
      out.push({ op: 'update', object: { ...this.original, metadata: { ...this.original.metadata, annotations: this.d.metadata.annotations } }, reason: 'DeploymentRevision' });
    }
    if (!jsonEqual(this.d.status, this.original.status ?? {})) {
      const obj = { ...this.original, status: this.d.status };
      out.push({ op: 'updateStatus', object: annotationsChanged ? dropResourceVersion(obj) : obj, reason: 'StatusUpdate' });
    }
    return [...this.writes, ...out];
  }
}

function replicaFailure(allRSs: KubeObject[], newRS: KubeObject | undefined): u.DeploymentCondition | undefined {
  const toDeployment = (c: any): u.DeploymentCondition => ({
    type: 'ReplicaFailure',
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  });
  const fromNew = (newRS?.status?.conditions ?? []).find((c: any) => c.type === 'ReplicaFailure');
  if (fromNew) return toDeployment(fromNew);
  for (const rs of allRSs) {
    const c = (rs.status?.conditions ?? []).find((x: any) => x.type === 'ReplicaFailure');
    if (c) return toDeployment(c);
  }
  return undefined;
}
