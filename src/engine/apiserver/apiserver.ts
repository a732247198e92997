// kube-apiserver's write path as the simulation needs it: resolve the kind, namespace checks,
// name generation, admission (mutating: defaulting, allocation; validating), then the store.
// Each admission step is a plugin (apiserver/admission.ts) so the chain reads like the real one.
import { jsonEqual } from '../api/jsonEqual';
import type { KubeObject, ObjectRef } from '../api/types';
import { kindInfo, isNamespaced } from '../api/kinds';
import type { ObjectStore, WriteContext } from './store';
import { ApiError, notFound } from './errors';
import type { Rng } from '../core/rng';
import { isoAt } from '../core/time';
import { newUid } from '../core/uid';
import { buildEvent, eventKey, eventName, type EventSpec } from './events';
import type { AdmissionPlugin, AdmissionRequest } from './admission';
import type { PropagationPolicy } from '../controllers/types';

export interface ApiServerDeps {
  store: ObjectStore;
  rng: Rng;
  now: () => number;
  admission: AdmissionPlugin[];
}

export interface CreateOptions {
  /** kubectl's default: unknown fields are errors. Components write trusted objects. */
  strictFields?: boolean;
  /** Keep .status as given (imports of a real cluster's state). */
  keepStatus?: boolean;
}

export class ApiServer {
  private eventsByKey = new Map<string, string>();
  private eventSeq = 0;

  constructor(private deps: ApiServerDeps) {}

  get store(): ObjectStore {
    return this.deps.store;
  }

  create(input: KubeObject, ctx: WriteContext, opts: CreateOptions = {}): KubeObject {
    const obj = structuredClone(input);
    obj.metadata = obj.metadata ?? {};
    this.resolveNamespace(obj);
    if (!obj.metadata.name && obj.metadata.generateName) {
      // apiserver/pkg/storage/names/generate.go: generateName + 5 random alphanumerics.
      obj.metadata.name = obj.metadata.generateName + this.deps.rng.string(5);
    }
    if (!obj.metadata.name) {
      throw new ApiError('Invalid', `${obj.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    }
    obj.metadata.uid = obj.metadata.uid && opts.keepStatus ? obj.metadata.uid : newUid(this.deps.rng);
    const req: AdmissionRequest = { operation: 'CREATE', object: obj, component: ctx.component, options: opts, rng: this.deps.rng, now: this.deps.now() };
    const admitted = this.admit(req);
    return this.deps.store.create(admitted, ctx);
  }

  update(input: KubeObject, ctx: WriteContext): KubeObject {
    const old = this.mustGet(input);
    const obj = structuredClone(input);
    obj.status = old.status;
    const admitted = this.admit({ operation: 'UPDATE', object: obj, old, component: ctx.component, options: {}, rng: this.deps.rng, now: this.deps.now() });
    // An update that changes nothing writes nothing (no new resourceVersion, no watch event).
    if (sameExceptVersion(admitted, old)) return old;
    return this.deps.store.update(admitted, ctx);
  }

  /** The status subresource: only .status changes, whatever else the caller sent. */
  updateStatus(input: KubeObject, ctx: WriteContext): KubeObject {
    const old = this.mustGet(input);
    return this.deps.store.updateStatus(old, input.status, input.metadata.resourceVersion, ctx);
  }

  delete(ref: ObjectRef, ctx: WriteContext, opts: { propagationPolicy?: PropagationPolicy; gracePeriodSeconds?: number; uid?: string } = {}): KubeObject {
    const ns = isNamespaced(ref.kind) ? ref.namespace || 'default' : '';
    const full = { ...ref, namespace: ns };
    const old = this.deps.store.getRef(full);
    if (!old) throw notFound(ref.kind, ref.name);
    if (opts.uid && old.metadata.uid !== opts.uid) {
      throw new ApiError('Conflict', `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    for (const plugin of this.deps.admission) plugin.onDelete?.(old, this.deps.store);
    // apiserver/pkg/registry/generic/registry/store.go: Foreground and Orphan propagation
    // are carried out by the garbage collector, which the finalizers summon.
    const extraFinalizer =
      opts.propagationPolicy === 'Foreground' ? 'foregroundDeletion' : opts.propagationPolicy === 'Orphan' ? 'orphan' : undefined;
    return this.deps.store.delete(full, ctx, { gracePeriodSeconds: opts.gracePeriodSeconds, extraFinalizer });
  }

  /**
   * pods/binding (pkg/registry/core/pod/storage/storage.go assignPod): sets spec.nodeName once;
   * a pod that is already bound or being deleted cannot be bound again.
   */
  bind(ref: ObjectRef, nodeName: string, ctx: WriteContext): KubeObject {
    const pod = this.deps.store.get('Pod', ref.namespace, ref.name);
    if (!pod) throw notFound('Pod', ref.name);
    if (pod.metadata.deletionTimestamp) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${ref.name}": pod ${ref.name} is being deleted, cannot be assigned to a host`);
    }
    if (pod.spec?.nodeName) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${ref.name}": pod ${ref.name} is already assigned to node "${pod.spec.nodeName}"`);
    }
    // The store copies what it is given; a shallow copy with the two changes is enough here.
    const conditions = (pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled');
    const status = { ...(pod.status ?? {}), conditions: [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: isoAt(this.deps.now()) }] };
    const next: KubeObject = { ...pod, spec: { ...pod.spec, nodeName }, status };
    return this.deps.store.update(next, ctx);
  }

  /** Records a core/v1 Event, aggregating repeats as client-go's recorder does. */
  recordEvent(spec: EventSpec): void {
    const key = eventKey(spec);
    const now = this.deps.now();
    const existingName = this.eventsByKey.get(key);
    const ns = spec.involved.metadata.namespace ?? 'default';
    const existing = existingName ? this.deps.store.get('Event', ns, existingName) : undefined;
    const ctx = { component: spec.component + (spec.host && spec.component === 'kubelet' ? `/${spec.host}` : ''), reason: spec.reason };
    if (existing) {
      const next = structuredClone(existing);
      next.count = ((existing.count as number) ?? 1) + 1;
      next.lastTimestamp = buildEvent(spec, existingName!, now).lastTimestamp;
      this.deps.store.update(next, ctx);
      return;
    }
    const name = eventName(spec.involved.metadata.name ?? '', now, this.eventSeq++);
    this.eventsByKey.set(key, name);
    this.deps.store.create(buildEvent(spec, name, now), ctx);
  }

  private mustGet(input: KubeObject): KubeObject {
    const ns = isNamespaced(input.kind) ? input.metadata.namespace ?? 'default' : '';
    const old = this.deps.store.get(input.kind, ns, input.metadata.name ?? '');
    if (!old) throw notFound(input.kind, input.metadata.name ?? '');
    return old;
  }

  private resolveNamespace(obj: KubeObject): void {
    if (!kindInfo(obj.kind)?.namespaced) {
      delete obj.metadata.namespace;
      return;
    }
    const ns = (obj.metadata.namespace = obj.metadata.namespace ?? 'default');
    if (obj.kind === 'Event') return;
    const nsObj = this.deps.store.get('Namespace', '', ns);
    if (!nsObj) throw notFound('Namespace', ns);
    if (nsObj.metadata.deletionTimestamp) {
      // plugin/pkg/admission/namespace/lifecycle/admission.go
      throw new ApiError('Forbidden', `${obj.kind.toLowerCase()}s "${obj.metadata.name ?? obj.metadata.generateName ?? ''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
    }
  }

  private admit(req: AdmissionRequest): KubeObject {
    let obj = req.object;
    for (const plugin of this.deps.admission) {
      if (plugin.mutate) obj = plugin.mutate({ ...req, object: obj }, this.deps.store);
    }
    for (const plugin of this.deps.admission) {
      plugin.validate?.({ ...req, object: obj }, this.deps.store);
    }
    return obj;
  }
}

function sameExceptVersion(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return jsonEqual(strip(a), strip(b));
}

/** JSON with object keys sorted, so two equal objects built in different key orders compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
