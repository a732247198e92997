import { describe, expect, it } from 'vitest';
import { ObjectStore } from './store';
import type { KubeObject, WatchEvent } from '../api/types';
import { ApiError } from './errors';

function makeStore() {
  let t = 0;
  let uid = 0;
  const store = new ObjectStore({ now: () => t, newUid: () => `uid-${++uid}` });
  const events: WatchEvent[] = [];
  store.watch((e) => events.push(e));
  return { store, events, tick: (ms: number) => (t += ms) };
}

const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });
const deploy = (name: string, replicas: number): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec: { replicas } });
const ctx = { component: 'kubectl', reason: 'test' };

describe('ObjectStore', () => {
  it('gives every write the next value of one global resourceVersion counter', () => {
    const { store } = makeStore();
    const a = store.create(cm('a'), ctx);
    const b = store.create(deploy('b', 1), ctx);
    const a2 = store.update({ ...a, data: { k: 'v' } }, ctx);
    expect([a.metadata.resourceVersion, b.metadata.resourceVersion, a2.metadata.resourceVersion]).toEqual(['2', '3', '4']);
    expect(store.resourceVersion()).toBe('4');
  });

  it('emits ADDED, MODIFIED and DELETED watch events naming the writer and reason', () => {
    const { store, events } = makeStore();
    const a = store.create(cm('a'), { component: 'kubectl', reason: 'Create' });
    store.update({ ...a, data: { x: '1' } }, { component: 'configmap-writer', reason: 'Edit' });
    store.delete({ kind: 'ConfigMap', namespace: 'default', name: 'a' }, { component: 'kubectl', reason: 'Delete' });
    expect(events.map((e) => [e.index, e.type, e.component, e.reason])).toEqual([
      [0, 'ADDED', 'kubectl', 'Create'],
      [1, 'MODIFIED', 'configmap-writer', 'Edit'],
      [2, 'DELETED', 'kubectl', 'Delete'],
    ]);
    expect(store.get('ConfigMap', 'default', 'a')).toBeUndefined();
  });

  it('sets uid and creationTimestamp on the virtual clock and keeps them across updates', () => {
    const { store, tick } = makeStore();
    tick(90_000);
    const a = store.create(cm('a'), ctx);
    expect(a.metadata.uid).toBe('uid-1');
    expect(a.metadata.creationTimestamp).toBe('2026-01-01T00:01:30Z');
    tick(1000);
    const a2 = store.update({ ...a, metadata: { ...a.metadata, uid: 'forged', creationTimestamp: 'x' } }, ctx);
    expect(a2.metadata.uid).toBe('uid-1');
    expect(a2.metadata.creationTimestamp).toBe('2026-01-01T00:01:30Z');
  });

  it('bumps generation only when the spec changes', () => {
    const { store } = makeStore();
    const d = store.create(deploy('web', 1), ctx);
    expect(d.metadata.generation).toBe(1);
    const labelled = store.update({ ...d, metadata: { ...d.metadata, labels: { a: 'b' } } }, ctx);
    expect(labelled.metadata.generation).toBe(1);
    const withStatus = store.update({ ...labelled, status: { replicas: 1 } }, ctx);
    expect(withStatus.metadata.generation).toBe(1);
    const scaled = store.update({ ...withStatus, spec: { replicas: 3 } }, ctx);
    expect(scaled.metadata.generation).toBe(2);
  });

  it('rejects an update carrying a stale resourceVersion with the API server Conflict message', () => {
    const { store } = makeStore();
    const a = store.create(cm('a'), ctx);
    store.update({ ...a, data: { v: '1' } }, ctx);
    const stale = () => store.update({ ...a, data: { v: '2' } }, ctx);
    expect(stale).toThrow(ApiError);
    expect(stale).toThrow('Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('refuses a second object with the same name, as AlreadyExists', () => {
    const { store } = makeStore();
    store.create(deploy('web', 1), ctx);
    expect(() => store.create(deploy('web', 2), ctx)).toThrow('deployments.apps "web" already exists');
  });

  it('keeps an object with finalizers until the last finalizer is removed', () => {
    const { store, events, tick } = makeStore();
    store.create({ ...cm('f'), metadata: { name: 'f', namespace: 'default', finalizers: ['example.com/hold'] } }, ctx);
    tick(5000);
    const marked = store.delete({ kind: 'ConfigMap', namespace: 'default', name: 'f' }, ctx);
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:05Z');
    expect(store.get('ConfigMap', 'default', 'f')).toBeDefined();
    store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } }, ctx);
    expect(store.get('ConfigMap', 'default', 'f')).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('deletes a pod running on a node gracefully: deletionTimestamp now + grace, removal on a grace-0 delete', () => {
    const { store } = makeStore();
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'node-1', terminationGracePeriodSeconds: 30 }, status: { phase: 'Running' } };
    store.create(pod, ctx);
    const terminating = store.delete({ kind: 'Pod', namespace: 'default', name: 'p' }, ctx);
    expect(terminating.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(store.get('Pod', 'default', 'p')).toBeDefined();
    store.delete({ kind: 'Pod', namespace: 'default', name: 'p' }, { component: 'kubelet/node-1', reason: 'Killed' }, { gracePeriodSeconds: 0 });
    expect(store.get('Pod', 'default', 'p')).toBeUndefined();
  });

  it('deletes an unscheduled pod at once', () => {
    const { store } = makeStore();
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: {} }, ctx);
    store.delete({ kind: 'Pod', namespace: 'default', name: 'p' }, ctx);
    expect(store.get('Pod', 'default', 'p')).toBeUndefined();
  });

  it('lists objects sorted by namespace then name, and cluster-scoped kinds without namespace', () => {
    const { store } = makeStore();
    store.create({ ...cm('b'), metadata: { name: 'b', namespace: 'z' } }, ctx);
    store.create(cm('c'), ctx);
    store.create(cm('a'), ctx);
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'z', namespace: 'ignored' } }, ctx);
    expect(store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/a', 'default/c', 'z/b']);
    expect(store.list('ConfigMap', 'z').map((o) => o.metadata.name)).toEqual(['b']);
    expect(store.get('Namespace', '', 'z')?.metadata.namespace).toBeUndefined();
  });

  it('never lets a caller mutate what it stored', () => {
    const { store } = makeStore();
    const input = cm('a', { k: 'v' });
    store.create(input, ctx);
    (input.data as Record<string, string>).k = 'changed';
    expect(store.get('ConfigMap', 'default', 'a')?.data).toEqual({ k: 'v' });
  });
});
