// Runs controllers the way kube-controller-manager runs them: informers deliver watch events,
// each controller maps them to keys in its own work queue (deduplicated), and a worker calls
// reconcile for a key after a short delay. The host applies the returned plan through the API
// server as the controller, so every write carries the controller's name.
import type { KubeObject, WatchEvent } from '../api/types';
import type { ApiServer } from '../apiserver/apiserver';
import { ApiError } from '../apiserver/errors';
import type { EventQueue } from '../core/eventQueue';
import type { Rng } from '../core/rng';
import type { ClusterConfig } from '../api/clusterConfig';
import type { Controller, Listers, Plan, Write } from './types';

export interface HostDeps {
  api: ApiServer;
  listers: Listers;
  queue: EventQueue;
  rng: Rng;
  now: () => number;
  config: ClusterConfig;
  /** Called for writes that failed, so the simulation can surface them. */
  onError?: (controller: string, key: string, error: unknown) => void;
}

export interface ControllerOptions {
  /** Virtual ms between a watch event and the reconcile it causes. */
  delayMs: number;
}

interface Registered {
  controller: Controller;
  options: ControllerOptions;
  /** key -> virtual time of the reconcile already scheduled for it */
  pending: Map<string, number>;
  /** key -> consecutive failed syncs (for the rate-limited requeue) */
  failures: Map<string, number>;
  /** keys whose scheduled reconcile is routine upkeep */
  backgroundKeys: Set<string>;
  enabled: boolean;
}

/** Kinds a node agent's informers select by node: with 1,000 nodes, one event reaches one agent, not 1,000. */
const NODE_SCOPED_KINDS = new Set(['Pod', 'Node']);

/** The node an event concerns, for NODE_SCOPED_KINDS (a pod's node never changes once bound). */
function nodeScopeOf(event: WatchEvent): string | undefined {
  if (event.kind === 'Node') return event.name;
  if (event.kind === 'Pod') return event.object.spec?.nodeName;
  return undefined;
}

export class ControllerHost {
  private registered: Registered[] = [];
  private byKind = new Map<string, Registered[]>();
  /** Node agents by `kind/node`, for the kinds their informers select by node (NODE_SCOPED_KINDS). */
  private byNodeScope = new Map<string, Registered[]>();
  /** Tasks that are routine upkeep, not pending work (see Plan.background). */
  backgroundTasks = 0;
  foregroundTasks = 0;

  constructor(private deps: HostDeps) {}

  add(controller: Controller, options: ControllerOptions): void {
    const reg: Registered = { controller, options, pending: new Map(), failures: new Map(), backgroundKeys: new Set(), enabled: true };
    this.registered.push(reg);
    for (const kind of controller.watches) {
      const scoped = controller.nodeName !== undefined && NODE_SCOPED_KINDS.has(kind);
      const index = scoped ? this.byNodeScope : this.byKind;
      const bucket = scoped ? `${kind}/${controller.nodeName}` : kind;
      const list = index.get(bucket) ?? [];
      list.push(reg);
      index.set(bucket, list);
    }
    for (const key of controller.initialKeys?.(this.deps.listers) ?? []) this.enqueue(reg, key, options.delayMs, false);
  }

  /** Stops or restarts a controller (e.g. a stopped kubelet). */
  setEnabled(name: string, enabled: boolean): void {
    const reg = this.registered.find((r) => r.controller.name === name);
    if (!reg) return;
    reg.enabled = enabled;
    if (enabled) for (const key of reg.controller.initialKeys?.(this.deps.listers) ?? []) this.enqueue(reg, key, reg.options.delayMs, false);
  }

  /** Reconciles these keys of a controller soon (after a user action changed what it owns). */
  kick(name: string, keys: string[], delayMs?: number): void {
    const reg = this.registered.find((r) => r.controller.name === name);
    if (!reg || !reg.enabled) return;
    for (const key of keys) this.enqueue(reg, key, delayMs ?? reg.options.delayMs, false);
  }

  isEnabled(name: string): boolean {
    return this.registered.find((r) => r.controller.name === name)?.enabled ?? false;
  }

  /** What each controller has scheduled, soonest first (for debugging and the UI). */
  pendingWork(): { controller: string; key: string; at: number; background: boolean }[] {
    const out = this.registered.flatMap((r) => [...r.pending].map(([key, at]) => ({ controller: r.controller.name, key, at, background: r.backgroundKeys.has(key) })));
    return out.sort((a, b) => a.at - b.at);
  }

  /** Informer delivery: called for every watch event. */
  onWatchEvent(event: WatchEvent, previous?: KubeObject): void {
    this.deliver(this.byKind.get(event.kind), event, previous);
    const node = nodeScopeOf(event);
    if (node !== undefined) this.deliver(this.byNodeScope.get(`${event.kind}/${node}`), event, previous);
  }

  private deliver(regs: Registered[] | undefined, event: WatchEvent, previous?: KubeObject): void {
    if (!regs) return;
    for (const reg of regs) {
      if (!reg.enabled) continue;
      for (const key of reg.controller.keysFor(event, this.deps.listers, previous)) this.enqueue(reg, key, reg.options.delayMs, false);
    }
  }

  /**
   * Schedules a reconcile of `key`; an earlier one already scheduled wins. `foregroundTasks`
   * counts keys whose pending reconcile is real work (not upkeep): the simulation has settled
   * when it is zero.
   */
  private enqueue(reg: Registered, key: string, delayMs: number, background: boolean): void {
    const at = this.deps.now() + delayMs;
    const already = reg.pending.get(key);
    const wasBackground = reg.backgroundKeys.has(key);
    if (already !== undefined && already <= at) {
      // Keep the earlier reconcile, but real work must not hide behind an upkeep timer.
      if (!background && wasBackground) {
        reg.backgroundKeys.delete(key);
        this.foregroundTasks++;
        this.backgroundTasks--;
      }
      return;
    }
    if (already !== undefined) {
      if (wasBackground) this.backgroundTasks--;
      else this.foregroundTasks--;
    }
    reg.pending.set(key, at);
    if (background) {
      reg.backgroundKeys.add(key);
      this.backgroundTasks++;
    } else {
      reg.backgroundKeys.delete(key);
      this.foregroundTasks++;
    }
    this.deps.queue.push(at, reg.controller.name, () => {
      if (reg.pending.get(key) !== at) return; // superseded by an earlier reconcile
      reg.pending.delete(key);
      if (reg.backgroundKeys.delete(key)) this.backgroundTasks--;
      else this.foregroundTasks--;
      if (!reg.enabled) return;
      this.reconcile(reg, key);
    });
  }

  private reconcile(reg: Registered, key: string): void {
    const { controller } = reg;
    let plan: Plan;
    try {
      plan = controller.reconcile(key, { listers: this.deps.listers, now: this.deps.now(), rng: this.deps.rng, config: this.deps.config });
    } catch (error) {
      this.deps.onError?.(controller.name, key, error);
      return;
    }
    let failed = false;
    for (const write of plan.writes) {
      try {
        this.apply(controller.name, write);
      } catch (error) {
        failed = true;
        this.deps.onError?.(controller.name, key, error);
        // A write that lost a race (conflict, already exists) is retried on the next sync,
        // as a controller's work queue does with rate-limited requeues.
        if (!(error instanceof ApiError)) throw error;
      }
    }
    if (failed) {
      // client-go's default controller rate limiter: 5 ms doubling per failure, up to 1000 s
      // (util/workqueue/default_rate_limiters.go ItemExponentialFailureRateLimiter).
      const n = reg.failures.get(key) ?? 0;
      reg.failures.set(key, n + 1);
      // A key that keeps failing is stuck rather than progressing: after a few tries its retries
      // no longer keep the simulation from counting as settled.
      this.enqueue(reg, key, Math.min(5 * 2 ** n, 1_000_000), n >= 4);
      return;
    }
    reg.failures.delete(key);
    if (plan.requeueAfterMs !== undefined) this.enqueue(reg, key, plan.requeueAfterMs, plan.background ?? false);
  }

  /** Applies one write as `component` (the user's eviction requests go through here too). */
  apply(component: string, write: Write): KubeObject | void {
    const { api } = this.deps;
    switch (write.op) {
      case 'create':
        return api.create(write.object, { component, reason: write.reason });
      case 'update':
        return api.update(write.object, { component, reason: write.reason });
      case 'updateStatus':
        return api.updateStatus(write.object, { component, reason: write.reason });
      case 'delete':
        return api.delete(write.ref, { component, reason: write.reason }, write);
      case 'bind':
        return api.bind(write.pod, write.node, { component, reason: write.reason });
      case 'event': {
        const [base, host] = component.split('/');
        return api.recordEvent({ involved: write.involved, type: write.type, reason: write.reason, message: write.message, component: base, host });
      }
    }
  }
}
