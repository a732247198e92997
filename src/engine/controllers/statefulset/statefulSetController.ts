// The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go
// updateStatefulSet, stateful_pod_control.go events). OrderedReady works one pod at a time
// and waits for Running+Ready(+minReadySeconds); Parallel creates and deletes without waiting.
// The MaxUnavailableStatefulSet gate is off in v1.34, so rolling updates replace one pod at a
// time, highest ordinal first, down to the partition.
import type { KubeObject, WatchEvent } from '../../api/types';
import { matchesSelector } from '../../api/selectors';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { byName, claimCandidates, claimObjects, controllerRefOf, keyOfObject, newControllerRef, splitKey } from '../podutil/ownership';
import { dropResourceVersion, eventWrite, jsonEqual } from '../podutil/podTemplate';
import { earliest, podAvailableAt } from '../podutil/podState';
import * as s from './statefulSetUtils';

interface Revisions {
  current: KubeObject;
  update: KubeObject;
  writes: Write[];
  all: KubeObject[];
}

/** getStatefulSetRevisions: find or create the update revision; current comes from status. */
function revisions(set: KubeObject, listers: Listers, ns: string): Revisions {
  const claim = claimObjects(set, claimCandidates(listers, set, 'ControllerRevision').sort(byName), (r) => matchesSelector(set.spec?.selector, r.metadata.labels));
  const writes: Write[] = claim.adopt.map((o): Write => ({ op: 'update', object: o, reason: 'Adopted' }));
  const all = [...claim.claimed].sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0));
  const next = all.length ? Number(all[all.length - 1].revision ?? 0) + 1 : 1;
  const data = s.revisionData(set);
  const equal = all.filter((r) => jsonEqual(r.data, data));
  let update: KubeObject;
  if (equal.length && equal[equal.length - 1] === all[all.length - 1]) update = equal[equal.length - 1];
  else if (equal.length) {
    update = { ...equal[equal.length - 1], revision: next };
    writes.push({ op: 'update', object: update, reason: 'RevisionUpdated' });
  } else {
    const hash = s.revisionHash(data, set.status?.collisionCount ?? 0);
    update = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${set.metadata.name}-${hash}`,
        namespace: ns,
        labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [s.REVISION_LABEL]: hash },
        ownerReferences: [newControllerRef(set)],
      },
      data,
      revision: next,
    };
    writes.push({ op: 'create', object: update, reason: 'RevisionCreated' });
    all.push(update);
  }
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, writes, all };
}

function syncStatefulSet(key: string, ctx: ReconcileContext): Plan {
  const { namespace: ns, name } = splitKey(key);
  const set = ctx.listers.get('StatefulSet', ns, name);
  if (!set) return { writes: [] };
  const rev = revisions(set, ctx.listers, ns);
  const writes: Write[] = [...rev.writes];
  const claim = claimObjects(set, claimCandidates(ctx.listers, set, 'Pod').sort(byName), (p) => matchesSelector(set.spec?.selector, p.metadata.labels) && s.ordinalOf(set, p) >= 0);
  for (const p of claim.adopt) writes.push({ op: 'update', object: p, reason: 'Adopted' });
  for (const p of claim.release) writes.push({ op: 'update', object: p, reason: 'Released' });

  const minReady = set.spec?.minReadySeconds ?? 0;
  const healthy = (p: KubeObject) => s.isHealthy(p, minReady, ctx.now);
  const want = set.spec?.replicas ?? 1;
  const start = s.startOrdinal(set);
  const replicas: (KubeObject | undefined)[] = new Array(want).fill(undefined);
  const condemned: KubeObject[] = [];
  for (const pod of claim.claimed) {
    const i = s.ordinalOf(set, pod) - start;
    if (i >= 0 && i < want) replicas[i] = pod;
    else condemned.push(pod);
  }
  condemned.sort((a, b) => s.ordinalOf(set, b) - s.ordinalOf(set, a));
  const monotonic = (set.spec?.podManagementPolicy ?? 'OrderedReady') !== 'Parallel';
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  const rolling = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const status = computeStatus(set, claim.claimed, rev, minReady, ctx.now);

  // newVersionedStatefulSetPod: ordinals below the partition keep the current revision.
  const versioned = (ordinal: number): KubeObject => {
    const keepCurrent = rolling && (set.spec?.updateStrategy?.rollingUpdate ? ordinal < start + partition : ordinal < start + (set.status?.currentReplicas ?? 0));
    const r = keepCurrent ? rev.current : rev.update;
    return s.newStatefulSetPod(set, s.templateOf(r), ordinal, r.metadata.name ?? '');
  };
  const event = (verb: 'create' | 'delete', pod: KubeObject) =>
    eventWrite(set, 'Normal', verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete', `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  const deletePod = (pod: KubeObject) => {
    writes.push({ op: 'delete', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name ?? '' }, reason: 'SuccessfulDelete', uid: pod.metadata.uid });
    writes.push(event('delete', pod));
  };
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};

  const run = (): void => {
    if (set.metadata.deletionTimestamp) return;
    for (let i = 0; i < want; i++) {
      let pod = replicas[i];
      if (pod && s.isFailedOrSucceeded(pod) && !s.isTerminating(pod)) {
        deletePod(pod);
        status.replicas--;
        pod = undefined;
        if (monotonic) return;
      }
      if (!pod) {
        const fresh = versioned(start + i);
        for (const c of s.claimsFor(set, start + i)) {
          if (ctx.listers.get('PersistentVolumeClaim', ns, c.metadata.name ?? '')) continue;
          if (policy.whenDeleted === 'Delete') c.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name ?? '', uid: set.metadata.uid ?? '' }];
          writes.push({ op: 'create', object: c, reason: 'SuccessfulCreate' });
          writes.push(eventWrite(set, 'Normal', 'SuccessfulCreate', `create Claim ${c.metadata.name} Pod ${fresh.metadata.name} in StatefulSet ${set.metadata.name} success`));
        }
        writes.push({ op: 'create', object: fresh, reason: 'SuccessfulCreate' });
        writes.push(event('create', fresh));
        status.replicas++;
        if (fresh.metadata.labels?.[s.REVISION_LABEL] === rev.current.metadata.name) status.currentReplicas++;
        if (fresh.metadata.labels?.[s.REVISION_LABEL] === rev.update.metadata.name) status.updatedReplicas++;
        if (monotonic) return;
        continue;
      }
      if (monotonic && (s.isTerminating(pod) || !healthy(pod))) return;
    }
    const firstUnhealthy = [...replicas, ...condemned].find((p) => p && !healthy(p));
    for (const pod of condemned) {
      if (s.isTerminating(pod)) {
        if (monotonic) return;
        continue;
      }
      if (monotonic && !healthy(pod) && pod !== firstUnhealthy) return;
      if (policy.whenScaled === 'Delete') {
        // The claims follow the pod away (retention policy: owner reference to the pod).
        for (const c of s.claimsFor(set, s.ordinalOf(set, pod))) {
          const existing = ctx.listers.get('PersistentVolumeClaim', ns, c.metadata.name ?? '');
          if (!existing || (existing.metadata.ownerReferences ?? []).some((r) => r.uid === pod.metadata.uid)) continue;
          const refs = [...(existing.metadata.ownerReferences ?? []), { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' }];
          writes.push({ op: 'update', object: { ...existing, metadata: { ...existing.metadata, ownerReferences: refs } }, reason: 'ClaimRetention' });
        }
      }
      deletePod(pod);
      if (monotonic) return;
    }
    if (!rolling) return;
    for (let i = want - 1; i >= partition; i--) {
      const pod = replicas[i];
      if (!pod) continue;
      if (pod.metadata.labels?.[s.REVISION_LABEL] !== rev.update.metadata.name && !s.isTerminating(pod)) {
        deletePod(pod);
        return;
      }
      if (!healthy(pod)) return;
    }
  };
  run();

  // completeRollingUpdate: once every replica runs the update revision, it becomes current.
  if (rolling && status.updatedReplicas === want && status.readyReplicas === want && status.replicas === want) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  writes.push(...truncateHistory(set, rev, claim.claimed, status));
  if (!jsonEqual(status, set.status ?? {})) writes.push({ op: 'updateStatus', object: dropResourceVersion({ ...set, status }), reason: 'StatusUpdate' });
  const at = earliest(claim.claimed.map((p) => podAvailableAt(p, minReady, ctx.now)));
  return at === undefined ? { writes } : { writes, requeueAfterMs: at - ctx.now };
}

function computeStatus(set: KubeObject, pods: KubeObject[], rev: Revisions, minReady: number, now: number): any {
  const st: any = {
    observedGeneration: set.metadata.generation ?? 1,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: rev.current.metadata.name,
    updateRevision: rev.update.metadata.name,
    collisionCount: set.status?.collisionCount ?? 0,
  };
  for (const pod of pods) {
    st.replicas++;
    if (s.isRunningAndReady(pod)) {
      st.readyReplicas++;
      if (s.isRunningAndAvailable(pod, minReady, now)) st.availableReplicas++;
    }
    if (!s.isTerminating(pod)) {
      const r = pod.metadata.labels?.[s.REVISION_LABEL];
      if (r === rev.current.metadata.name) st.currentReplicas++;
      if (r === rev.update.metadata.name) st.updatedReplicas++;
    }
  }
  return st;
}

/** truncateHistory: keep revisionHistoryLimit revisions besides the live and current ones. */
function truncateHistory(set: KubeObject, rev: Revisions, pods: KubeObject[], status: any): Write[] {
  const live = new Set<string>([status.currentRevision, status.updateRevision, ...pods.map((p) => p.metadata.labels?.[s.REVISION_LABEL] ?? '')]);
  const history = rev.all.filter((r) => !live.has(r.metadata.name ?? ''));
  const toKill = history.length - (set.spec?.revisionHistoryLimit ?? 10);
  return history.slice(0, Math.max(0, toKill)).map((r): Write => ({
    op: 'delete',
    ref: { kind: 'ControllerRevision', namespace: r.metadata.namespace ?? 'default', name: r.metadata.name ?? '' },
    reason: 'RevisionHistoryLimit',
  }));
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  const obj = event.object;
  if (event.kind === 'StatefulSet') return [keyOfObject(obj)];
  const ns = obj.metadata.namespace ?? 'default';
  const ref = controllerRefOf(obj);
  if (ref) return ref.kind === 'StatefulSet' ? [`${ns}/${ref.name}`] : [];
  if (event.type === 'DELETED') return [];
  return listers.list('StatefulSet', ns).filter((x) => matchesSelector(x.spec?.selector, obj.metadata.labels)).map(keyOfObject);
}

export const statefulSetController: Controller = {
  name: 'statefulset-controller',
  watches: ['StatefulSet', 'Pod', 'ControllerRevision'],
  keysFor,
  reconcile: syncStatefulSet,
  initialKeys: (listers) => listers.list('StatefulSet').map(keyOfObject),
};
