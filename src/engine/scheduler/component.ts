// kube-scheduler as a running component: informers feed its cache and queue from watch events;
// one scheduling cycle at a time pops the next pod (PrioritySort), runs scheduleOne, and binds
// it (pods/binding) or records why not (PodScheduled=False, FailedScheduling). Each attempt's
// decision record is kept as an activity for the UI and `kubeglass schedule-explain`.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, WatchEvent } from '../api/types';
import type { Cluster } from '../core/cluster';
import { SchedulerCache } from './cache';
import { SchedulingQueue, type ClusterEvent } from './queue';
import { createSchedulerState } from './schedule-one';
import { scheduleOne } from './schedule-one';
import { resolveSchedulerConfig, profileForPod } from './resolve-config';
import { podKey } from './pod-info';
import { isoAt } from '../core/time';
import type { DecisionRecord } from './types';

/** Virtual time one scheduling cycle takes (a few ms in a small real cluster). */
export const SCHEDULING_CYCLE_MS = 1;
const DEFAULT_COMPONENT = 'default-scheduler';

/**
 * Full decision records (every node's filter and score) are kept for this many of the latest
 * attempts; older attempts keep a compact record (counts, chosen node, message). A full record
 * is tens of KB at a hundred nodes, and a big Deployment makes thousands of attempts.
 */
export const FULL_DECISION_RECORDS_KEPT = 500;

export const COMPACTED_RECORD_NOTE = `Per-node detail dropped: only the latest ${FULL_DECISION_RECORDS_KEPT} scheduling attempts keep every node's filter and score results.`;

/** The record without per-node detail (record.detail = 'compact', nodes = {}). */
export function compactDecisionRecord(record: DecisionRecord): DecisionRecord {
  if (record.detail === 'compact') return record;
  return { ...record, nodes: {}, detail: 'compact', notes: [...record.notes, COMPACTED_RECORD_NOTE] };
}

export interface ScheduleAttemptDetail {
  pod: string;
  attempt: number;
  record: DecisionRecord;
}

const OBJECT_EVENTS: Record<string, ClusterEvent> = {
  PersistentVolumeClaim: 'PvcChange',
  PersistentVolume: 'PvChange',
  StorageClass: 'StorageClassChange',
  Namespace: 'NamespaceChange',
  Service: 'ServiceChange',
};
const CACHE_KINDS = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'Service', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'Namespace']);

export interface SchedulerComponent {
  /** Pods the scheduler still has to try now (for `settled`). */
  pending(): number;
  queue: SchedulingQueue;
  /** Config problems, for diagnostics. */
  configErrors: string[];
}

export function startScheduler(cluster: Cluster, configDoc?: KubeObject): SchedulerComponent {
  const { profiles, errors, config } = resolveSchedulerConfig(configDoc as Record<string, any> | undefined);
  const served = new Set(profiles.map((p) => p.schedulerName));
  const cache = new SchedulerCache();
  const cacheDirty = { value: true };
  const state = createSchedulerState(config.percentageOfNodesToScore ?? 0);
  const queue = new SchedulingQueue({ priorityOf: (pod) => cache.priorityOf(pod) });
  let loopAt: number | undefined;
  /** Pods chosen a node but waiting in PreBind for their claims to bind. */
  const waitingForVolumes = new Map<string, { node: string; claims: string[]; component: string }>();
  /** Attempts whose activity still holds a full record, oldest first (see FULL_DECISION_RECORDS_KEPT). */
  const fullRecords: ScheduleAttemptDetail[] = [];
  const keepFullRecord = (detail: ScheduleAttemptDetail) => {
    if (detail.record.detail !== 'full') return;
    fullRecords.push(detail);
    if (fullRecords.length > FULL_DECISION_RECORDS_KEPT) {
      const oldest = fullRecords.shift()!;
      oldest.record = compactDecisionRecord(oldest.record);
    }
  };
  /** The last Node objects seen, to tell relevant updates from heartbeats. */
  const lastNodes = new Map<string, KubeObject>();

  const servedPod = (pod: KubeObject) => served.has(pod.spec?.schedulerName || 'default-scheduler');

  const onEvent = (e: WatchEvent) => {
    const now = cluster.now();
    if (e.kind === 'Node') {
      const before = lastNodes.get(e.name);
      if (e.type === 'DELETED') lastNodes.delete(e.name);
      else lastNodes.set(e.name, e.object);
      if (e.type === 'ADDED') cache.addNode(e.object as never);
      else if (e.type === 'MODIFIED') cache.updateNode(e.object as never);
      else cache.removeNode(e.name);
      // A heartbeat (conditions' timestamps) makes no pod schedulable: only changes to what the
      // filters read requeue unschedulable pods (the QueueingHints idea, coarsely).
      if (e.type !== 'MODIFIED' || !before || schedulingRelevantChange(before, e.object)) {
        queue.onEvent(e.type === 'ADDED' ? 'NodeAdd' : e.type === 'MODIFIED' ? 'NodeUpdate' : 'NodeDelete', now);
      }
    } else if (e.kind === 'Pod') {
      const pod = e.object as unknown as Pod;
      const bound = Boolean(pod.spec?.nodeName);
      if (e.type === 'DELETED') {
        cache.removePod(podKey(pod));
        queue.delete(podKey(pod));
        if (bound) queue.onEvent('AssignedPodDelete', now);
      } else if (bound) {
        queue.delete(podKey(pod));
        if (e.type === 'ADDED') cache.addPod(pod);
        else cache.updatePod(pod);
        queue.onEvent(e.type === 'ADDED' ? 'AssignedPodAdd' : 'AssignedPodUpdate', now);
      } else if (servedPod(e.object) && !e.object.metadata.deletionTimestamp) {
        cache.updatePod(pod);
        if (e.type === 'ADDED') queue.add(pod, now);
        // The scheduler's own status writes (PodScheduled=False, nominatedNodeName) are not
        // updates that could make the pod schedulable (scheduling_queue.go isPodUpdated).
        else if (!served.has(e.component)) queue.update(pod, now);
      }
    } else if (CACHE_KINDS.has(e.kind)) {
      cacheDirty.value = true;
      if (e.kind === 'PersistentVolumeClaim' && waitingForVolumes.size) bindWhenVolumesReady(e.namespace);
      const ev = OBJECT_EVENTS[e.kind];
      if (ev) queue.onEvent(ev, now);
    } else return;
    ensureLoop();
  };

  function bindWhenVolumesReady(namespace: string) {
    for (const [key, w] of [...waitingForVolumes]) {
      const [ns, name] = key.split('/');
      if (ns !== namespace) continue;
      const allBound = w.claims.every((c) => cluster.store.get('PersistentVolumeClaim', ns, c)?.status?.phase === 'Bound');
      if (!allBound) continue;
      waitingForVolumes.delete(key);
      const pod = cluster.store.get('Pod', ns, name);
      if (pod && !pod.spec?.nodeName && !pod.metadata.deletionTimestamp) bindPod(pod, w.node, w.component);
    }
  }

  const refreshObjects = () => {
    if (!cacheDirty.value) return;
    cacheDirty.value = false;
    const s = cluster.store;
    cache.setObjects({
      pvcs: s.list('PersistentVolumeClaim') as never,
      pvs: s.list('PersistentVolume') as never,
      storageClasses: s.list('StorageClass') as never,
      priorityClasses: s.list('PriorityClass') as never,
      services: s.list('Service') as never,
      replicaSets: s.list('ReplicaSet') as never,
      statefulSets: s.list('StatefulSet') as never,
      replicationControllers: s.list('ReplicationController') as never,
      namespaces: s.list('Namespace') as never,
    });
  };

  function ensureLoop() {
    const now = cluster.now();
    const active = queue.activeCount();
    const wake = active > 0 ? now + SCHEDULING_CYCLE_MS : queue.nextWakeup();
    if (wake === null || wake === undefined) return;
    const at = Math.max(wake, now + SCHEDULING_CYCLE_MS);
    if (loopAt !== undefined && loopAt <= at) return;
    loopAt = at;
    cluster.queue.push(at, DEFAULT_COMPONENT, () => {
      if (loopAt !== at) return;
      loopAt = undefined;
      cycle();
      ensureLoop();
    });
  }

  function cycle() {
    const now = cluster.now();
    const q = queue.pop(now);
    if (!q) return;
    const [ns, name] = q.key.split('/');
    const live = cluster.store.get('Pod', ns, name);
    if (!live || live.spec?.nodeName || live.metadata.deletionTimestamp) return;
    const profile = profileForPod(profiles, live.spec?.schedulerName);
    if (!profile) return;
    // Each profile reports as its schedulerName (events' source, the binding's writer).
    const COMPONENT = profile.schedulerName;
    refreshObjects();
    const result = scheduleOne(live as unknown as Pod, cache, profile, state, cluster.rng, { detail: 'auto' });
    const detail: ScheduleAttemptDetail = { pod: q.key, attempt: q.attempts, record: result.record };
    keepFullRecord(detail);
    try {
      if (result.selectedNode) {
        cluster.addActivity(COMPONENT, 'ScheduleAttempt', `Chose ${result.selectedNode} for ${q.key}: ${summary(result.record)}`, detail);
        // VolumeBinding PreBind: claims waiting for their first consumer learn the node; the
        // pod is bound once every claim it uses is Bound.
        const waiting = selectNodeForClaims(live, result.selectedNode, COMPONENT);
        if (waiting.length) {
          waitingForVolumes.set(q.key, { node: result.selectedNode, claims: waiting, component: COMPONENT });
          cluster.addActivity(COMPONENT, 'WaitingForVolumes', `${q.key} waits for its claims to bind before binding to ${result.selectedNode}: ${waiting.join(', ')}`);
          return;
        }
        bindPod(live, result.selectedNode, COMPONENT);
        return;
      }
      cluster.addActivity(COMPONENT, 'ScheduleAttempt', `Could not schedule ${q.key}: ${result.record.message ?? ''}`, detail);
      let nominated = result.nominatedNode;
      if (nominated && !eligibleToPreempt(live)) nominated = undefined;
      if (nominated) preempt(live, nominated, result.victims ?? [], COMPONENT);
      markUnschedulable(live, result.record.message ?? '', nominated, COMPONENT);
      queue.addUnschedulable(q, result.unschedulablePlugins ?? [], now);
    } catch (error) {
      cluster.errors.push({ t: now, component: DEFAULT_COMPONENT, key: q.key, message: error instanceof Error ? error.message : String(error) });
      queue.addUnschedulable(q, [], now);
    }
  }

  function bindPod(pod: KubeObject, node: string, component: string) {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    cluster.api.bind({ kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name! }, node, { component, reason: 'Scheduled' });
    cluster.api.recordEvent({ involved: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${key} to ${node}`, component });
  }

  /** Annotates the pod's unbound WaitForFirstConsumer claims with the chosen node; returns the claims not Bound yet. */
  function selectNodeForClaims(pod: KubeObject, node: string, component: string): string[] {
    const ns = pod.metadata.namespace!;
    const pending: string[] = [];
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const pvc = cluster.store.get('PersistentVolumeClaim', ns, claimName);
      if (!pvc || pvc.status?.phase === 'Bound') continue;
      pending.push(claimName);
      const sc = pvc.spec?.storageClassName ? cluster.store.get('StorageClass', '', pvc.spec.storageClassName) : undefined;
      if (sc?.volumeBindingMode === 'WaitForFirstConsumer' && pvc.metadata.annotations?.['volume.kubernetes.io/selected-node'] !== node) {
        const next = structuredClone(pvc);
        next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'volume.kubernetes.io/selected-node': node };
        delete next.metadata.resourceVersion;
        cluster.api.update(next, { component, reason: 'SelectedNode' });
      }
    }
    return pending;
  }

  /** framework/plugins/defaultpreemption PodEligibleToPreemptOthers: not while a lower-priority pod on the nominated node is still terminating. */
  function eligibleToPreempt(pod: KubeObject): boolean {
    const nominated = pod.status?.nominatedNodeName as string | undefined;
    if (!nominated) return true;
    const priority = cache.priorityOf(pod as unknown as Pod);
    return !cluster.indexes.podsOnNode(nominated).some((p) => p.metadata.deletionTimestamp && cache.priorityOf(p as unknown as Pod) < priority);
  }

  function markUnschedulable(pod: KubeObject, message: string, nominatedNode: string | undefined, COMPONENT: string) {
    const next = structuredClone(pod);
    const conditions = (next.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: isoAt(cluster.now()), reason: 'Unschedulable', message });
    next.status = { ...(next.status ?? {}), conditions, ...(nominatedNode ? { nominatedNodeName: nominatedNode } : {}) };
    cluster.api.updateStatus(next, { component: COMPONENT, reason: 'Unschedulable' });
    cluster.api.recordEvent({ involved: pod, type: 'Warning', reason: 'FailedScheduling', message, component: COMPONENT });
  }

  // pkg/scheduler/framework/preemption/preemption.go prepareCandidate: victims are deleted
  // (gracefully) with a Preempted event; the preemptor waits, nominated to the node.
  function preempt(preemptor: KubeObject, node: string, victims: string[], COMPONENT: string) {
    for (const victim of victims) {
      const [vns, vname] = victim.split('/');
      const pod = cluster.store.get('Pod', vns, vname);
      if (!pod) continue;
      const marked = structuredClone(pod);
      const conditions = (marked.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget');
      conditions.push({ type: 'DisruptionTarget', status: 'True', lastTransitionTime: isoAt(cluster.now()), reason: 'PreemptionByScheduler', message: `${COMPONENT}: preempting to accommodate a higher priority pod` });
      marked.status = { ...(marked.status ?? {}), conditions };
      delete marked.metadata.resourceVersion;
      cluster.api.updateStatus(marked, { component: COMPONENT, reason: 'PreemptionByScheduler' });
      cluster.api.recordEvent({ involved: pod, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${preemptor.metadata.uid} on node ${node}`, component: COMPONENT });
      cluster.api.delete({ kind: 'Pod', namespace: vns, name: vname }, { component: COMPONENT, reason: 'Preempted' });
    }
  }

  cluster.store.watch(onEvent);
  cluster.extraPending.push(() => queue.activeCount() + queue.backoffCount() + waitingForVolumes.size);
  return { pending: () => queue.activeCount(), queue, configErrors: errors };
}

function schedulingRelevantChange(before: KubeObject, after: KubeObject): boolean {
  const ready = (n: KubeObject) => (n.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status;
  return (
    JSON.stringify(before.spec ?? {}) !== JSON.stringify(after.spec ?? {}) ||
    JSON.stringify(before.metadata.labels ?? {}) !== JSON.stringify(after.metadata.labels ?? {}) ||
    JSON.stringify(before.status?.allocatable ?? {}) !== JSON.stringify(after.status?.allocatable ?? {}) ||
    JSON.stringify(before.status?.images ?? []) !== JSON.stringify(after.status?.images ?? []) ||
    ready(before) !== ready(after)
  );
}

function summary(record: DecisionRecord): string {
  const nodes = Object.entries(record.nodes);
  const feasible = nodes.filter(([, n]) => n.filter?.passed).length;
  const total = record.selectedNode ? record.nodes[record.selectedNode]?.total : null;
  return `${feasible} of ${nodes.length} nodes passed the filters; ${record.selectedNode} scored highest${total !== null && total !== undefined ? ` (${total})` : ''}`;
}
