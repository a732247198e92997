// A snapshot is the set of objects the store held after a given watch event. Every event
// carries its object, so folding the log up to an index rebuilds the state at that point.
import type { KubeObject } from '../api/types';
import type { Cluster } from './cluster';

export interface Snapshot {
  /** Virtual time of the last event included. */
  time: number;
  /** Index of the last event included (-1: none). */
  eventIndex: number;
  resourceVersion: string;
  /** Objects by kind, each list sorted by namespace then name. */
  objects: Record<string, KubeObject[]>;
}

export function buildSnapshot(cluster: Cluster, eventIndex?: number): Snapshot {
  const log = cluster.store.events();
  const last = eventIndex === undefined ? log.length - 1 : Math.min(eventIndex, log.length - 1);
  if (last === log.length - 1) {
    const objects: Record<string, KubeObject[]> = {};
    for (const kind of cluster.store.kinds()) {
      const list = cluster.store.list(kind);
      if (list.length) objects[kind] = list;
    }
    return { time: cluster.now(), eventIndex: last, resourceVersion: cluster.store.resourceVersion(), objects };
  }
  const state = new Map<string, KubeObject>();
  for (let i = 0; i <= last; i++) {
    const e = log[i];
    const key = `${e.kind}\u0000${e.namespace}\u0000${e.name}`;
    if (e.type === 'DELETED') state.delete(key);
    else state.set(key, e.object);
  }
  const byKind: Record<string, KubeObject[]> = {};
  for (const obj of state.values()) (byKind[obj.kind] ??= []).push(obj);
  // Same order as the live store lists: kinds sorted, then namespace and name by code unit.
  const objects: Record<string, KubeObject[]> = {};
  for (const kind of Object.keys(byKind).sort()) {
    objects[kind] = byKind[kind].sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name ?? '', b.metadata.name ?? ''));
  }
  return { time: last >= 0 ? log[last].t : 0, eventIndex: last, resourceVersion: last >= 0 ? log[last].resourceVersion : '1', objects };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
