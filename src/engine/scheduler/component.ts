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
const COMPONENT = 'default-scheduler';

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

  const servedPod = (pod: KubeObject) => served.has(pod.spec?.schedulerName || 'default-scheduler');

  const onEvent = (e: WatchEvent) => {
    const now = cluster.now();
    if (e.kind === 'Node') {
      if (e.type === 'ADDED') cache.addNode(e.object as never);
      else if (e.type === 'MODIFIED') cache.updateNode(e.object as never);
      else cache.removeNode(e.name);
      queue.onEvent(e.type === 'ADDED' ? 'NodeAdd' : e.type === 'MODIFIED' ? 'NodeUpdate' : 'NodeDelete', now);
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
        else queue.update(pod, now);
      }
    } else if (CACHE_KINDS.has(e.kind)) {
      cacheDirty.value = true;
      const ev = OBJECT_EVENTS[e.kind];
      if (ev) queue.onEvent(ev, now);
    } else return;
    ensureLoop();
  };

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
    const active = queue.snapshot().active.length;
    const wake = active > 0 ? now + SCHEDULING_CYCLE_MS : queue.nextWakeup();
    if (wake === null || wake === undefined) return;
    const at = Math.max(wake, now + SCHEDULING_CYCLE_MS);
    if (loopAt !== undefined && loopAt <= at) return;
    loopAt = at;
    cluster.queue.push(at, COMPONENT, () => {
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
    refreshObjects();
    const result = scheduleOne(live as unknown as Pod, cache, profile, state, cluster.rng, { detail: 'auto' });
    const detail: ScheduleAttemptDetail = { pod: q.key, attempt: q.attempts, record: result.record };
    try {
      if (result.selectedNode) {
        cluster.addActivity(COMPONENT, 'ScheduleAttempt', `Bound ${q.key} to ${result.selectedNode}: ${summary(result.record)}`, detail);
        cluster.api.bind({ kind: 'Pod', namespace: ns, name }, result.selectedNode, { component: COMPONENT, reason: 'Scheduled' });
        cluster.api.recordEvent({ involved: live, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${q.key} to ${result.selectedNode}`, component: COMPONENT });
        return;
      }
      cluster.addActivity(COMPONENT, 'ScheduleAttempt', `Could not schedule ${q.key}: ${result.record.message ?? ''}`, detail);
      if (result.nominatedNode) preempt(live, result.nominatedNode, result.victims ?? []);
      markUnschedulable(live, result.record.message ?? '', result.nominatedNode);
      queue.addUnschedulable(q, result.unschedulablePlugins ?? [], now);
    } catch (error) {
      cluster.errors.push({ t: now, component: COMPONENT, key: q.key, message: error instanceof Error ? error.message : String(error) });
      queue.addUnschedulable(q, [], now);
    }
  }

  function markUnschedulable(pod: KubeObject, message: string, nominatedNode?: string) {
    const next = structuredClone(pod);
    const conditions = (next.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: isoAt(cluster.now()), reason: 'Unschedulable', message });
    next.status = { ...(next.status ?? {}), conditions, ...(nominatedNode ? { nominatedNodeName: nominatedNode } : {}) };
    cluster.api.updateStatus(next, { component: COMPONENT, reason: 'Unschedulable' });
    cluster.api.recordEvent({ involved: pod, type: 'Warning', reason: 'FailedScheduling', message, component: COMPONENT });
  }

  // pkg/scheduler/framework/preemption/preemption.go prepareCandidate: victims are deleted
  // (gracefully) with a Preempted event; the preemptor waits, nominated to the node.
  function preempt(preemptor: KubeObject, node: string, victims: string[]) {
    for (const victim of victims) {
      const [vns, vname] = victim.split('/');
      const pod = cluster.store.get('Pod', vns, vname);
      if (!pod) continue;
      cluster.api.recordEvent({ involved: pod, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${preemptor.metadata.uid} on node ${node}`, component: COMPONENT });
      cluster.api.delete({ kind: 'Pod', namespace: vns, name: vname }, { component: COMPONENT, reason: 'Preempted' });
    }
  }

  cluster.store.watch(onEvent);
  cluster.extraPending.push(() => queue.snapshot().active.length + queue.snapshot().backoff.length);
  return { pending: () => queue.snapshot().active.length, queue, configErrors: errors };
}

function summary(record: DecisionRecord): string {
  const nodes = Object.entries(record.nodes);
  const feasible = nodes.filter(([, n]) => n.filter?.passed).length;
  const total = record.selectedNode ? record.nodes[record.selectedNode]?.total : null;
  return `${feasible} of ${nodes.length} nodes passed the filters; ${record.selectedNode} scored highest${total !== null && total !== undefined ? ` (${total})` : ''}`;
}
