// A miniature API server for controller tests: applies a Plan's writes to an object array the
// way the host would (create, update, updateStatus, delete honouring finalizers), so a test
// can run several reconciles in a row. Events are collected, not stored.
import type { KubeObject } from '../../api/types';
import { isNamespaced } from '../../api/kinds';
import { isoAt } from '../../core/time';
import type { Plan } from '../types';

export interface RecordedEvent {
  kind: string;
  name: string;
  type: string;
  reason: string;
  message: string;
}

let generated = 0;

function sameObject(o: KubeObject, kind: string, namespace: string, name: string): boolean {
  const ns = isNamespaced(kind) ? namespace || 'default' : '';
  const ons = isNamespaced(o.kind) ? (o.metadata.namespace ?? 'default') : '';
  return o.kind === kind && ons === ns && o.metadata.name === name;
}

/** Applies writes in order to `objects` (mutating the array, never the objects) at time `now`. */
export function applyPlan(objects: KubeObject[], plan: Plan, now = 0, events: RecordedEvent[] = []): RecordedEvent[] {
  const replace = (next: KubeObject) => {
    const i = objects.findIndex((o) => sameObject(o, next.kind, next.metadata.namespace ?? '', next.metadata.name ?? ''));
    if (i < 0) throw new Error(`not found: ${next.kind} ${next.metadata.name}`);
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers?.length)) objects.splice(i, 1);
    else objects[i] = next;
  };
  for (const w of plan.writes) {
    switch (w.op) {
      case 'create': {
        const obj = structuredClone(w.object);
        if (!obj.metadata.name) obj.metadata.name = `${obj.metadata.generateName ?? 'obj-'}${String(++generated).padStart(5, '0')}`;
        if (objects.some((o) => sameObject(o, obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? ''))) {
          throw new Error(`already exists: ${obj.kind} ${obj.metadata.name}`);
        }
        obj.metadata.uid = obj.metadata.uid ?? `gen-uid-${++generated}`;
        obj.metadata.creationTimestamp = isoAt(now);
        objects.push(obj);
        break;
      }
      case 'update': {
        const old = objects.find((o) => sameObject(o, w.object.kind, w.object.metadata.namespace ?? '', w.object.metadata.name ?? ''));
        replace({ ...structuredClone(w.object), status: old?.status });
        break;
      }
      case 'updateStatus': {
        const old = objects.find((o) => sameObject(o, w.object.kind, w.object.metadata.namespace ?? '', w.object.metadata.name ?? ''));
        if (!old) throw new Error(`not found: ${w.object.kind} ${w.object.metadata.name}`);
        replace({ ...old, status: structuredClone(w.object.status) });
        break;
      }
      case 'delete': {
        const i = objects.findIndex((o) => sameObject(o, w.ref.kind, w.ref.namespace, w.ref.name));
        if (i < 0) throw new Error(`not found: ${w.ref.kind} ${w.ref.name}`);
        const old = objects[i];
        const finalizers = [...(old.metadata.finalizers ?? [])];
        const extra = w.propagationPolicy === 'Foreground' ? 'foregroundDeletion' : w.propagationPolicy === 'Orphan' ? 'orphan' : undefined;
        if (extra && !finalizers.includes(extra)) finalizers.push(extra);
        if (finalizers.length === 0) objects.splice(i, 1);
        else objects[i] = { ...old, metadata: { ...old.metadata, finalizers, deletionTimestamp: old.metadata.deletionTimestamp ?? isoAt(now) } };
        break;
      }
      case 'event':
        events.push({ kind: w.involved.kind, name: w.involved.metadata.name ?? '', type: w.type, reason: w.reason, message: w.message });
        break;
    }
  }
  return events;
}
