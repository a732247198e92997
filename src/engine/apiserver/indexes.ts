// Indexes the informers of a real cluster would keep, maintained from the store's watch:
// dependents by owner uid (the garbage collector's graph), pods by node (kubelet, scheduler),
// objects without a controller by namespace (what workload controllers may adopt) and Services
// with a selector by namespace (what the endpoint controllers match pods against). They let a
// controller touch what it owns instead of every object in the namespace on every event.
import type { KubeObject, WatchEvent } from '../api/types';
import type { ObjectStore } from './store';
import type { Listers } from '../controllers/types';
import { ControlledPodGroups, type PodGroup } from './controlledPodGroups';

export class Indexes implements Listers {
  private byOwner = new Map<string, Map<string, KubeObject>>();
  private byNode = new Map<string, Map<string, KubeObject>>();
  /** `kind/namespace` -> objects without a controller ownerReference (kinds in UNCONTROLLED_KINDS). */
  private byUncontrolled = new Map<string, Map<string, KubeObject>>();
  /** namespace -> Services with a spec.selector */
  private selectingByNs = new Map<string, Map<string, KubeObject>>();
  private podGroups = new ControlledPodGroups();

  constructor(private store: ObjectStore) {
    store.watch((e) => this.onEvent(e));
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.store.get(kind, namespace, name);
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return this.store.list(kind, namespace);
  }

  dependents(ownerUid: string): KubeObject[] {
    return [...(this.byOwner.get(ownerUid)?.values() ?? [])];
  }

  podsOnNode(nodeName: string): KubeObject[] {
    return [...(this.byNode.get(nodeName)?.values() ?? [])];
  }

  uncontrolled(kind: string, namespace: string): KubeObject[] {
    if (!UNCONTROLLED_KINDS.has(kind)) return this.store.list(kind, namespace).filter((o) => !hasControllerRef(o));
    return [...(this.byUncontrolled.get(`${kind}/${namespace}`)?.values() ?? [])];
  }

  controlledPodGroups(namespace: string, controllerUid: string): PodGroup[] {
    return this.podGroups.groups(namespace, controllerUid);
  }

  selectingServices(namespace: string): KubeObject[] {
    return [...(this.selectingByNs.get(namespace)?.values() ?? [])];
  }

  private onEvent(e: WatchEvent): void {
    const key = `${e.kind}/${e.namespace}/${e.name}`;
    const prev = this.previous.get(key);
    if (prev) this.unindex(key, prev);
    if (e.kind === 'Pod') this.podGroups.update(key, e.type === 'DELETED' ? undefined : e.object);
    if (e.type === 'DELETED') this.previous.delete(key);
    else {
      this.previous.set(key, e.object);
      this.index(key, e.object);
    }
  }

  private previous = new Map<string, KubeObject>();

  private index(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.byOwner, ref.uid, key, obj);
    if (obj.kind === 'Pod' && obj.spec?.nodeName) addTo(this.byNode, obj.spec.nodeName, key, obj);
    if (UNCONTROLLED_KINDS.has(obj.kind) && !hasControllerRef(obj)) addTo(this.byUncontrolled, `${obj.kind}/${obj.metadata.namespace ?? ''}`, key, obj);
    if (obj.kind === 'Service' && obj.spec?.selector) addTo(this.selectingByNs, obj.metadata.namespace ?? '', key, obj);
  }

  private unindex(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) removeFrom(this.byOwner, ref.uid, key);
    if (obj.kind === 'Pod' && obj.spec?.nodeName) removeFrom(this.byNode, obj.spec.nodeName, key);
    if (UNCONTROLLED_KINDS.has(obj.kind) && !hasControllerRef(obj)) removeFrom(this.byUncontrolled, `${obj.kind}/${obj.metadata.namespace ?? ''}`, key);
    if (obj.kind === 'Service' && obj.spec?.selector) removeFrom(this.selectingByNs, obj.metadata.namespace ?? '', key);
  }
}

/** Kinds the workload controllers adopt; other kinds answer `uncontrolled` by a scan. */
const UNCONTROLLED_KINDS = new Set(['Pod', 'ReplicaSet', 'ControllerRevision', 'Job']);

function hasControllerRef(obj: KubeObject): boolean {
  return obj.metadata.ownerReferences?.some((r) => r.controller === true) ?? false;
}

function addTo(index: Map<string, Map<string, KubeObject>>, bucket: string, key: string, obj: KubeObject): void {
  let m = index.get(bucket);
  if (!m) index.set(bucket, (m = new Map()));
  m.set(key, obj);
}

function removeFrom(index: Map<string, Map<string, KubeObject>>, bucket: string, key: string): void {
  const m = index.get(bucket);
  if (!m) return;
  m.delete(key);
  if (m.size === 0) index.delete(bucket);
}
