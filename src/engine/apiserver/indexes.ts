// Indexes the informers of a real cluster would keep, maintained from the store's watch:
// dependents by owner uid (the garbage collector's graph) and pods by node (kubelet, scheduler).
import type { KubeObject, WatchEvent } from '../api/types';
import type { ObjectStore } from './store';
import type { Listers } from '../controllers/types';

export class Indexes implements Listers {
  private byOwner = new Map<string, Map<string, KubeObject>>();
  private byNode = new Map<string, Map<string, KubeObject>>();

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

  private onEvent(e: WatchEvent): void {
    const key = `${e.kind}/${e.namespace}/${e.name}`;
    const prev = this.previous.get(key);
    if (prev) this.unindex(key, prev);
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
  }

  private unindex(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) removeFrom(this.byOwner, ref.uid, key);
    if (obj.kind === 'Pod' && obj.spec?.nodeName) removeFrom(this.byNode, obj.spec.nodeName, key);
  }
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
