// A miniature controller host for kubelet tests: applies the kubelet's writes to an array of
// objects, feeds the resulting watch events back through keysFor, and runs reconciles at the
// times the kubelet asks for, all in virtual time.
import type { KubeObject, WatchEvent } from '../../api/types';
import { isoAt } from '../../core/time';
import { Rng } from '../../core/rng';
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../../api/clusterConfig';
import { fakeListers } from '../../controllers/testing/fakeListers';
import type { Write } from '../../controllers/types';
import type { Kubelet } from '../kubelet';

export interface RecordedEvent {
  t: number;
  type: string;
  reason: string;
  message: string;
  involved: string;
}

export interface StatusSample {
  t: number;
  pod: string;
  status: any;
}

export class KubeletDriver {
  readonly events: RecordedEvent[] = [];
  readonly statuses: StatusSample[] = [];
  readonly writes: { t: number; write: Write }[] = [];
  now = 0;
  private queue = new Map<string, number>();
  private rng: Rng;
  private uid = 0;
  private index = 0;

  constructor(
    readonly kubelet: Kubelet,
    readonly objects: KubeObject[],
    readonly config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
    seed = 7,
  ) {
    this.rng = new Rng(seed);
    for (const k of kubelet.initialKeys!(this.listers())) this.enqueue(k, 0);
  }

  listers() {
    return fakeListers(this.objects);
  }

  enqueue(key: string, at: number): void {
    const cur = this.queue.get(key);
    if (cur === undefined || at < cur) this.queue.set(key, at);
  }

  private watch(type: WatchEvent['type'], obj: KubeObject): void {
    const event: WatchEvent = {
      index: this.index++,
      t: this.now,
      type,
      kind: obj.kind,
      namespace: obj.metadata.namespace ?? '',
      name: obj.metadata.name ?? '',
      resourceVersion: String(this.index),
      component: this.kubelet.name,
      reason: '',
      object: obj,
    };
    for (const k of this.kubelet.keysFor(event, this.listers())) this.enqueue(k, this.now);
  }

  private find(kind: string, ns: string, name: string): number {
    return this.objects.findIndex((o) => o.kind === kind && (o.metadata.namespace ?? '') === ns && o.metadata.name === name);
  }

  /** Adds or replaces an object as a user would (kubectl apply), emitting its watch event. */
  put(obj: KubeObject): void {
    const i = this.find(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    if (!obj.metadata.uid) obj.metadata.uid = `uid-${++this.uid}`;
    if (i >= 0) this.objects[i] = obj;
    else this.objects.push(obj);
    this.watch(i >= 0 ? 'MODIFIED' : 'ADDED', obj);
  }

  /** A graceful delete as the API server does it for pods: deletionTimestamp + grace. */
  deletePod(namespace: string, name: string, graceSeconds?: number): void {
    const i = this.find('Pod', namespace, name);
    const pod = this.objects[i];
    const grace = graceSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    if (grace === 0) {
      this.objects.splice(i, 1);
      this.watch('DELETED', pod);
      return;
    }
    const updated = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: isoAt(this.now), deletionGracePeriodSeconds: grace } };
    this.objects[i] = updated;
    this.watch('MODIFIED', updated);
  }

  private apply(write: Write): void {
    this.writes.push({ t: this.now, write });
    switch (write.op) {
      case 'event':
        this.events.push({ t: this.now, type: write.type, reason: write.reason, message: write.message, involved: `${write.involved.kind}/${write.involved.metadata.name}` });
        return;
      case 'create': {
        const obj = { ...write.object, metadata: { ...write.object.metadata, uid: `uid-${++this.uid}`, creationTimestamp: isoAt(this.now) } };
        this.objects.push(obj);
        this.watch('ADDED', obj);
        return;
      }
      case 'update':
      case 'updateStatus': {
        const o = write.object;
        const i = this.find(o.kind, o.metadata.namespace ?? '', o.metadata.name ?? '');
        if (i < 0) return;
        const next = write.op === 'update' ? o : { ...this.objects[i], status: o.status };
        this.objects[i] = next;
        if (o.kind === 'Pod') this.statuses.push({ t: this.now, pod: o.metadata.name ?? '', status: o.status });
        this.watch('MODIFIED', next);
        return;
      }
      case 'delete': {
        const i = this.find(write.ref.kind, write.ref.namespace, write.ref.name);
        if (i < 0) return;
        const [gone] = this.objects.splice(i, 1);
        this.watch('DELETED', gone);
        return;
      }
    }
  }

  /** Runs reconciles in time order until `until` (virtual ms). */
  runUntil(until: number): void {
    for (let guard = 0; guard < 200_000; guard++) {
      let key: string | undefined;
      let at = Infinity;
      for (const [k, t] of this.queue) if (t < at || (t === at && key !== undefined && k < key)) [key, at] = [k, t];
      if (key === undefined || at > until) break;
      this.queue.delete(key);
      this.now = Math.max(this.now, at);
      const plan = this.kubelet.reconcile(key, { listers: this.listers(), now: this.now, rng: this.rng, config: this.config });
      for (const w of plan.writes) this.apply(w);
      if (plan.requeueAfterMs !== undefined) this.enqueue(key, this.now + plan.requeueAfterMs);
    }
    this.now = Math.max(this.now, until);
  }

  pod(name: string, namespace = 'default'): KubeObject | undefined {
    return this.objects.find((o) => o.kind === 'Pod' && o.metadata.name === name && (o.metadata.namespace ?? 'default') === namespace);
  }

  /** Event reasons (optionally with messages) in order, for one involved object. */
  reasons(involved?: string): string[] {
    return this.events.filter((e) => !involved || e.involved === involved).map((e) => e.reason);
  }
}
