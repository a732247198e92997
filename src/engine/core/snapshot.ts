// A snapshot is the set of objects the store held after a given watch event. Every event
// carries its object, so folding the log up to an index rebuilds the state at that point.
import type { KubeObject, WatchEvent } from '../api/types';
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
  // Same order as the live store lists: kinds sorted, then namespace and name by code unit.
  return toSnapshot(state.values(), last, last >= 0 ? log[last].t : 0, last >= 0 ? log[last].resourceVersion : '1');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Snapshots at successive positions of a growing event log without refolding it each time:
 * moving forward applies only the new events; moving back restarts from the nearest checkpoint
 * (one every CHECKPOINT_EVERY events). What the timeline's playback and scrubbing use.
 */
export class SnapshotCursor {
  private state = new Map<string, KubeObject>();
  private index = -1;
  private checkpoints = new Map<number, Map<string, KubeObject>>();
  static readonly CHECKPOINT_EVERY = 500;

  constructor(private readonly log: () => readonly WatchEvent[]) {}

  at(eventIndex: number): Snapshot {
    const log = this.log();
    const target = Math.min(eventIndex, log.length - 1);
    if (target < this.index) this.rewindTo(target);
    for (let i = this.index + 1; i <= target; i++) {
      const e = log[i];
      const key = `${e.kind}\u0000${e.namespace}\u0000${e.name}`;
      if (e.type === 'DELETED') this.state.delete(key);
      else this.state.set(key, e.object);
      if ((i + 1) % SnapshotCursor.CHECKPOINT_EVERY === 0 && !this.checkpoints.has(i)) this.checkpoints.set(i, new Map(this.state));
    }
    this.index = target;
    return toSnapshot(this.state.values(), target, target >= 0 ? log[target].t : 0, target >= 0 ? log[target].resourceVersion : '1');
  }

  private rewindTo(target: number): void {
    let best = -1;
    for (const i of this.checkpoints.keys()) if (i <= target && i > best) best = i;
    this.state = best >= 0 ? new Map(this.checkpoints.get(best)!) : new Map();
    this.index = best;
  }
}

function toSnapshot(objectsIn: Iterable<KubeObject>, eventIndex: number, time: number, resourceVersion: string): Snapshot {
  const byKind: Record<string, KubeObject[]> = {};
  for (const obj of objectsIn) (byKind[obj.kind] ??= []).push(obj);
  const objects: Record<string, KubeObject[]> = {};
  for (const kind of Object.keys(byKind).sort()) {
    objects[kind] = byKind[kind].sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name ?? '', b.metadata.name ?? ''));
  }
  return { time, eventIndex, resourceVersion, objects };
}
