// The API server's object store: what etcd holds plus the generic registry behaviour every
// kind shares (apiserver/pkg/registry/generic/registry/store.go): uid, one global
// resourceVersion counter, generation, creation and deletion timestamps, finalizers, and a
// watch event for every write. Kind-specific admission (defaulting, validation, allocation)
// happens before objects reach this store (see apiserver.ts).
import { shareUnchanged } from '../api/jsonEqual';
import type { KubeObject, ObjectRef, WatchEvent, WatchEventType } from '../api/types';
import { isNamespaced } from '../api/kinds';
import { alreadyExists, conflict, notFound } from './errors';
import { isoAt } from '../core/time';

export interface WriteContext {
  component: string;
  reason: string;
}

/** A watcher; `previous` is the object before a MODIFIED write (what informers hand UpdateFunc as old). */
export type WatchListener = (event: WatchEvent, previous?: KubeObject) => void;

export interface StoreDeps {
  now: () => number;
  newUid: () => string;
}

type KindTable = Map<string, Map<string, KubeObject>>; // namespace -> name -> object

export class ObjectStore {
  private tables = new Map<string, KindTable>();
  private rv = 1;
  private log: WatchEvent[] = [];
  private listeners: WatchListener[] = [];

  constructor(private deps: StoreDeps) {}

  /** The event log: every write since the store was created. */
  events(): readonly WatchEvent[] {
    return this.log;
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  watch(listener: WatchListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.tables.get(kind)?.get(isNamespaced(kind) ? namespace : '')?.get(name);
  }

  getRef(ref: ObjectRef): KubeObject | undefined {
    return this.get(ref.kind, ref.namespace, ref.name);
  }

  /** Objects of a kind, in one namespace or all, sorted by namespace then name as the API lists them. */
  list(kind: string, namespace?: string): KubeObject[] {
    const table = this.tables.get(kind);
    if (!table) return [];
    const out: KubeObject[] = [];
    const namespaces = namespace !== undefined && isNamespaced(kind) ? [namespace] : [...table.keys()].sort();
    for (const ns of namespaces) {
      const names = table.get(ns);
      if (!names) continue;
      for (const name of this.sortedNames(kind, ns, names)) out.push(names.get(name)!);
    }
    return out;
  }

  /**
   * Names of a kind in a namespace, sorted. Controllers list nodes and pods on every sync; the
   * order only changes when an object is added or removed, so it is kept until then.
   */
  private sortedNames(kind: string, ns: string, names: Map<string, KubeObject>): string[] {
    const key = `${kind}/${ns}`;
    let sorted = this.nameOrder.get(key);
    if (!sorted) this.nameOrder.set(key, (sorted = [...names.keys()].sort()));
    return sorted;
  }

  private nameOrder = new Map<string, string[]>();

  /** Unsorted iteration over a kind (fast path for controllers that build their own indexes). */
  *iterate(kind: string): Iterable<KubeObject> {
    const table = this.tables.get(kind);
    if (!table) return;
    for (const names of table.values()) yield* names.values();
  }

  count(kind: string): number {
    let n = 0;
    for (const names of this.tables.get(kind)?.values() ?? []) n += names.size;
    return n;
  }

  kinds(): string[] {
    return [...this.tables.keys()].sort();
  }

  /** Stores a new object. The caller has admitted it (defaulted and validated). */
  create(input: KubeObject, ctx: WriteContext): KubeObject {
    const namespace = isNamespaced(input.kind) ? input.metadata.namespace ?? 'default' : '';
    const name = input.metadata.name ?? '';
    if (this.get(input.kind, namespace, name)) throw alreadyExists(input.kind, name);
    const obj = structuredClone(input);
    const meta = obj.metadata;
    if (namespace) meta.namespace = namespace;
    else delete meta.namespace;
    meta.uid = meta.uid ?? this.deps.newUid();
    meta.creationTimestamp = meta.creationTimestamp ?? isoAt(this.deps.now());
    if (obj.spec !== undefined) meta.generation = 1;
    return this.put(obj, 'ADDED', ctx);
  }

  /**
   * Replaces an object. A stale resourceVersion is a Conflict, as optimistic concurrency
   * demands. generation moves only when the spec changes (status and metadata do not count).
   */
  update(input: KubeObject, ctx: WriteContext): KubeObject {
    const namespace = isNamespaced(input.kind) ? input.metadata.namespace ?? 'default' : '';
    const name = input.metadata.name ?? '';
    const old = this.get(input.kind, namespace, name);
    if (!old) throw notFound(input.kind, name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(input.kind, name);
    }
    const obj = sharedWith(structuredClone(input), old);
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    if (obj.spec !== undefined) {
      // sharedWith kept the old spec object when nothing in it changed.
      obj.metadata.generation = (old.metadata.generation ?? 1) + (obj.spec !== old.spec ? 1 : 0);
    }
    // An object being deleted goes once its last finalizer is removed
    // (registry/store.go: deletion is finished by the update that empties finalizers).
    const nsFinalizers = obj.kind === 'Namespace' ? obj.spec?.finalizers?.length ?? 0 : 0;
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && !nsFinalizers && !this.waitsForGrace(obj)) {
      return this.remove(obj, ctx);
    }
    return this.put(obj, 'MODIFIED', ctx, old);
  }

  /**
   * The status subresource: a new version of `old` with only .status replaced. Stored objects are
   * never mutated, so the new version shares spec and the rest with the old one instead of
   * copying them (the write path's hot spot: kubelets and controllers write status constantly).
   */
  updateStatus(old: KubeObject, status: unknown, resourceVersion: string | undefined, ctx: WriteContext): KubeObject {
    if (resourceVersion && resourceVersion !== old.metadata.resourceVersion) throw conflict(old.kind, old.metadata.name ?? '');
    const obj: KubeObject = { ...old, metadata: { ...old.metadata }, status: shareUnchanged(structuredClone(status), old.status) };
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && !this.waitsForGrace(obj) && !(obj.kind === 'Namespace' && obj.spec?.finalizers?.length)) {
      return this.remove(obj, ctx);
    }
    return this.put(obj, 'MODIFIED', ctx, old);
  }

  /**
   * Deletes an object: objects with finalizers, or pods still running on a node (graceful
   * deletion), get a deletionTimestamp and stay; the rest go at once.
   */
  delete(ref: ObjectRef, ctx: WriteContext, opts: { gracePeriodSeconds?: number; extraFinalizer?: string } = {}): KubeObject {
    const old = this.getRef(ref);
    if (!old) throw notFound(ref.kind, ref.name);
    const grace = opts.gracePeriodSeconds ?? this.defaultGrace(old);
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (opts.extraFinalizer && !finalizers.includes(opts.extraFinalizer)) finalizers.push(opts.extraFinalizer);
    // A Namespace stays while spec.finalizers lists anyone (registry/core/namespace/storage.go):
    // it turns Terminating and the namespace controller empties it, then finalizes it.
    const nsFinalizers = old.kind === 'Namespace' ? old.spec?.finalizers?.length ?? 0 : 0;
    if (nsFinalizers > 0) {
      const ns = structuredClone(old);
      ns.metadata.deletionTimestamp = old.metadata.deletionTimestamp ?? isoAt(this.deps.now());
      ns.metadata.finalizers = finalizers.length ? finalizers : old.metadata.finalizers;
      ns.status = { ...(ns.status ?? {}), phase: 'Terminating' };
      return old.metadata.deletionTimestamp ? old : this.put(ns, 'MODIFIED', ctx);
    }
    if (finalizers.length === 0 && grace === 0) return this.remove(old, ctx);
    if (old.metadata.deletionTimestamp) {
      // Already terminating: a shorter grace period may still shorten it, nothing else changes.
      if (grace === 0 && finalizers.length === 0) return this.remove(old, ctx);
      if (finalizers.length === (old.metadata.finalizers?.length ?? 0)) return old;
    }
    const obj = structuredClone(old);
    obj.metadata.finalizers = finalizers;
    obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp ?? isoAt(this.deps.now() + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    if (grace === 0 && old.metadata.deletionGracePeriodSeconds === undefined) delete obj.metadata.deletionGracePeriodSeconds;
    return this.put(obj, 'MODIFIED', ctx);
  }

  private waitsForGrace(obj: KubeObject): boolean {
    return (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  }

  // Pods bound to a node are deleted gracefully: the kubelet stops the containers and then
  // deletes with grace 0 (pkg/registry/core/pod/strategy.go CheckGracefulDelete).
  private defaultGrace(obj: KubeObject): number {
    if (obj.kind !== 'Pod') return 0;
    if (!obj.spec?.nodeName) return 0;
    const phase = obj.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    return obj.spec?.terminationGracePeriodSeconds ?? 30;
  }

  private remove(obj: KubeObject, ctx: WriteContext): KubeObject {
    const ns = obj.metadata.namespace ?? '';
    const table = this.tables.get(obj.kind)!;
    const names = table.get(ns)!;
    names.delete(obj.metadata.name!);
    this.nameOrder.delete(`${obj.kind}/${ns}`);
    if (names.size === 0) table.delete(ns);
    const final = structuredClone(obj);
    final.metadata.resourceVersion = String(++this.rv);
    this.emit('DELETED', final, ctx);
    return final;
  }

  private put(obj: KubeObject, type: WatchEventType, ctx: WriteContext, previous?: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    const ns = obj.metadata.namespace ?? '';
    let table = this.tables.get(obj.kind);
    if (!table) this.tables.set(obj.kind, (table = new Map()));
    let names = table.get(ns);
    if (!names) table.set(ns, (names = new Map()));
    const before = previous ?? (type === 'MODIFIED' ? names.get(obj.metadata.name!) : undefined);
    if (!names.has(obj.metadata.name!)) this.nameOrder.delete(`${obj.kind}/${ns}`);
    names.set(obj.metadata.name!, obj);
    this.emit(type, obj, ctx, before);
    return obj;
  }

  private emit(type: WatchEventType, obj: KubeObject, ctx: WriteContext, previous?: KubeObject): void {
    const event: WatchEvent = {
      index: this.log.length,
      t: this.deps.now(),
      type,
      kind: obj.kind,
      namespace: obj.metadata.namespace ?? '',
      name: obj.metadata.name ?? '',
      resourceVersion: obj.metadata.resourceVersion!,
      component: ctx.component,
      reason: ctx.reason,
      object: obj,
    };
    this.log.push(event);
    for (const l of this.listeners) l(event, previous);
  }
}

/**
 * A new version of `old` that shares every part that did not change (api/jsonEqual.ts
 * shareUnchanged), except the metadata object itself, which the store writes into
 * (resourceVersion, generation); its labels, annotations and the like are shared.
 */
function sharedWith(obj: KubeObject, old: KubeObject): KubeObject {
  const o = obj as unknown as Record<string, unknown>;
  const p = old as unknown as Record<string, unknown>;
  for (const key of Object.keys(o)) if (key !== 'metadata') o[key] = shareUnchanged(o[key], p[key]);
  const m = obj.metadata as Record<string, unknown>;
  const pm = old.metadata as Record<string, unknown>;
  for (const key of Object.keys(m)) if (m[key] !== null && typeof m[key] === 'object') m[key] = shareUnchanged(m[key], pm[key]);
  return obj;
}
