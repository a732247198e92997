// The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go PriorityQueue):
// activeQ ordered by the QueueSort plugin (PrioritySort: priority, then queue time), backoffQ
// (1s doubling per attempt up to 10s), unschedulable pods that wait for a cluster event one of
// their rejecting plugins cares about (or 5 minutes), and gated pods held by PreEnqueue
// (SchedulingGates). Time is virtual ms passed in by the caller.
import type { Pod } from 'kubernetes-types/core/v1';
import { podKey } from './pod-info';
import type { QueuedPodLike } from './plugin-api';
import type { Status } from './status';

export interface QueuedPodInfo extends QueuedPodLike {
  key: string;
  /** When the pod first entered the queue. */
  initialAttemptTimestamp: number;
  attempts: number;
  unschedulablePlugins: Set<string>;
  /** Set while PreEnqueue (SchedulingGates) holds the pod back; the status message. */
  gated: string | null;
}

export type ClusterEvent =
  | 'NodeAdd'
  | 'NodeUpdate'
  | 'NodeDelete'
  | 'AssignedPodAdd'
  | 'AssignedPodUpdate'
  | 'AssignedPodDelete'
  | 'PvcChange'
  | 'PvChange'
  | 'StorageClassChange'
  | 'NamespaceChange'
  | 'ServiceChange';

const NODE_PLUGINS = [
  'NodeUnschedulable',
  'TaintToleration',
  'NodeAffinity',
  'NodePorts',
  'NodeResourcesFit',
  'VolumeRestrictions',
  'NodeVolumeLimits',
  'VolumeBinding',
  'VolumeZone',
  'PodTopologySpread',
  'InterPodAffinity',
];
const VOLUME_PLUGINS = ['VolumeBinding', 'VolumeZone', 'VolumeRestrictions', 'NodeVolumeLimits'];

/**
 * Simplified EventsToRegister of the default plugins: which plugins' rejections a cluster event
 * may resolve. Upstream refines this with per-plugin QueueingHint functions; we move the pod
 * whenever the event type matches, as upstream does with SchedulerQueueingHints disabled.
 */
export const EVENT_PLUGINS: Record<ClusterEvent, string[]> = {
  NodeAdd: ['NodeName', ...NODE_PLUGINS],
  NodeUpdate: NODE_PLUGINS,
  NodeDelete: ['PodTopologySpread', 'InterPodAffinity'],
  AssignedPodAdd: ['InterPodAffinity', 'PodTopologySpread'],
  AssignedPodUpdate: ['InterPodAffinity', 'PodTopologySpread', 'NodeResourcesFit'],
  AssignedPodDelete: ['NodeResourcesFit', 'NodePorts', 'InterPodAffinity', 'PodTopologySpread', 'VolumeRestrictions', 'NodeVolumeLimits'],
  PvcChange: VOLUME_PLUGINS,
  PvChange: VOLUME_PLUGINS,
  StorageClassChange: ['VolumeBinding', 'VolumeZone'],
  NamespaceChange: ['InterPodAffinity'],
  ServiceChange: [],
};

export interface QueueOptions {
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** podMaxInUnschedulablePodsDuration */
  maxInUnschedulableMs?: number;
  less?: (a: QueuedPodLike, b: QueuedPodLike) => boolean;
  preEnqueue?: (pod: Pod) => Status | null;
  priorityOf?: (pod: Pod) => number;
}

const prioritySortLess = (a: QueuedPodLike, b: QueuedPodLike) => a.priority > b.priority || (a.priority === b.priority && a.timestamp < b.timestamp);

export class SchedulingQueue {
  private active: QueuedPodInfo[] = [];
  /** Keys in `active`, so has/update/delete need not scan the array for pods that are not there. */
  private activeKeys = new Map<string, QueuedPodInfo>();
  private backoff = new Map<string, QueuedPodInfo>();
  private unschedulable = new Map<string, QueuedPodInfo>();
  private readonly initial: number;
  private readonly max: number;
  private readonly maxUnsched: number;
  private readonly lessFn: (a: QueuedPodLike, b: QueuedPodLike) => boolean;
  private readonly preEnqueue: (pod: Pod) => Status | null;
  private readonly priorityOf: (pod: Pod) => number;

  constructor(opts: QueueOptions = {}) {
    this.initial = opts.initialBackoffMs ?? 1000;
    this.max = opts.maxBackoffMs ?? 10000;
    this.maxUnsched = opts.maxInUnschedulableMs ?? 5 * 60 * 1000;
    this.lessFn = opts.less ?? prioritySortLess;
    this.preEnqueue = opts.preEnqueue ?? (() => null);
    this.priorityOf = opts.priorityOf ?? ((p) => p.spec?.priority ?? 0);
  }

  /** calculateBackoffDuration: initial, doubled per attempt after the first, capped. */
  backoffDuration(attempts: number): number {
    if (attempts === 0) return 0;
    let d = this.initial;
    for (let i = 1; i < attempts; i++) {
      if (d > this.max - d) return this.max;
      d += d;
    }
    return d;
  }

  backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q.attempts);
  }

  private pushActive(q: QueuedPodInfo): void {
    let lo = 0;
    let hi = this.active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lessFn(this.active[mid], q)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.active.length) this.active.push(q);
    else this.active.splice(lo, 0, q);
    this.activeKeys.set(q.key, q);
  }

  /** Takes a queued pod out of activeQ (it is there: the caller looked it up in activeKeys). */
  private removeActive(q: QueuedPodInfo): void {
    const i = this.active.indexOf(q);
    if (i >= 0) this.active.splice(i, 1);
    this.activeKeys.delete(q.key);
  }

  private has(key: string): boolean {
    return this.activeKeys.has(key) || this.backoff.has(key) || this.unschedulable.has(key);
  }

  /** A new pending pod: to activeQ, or held as gated when PreEnqueue rejects it. */
  add(pod: Pod, now: number): void {
    const key = podKey(pod);
    if (this.has(key)) return this.update(pod, now);
    const q: QueuedPodInfo = { pod, key, priority: this.priorityOf(pod), timestamp: now, initialAttemptTimestamp: now, attempts: 0, unschedulablePlugins: new Set(), gated: null };
    this.enqueue(q);
  }

  private enqueue(q: QueuedPodInfo): void {
    const s = this.preEnqueue(q.pod);
    if (s) {
      q.gated = s.reasons.join(', ');
      this.unschedulable.set(q.key, q);
      return;
    }
    q.gated = null;
    this.pushActive(q);
  }

  /** The pod object changed: gated pods re-run PreEnqueue; queued pods keep their place. */
  update(pod: Pod, now: number): void {
    const key = podKey(pod);
    const q = this.activeKeys.get(key);
    if (q) {
      this.removeActive(q);
      q.pod = pod;
      q.priority = this.priorityOf(pod);
      this.pushActive(q);
      return;
    }
    const b = this.backoff.get(key);
    if (b) {
      b.pod = pod;
      return;
    }
    const u = this.unschedulable.get(key);
    if (u) {
      this.unschedulable.delete(key);
      u.pod = pod;
      u.priority = this.priorityOf(pod);
      if (u.gated !== null) this.enqueue(u);
      // An update to an unschedulable pod may make it schedulable (isPodUpdated): retry.
      else this.requeue(u, now);
      return;
    }
    this.add(pod, now);
  }

  delete(key: string): void {
    const q = this.activeKeys.get(key);
    if (q) this.removeActive(q);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
  }

  /** Moves finished backoffs to activeQ and pods unschedulable for too long back to retry. */
  flush(now: number): void {
    for (const [k, q] of [...this.backoff]) {
      if (this.backoffExpiry(q) <= now) {
        this.backoff.delete(k);
        this.pushActive(q);
      }
    }
    for (const [k, q] of [...this.unschedulable]) {
      if (q.gated === null && now - q.timestamp > this.maxUnsched) {
        this.unschedulable.delete(k);
        this.requeue(q, now);
      }
    }
  }

  /** The next pod to schedule, counting the attempt; null when activeQ is empty. */
  pop(now: number): QueuedPodInfo | null {
    this.flush(now);
    const q = this.active.shift();
    if (!q) return null;
    this.activeKeys.delete(q.key);
    q.attempts++;
    return q;
  }

  /** After a failed attempt: wait as unschedulable (or in backoff when no plugin is to blame). */
  addUnschedulable(q: QueuedPodInfo, unschedulablePlugins: string[], now: number): void {
    q.timestamp = now;
    q.unschedulablePlugins = new Set(unschedulablePlugins);
    if (unschedulablePlugins.length === 0) this.backoff.set(q.key, q);
    else this.unschedulable.set(q.key, q);
  }

  private requeue(q: QueuedPodInfo, now: number): void {
    if (this.backoffExpiry(q) > now) this.backoff.set(q.key, q);
    else this.pushActive(q);
  }

  /** A cluster event: unschedulable pods rejected by a plugin that cares move to backoffQ or activeQ. */
  onEvent(event: ClusterEvent, now: number): number {
    const interested = new Set(EVENT_PLUGINS[event]);
    let moved = 0;
    for (const [k, q] of [...this.unschedulable]) {
      if (q.gated !== null) continue;
      if (![...q.unschedulablePlugins].some((p) => interested.has(p))) continue;
      this.unschedulable.delete(k);
      this.requeue(q, now);
      moved++;
    }
    return moved;
  }

  /** The earliest virtual time at which flush() would move a pod (for the engine's event loop). */
  nextWakeup(): number | null {
    let t: number | null = null;
    for (const q of this.backoff.values()) {
      const e = this.backoffExpiry(q);
      if (t === null || e < t) t = e;
    }
    for (const q of this.unschedulable.values()) {
      if (q.gated !== null) continue;
      const e = q.timestamp + this.maxUnsched + 1;
      if (t === null || e < t) t = e;
    }
    return t;
  }

  /** What `kubectl`-style views and the UI show: queue contents by sub-queue. */
  snapshot(): { active: string[]; backoff: string[]; unschedulable: string[]; gated: string[] } {
    const u = [...this.unschedulable.values()];
    return {
      active: this.active.map((q) => q.key),
      backoff: [...this.backoff.keys()],
      unschedulable: u.filter((q) => q.gated === null).map((q) => q.key),
      gated: u.filter((q) => q.gated !== null).map((q) => q.key),
    };
  }

  /** Pods in activeQ (O(1); snapshot() copies every key). */
  activeCount(): number {
    return this.active.length;
  }

  /** Pods in backoffQ. */
  backoffCount(): number {
    return this.backoff.size;
  }

  get length(): number {
    return this.active.length + this.backoff.size + this.unschedulable.size;
  }
}
