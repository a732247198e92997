// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go)
// with the taint eviction controller (pkg/controller/tainteviction/taint_eviction.go):
// - a node whose kubelet stopped renewing its Lease in kube-node-lease (and posting status)
//   for longer than the node-monitor grace period has all its conditions set to Unknown;
// - taints follow the conditions: not-ready / unreachable as NoSchedule and NoExecute,
//   pressure conditions and spec.unschedulable (cordon) as NoSchedule;
// - pods on a node with NoExecute taints they do not tolerate are deleted at once, those
//   with tolerationSeconds once that much time has passed since the taint was added.
import type { KubeObject, WatchEvent } from '../../api/types';
import { isoAt, virtualMsOf } from '../../core/time';
import type { Controller, Plan, ReconcileContext, Write } from '../types';
import { minTolerationSeconds, reconcileTaints, type Taint } from './taints';

/**
 * --node-monitor-grace-period: 50s since v1.32 (it was 40s before); we follow v1.34.
 */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-monitor-period: how often node health is checked. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

export const NODE_LIFECYCLE_NOTES = [
  'Eviction rate limiting by zone (--node-eviction-rate, zone disruption states) is not modelled: every node is tainted as soon as it is unhealthy.',
  'Node health is checked when a Node or Lease changes and then on a timer, not on a fixed 5 s sweep.',
];

const CONDITIONS_SET_UNKNOWN = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

function keysFor(event: WatchEvent): string[] {
  if (event.kind === 'Node') return event.type === 'DELETED' ? [] : [event.name];
  if (event.kind === 'Lease') return event.namespace === NODE_LEASE_NAMESPACE ? [event.name] : [];
  if (event.kind === 'Pod') {
    // A pod landing on a node with NoExecute taints must be checked (taint eviction).
    const nodeName: string | undefined = event.object.spec?.nodeName;
    return nodeName && event.type !== 'DELETED' ? [nodeName] : [];
  }
  return [];
}

/** The last sign of life: the Lease's renewTime or the Ready condition's heartbeat. */
export function lastProbeTime(node: KubeObject, lease: KubeObject | undefined): number {
  const times: number[] = [virtualMsOf(node.metadata.creationTimestamp ?? '') ?? 0];
  const renew = lease?.spec?.renewTime ? virtualMsOf(lease.spec.renewTime) : undefined;
  if (renew !== undefined) times.push(renew);
  const ready = (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready');
  const hb = ready?.lastHeartbeatTime ? virtualMsOf(ready.lastHeartbeatTime) : undefined;
  if (hb !== undefined) times.push(hb);
  return Math.max(...times);
}

/** tryUpdateNodeHealth's Unknown marking. Returns undefined when nothing changes. */
export function conditionsGoneUnknown(node: KubeObject, now: number): NodeCondition[] | undefined {
  const current: NodeCondition[] = node.status?.conditions ?? [];
  const t = isoAt(now);
  let changed = false;
  const next = current.map((c) => ({ ...c }));
  for (const type of CONDITIONS_SET_UNKNOWN) {
    const c = next.find((x) => x.type === type);
    if (!c) {
      next.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: t });
      changed = true;
    } else if (c.status !== 'Unknown') {
      Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: t });
      changed = true;
    }
  }
  return changed ? next : undefined;
}

/** A Lease not renewed for this long (renewals come every 10 s) means its kubelet has stopped. */
const LEASE_STALE_AFTER_MS = 15_000;

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const node = ctx.listers.get('Node', '', key);
  if (!node || node.metadata.deletionTimestamp) return { writes: [] };
  const { now } = ctx;
  const writes: Write[] = [];
  let requeue: number | undefined;
  // Health checks of a live node are upkeep; a pending eviction is real work.
  let background = true;
  const want = (ms: number, upkeep = false) => {
    if (!upkeep) background = false;
    if (ms > 0) requeue = requeue === undefined ? ms : Math.min(requeue, ms);
  };

  // 1. Health from the Lease.
  const lease = ctx.listers.get('Lease', NODE_LEASE_NAMESPACE, key);
  const probe = lastProbeTime(node, lease);
  let observed = node;
  if (now - probe > NODE_MONITOR_GRACE_PERIOD_MS) {
    const unknown = conditionsGoneUnknown(node, now);
    if (unknown) {
      const wasReady = (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready')?.status === 'True';
      observed = { ...node, status: { ...(node.status ?? {}), conditions: unknown } };
      writes.push({ op: 'updateStatus', object: observed, reason: 'NodeStatusUnknown' });
      if (wasReady) {
        writes.push({ op: 'event', involved: node, type: 'Normal', reason: 'NodeNotReady', message: `Node ${key} status is now: NodeNotReady` });
        writes.push(...markPodsNotReady(ctx.listers.podsOnNode(key), now));
      }
    }
  } else {
    // Upkeep while the kubelet keeps renewing its Lease (every 10 s); once renewals stop, the
    // node's turn to Unknown is pending work the simulation should reach.
    want(probe + NODE_MONITOR_GRACE_PERIOD_MS - now + 1, now - probe <= LEASE_STALE_AFTER_MS);
  }

  // 2. Taints from the conditions (and cordon).
  const taints = reconcileTaints(observed, isoAt(now));
  if (JSON.stringify(taints) !== JSON.stringify(node.spec?.taints ?? [])) {
    const next = structuredClone(node);
    delete next.metadata.resourceVersion; // follows the status write above in the same plan
    next.spec = { ...(next.spec ?? {}) };
    if (taints.length) next.spec.taints = taints;
    else delete next.spec.taints;
    writes.push({ op: 'update', object: next, reason: 'TaintsUpdated' });
  }

  // 3. Taint-based eviction.
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length) {
    for (const pod of ctx.listers.podsOnNode(key)) {
      if (pod.metadata.deletionTimestamp) continue;
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const seconds = minTolerationSeconds(pod, noExecute);
      if (seconds === Infinity) continue;
      const due = seconds === undefined ? now : earliestTaintTime(noExecute, node, now) + seconds * 1000;
      if (due > now) {
        want(due - now);
        continue;
      }
      writes.push(...evictPod(pod, now));
    }
  }
  return requeue === undefined ? { writes } : { writes, requeueAfterMs: requeue, ...(background ? { background } : {}) };
}

/**
 * When the NoExecute taints were first in place. Taints without timeAdded (registered with the
 * node, or written by hand) count from the node's creation: the taint manager first saw them
 * then, and a later reconcile must not restart their clock.
 */
function earliestTaintTime(taints: Taint[], node: KubeObject, now: number): number {
  let t = now;
  const created = node.metadata.creationTimestamp ? virtualMsOf(node.metadata.creationTimestamp) : undefined;
  for (const taint of taints) {
    const added = taint.timeAdded ? virtualMsOf(taint.timeAdded) : created;
    if (added !== undefined) t = Math.min(t, added);
  }
  return t;
}

/** taint_eviction.go deletePodHandler: DisruptionTarget condition, then delete, with the event. */
function evictPod(pod: KubeObject, now: number): Write[] {
  const ns = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const conditions = [
    ...(pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget'),
    { type: 'DisruptionTarget', status: 'True', lastTransitionTime: isoAt(now), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' },
  ];
  // No resourceVersion precondition: MarkPodsNotReady may have written this pod earlier in the plan.
  const metadata = { ...pod.metadata };
  delete metadata.resourceVersion;
  return [
    { op: 'event', involved: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${name}` },
    { op: 'updateStatus', object: { ...pod, metadata, status: { ...(pod.status ?? {}), conditions } }, reason: 'DisruptionTarget' },
    { op: 'delete', ref: { kind: 'Pod', namespace: ns, name }, reason: 'TaintManagerEviction', uid: pod.metadata.uid },
  ];
}

/** nodeutil.MarkPodsNotReady: pods of an unresponsive node lose Ready (and so their endpoints). */
function markPodsNotReady(pods: KubeObject[], now: number): Write[] {
  const writes: Write[] = [];
  for (const pod of pods) {
    const conditions: { type: string; status: string; lastTransitionTime?: string }[] = pod.status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const next = conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: isoAt(now) } : c));
    writes.push({ op: 'updateStatus', object: { ...pod, status: { ...pod.status, conditions: next } }, reason: 'MarkPodsNotReady' });
    writes.push({ op: 'event', involved: pod, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready' });
  }
  return writes;
}

export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle-controller',
  watches: ['Node', 'Lease', 'Pod'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('Node').map((n) => n.metadata.name ?? ''),
};
