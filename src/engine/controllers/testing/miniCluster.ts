// A tiny in-memory cluster for scenario tests of controllers: applies plans the way the host
// would (create with uid/creationTimestamp/generation, update bumps generation on spec change,
// updateStatus writes only status, delete removes at once), and records events. It has no
// admission and no defaulting; tests that need a kubelet simulate it with helpers below.
import type { KubeObject } from '../../api/types';
import { isNamespaced } from '../../api/kinds';
import { isoAt } from '../../core/time';
import type { Controller, Plan } from '../types';
import { fakeContext } from './fakeListers';

export interface RecordedEvent {
  involved: string;
  type: string;
  reason: string;
  message: string;
}

export class MiniCluster {
  objects: KubeObject[];
  events: RecordedEvent[] = [];
  now = 0;
  private uid = 0;
  private seed = 7;

  constructor(objects: KubeObject[]) {
    this.objects = objects.map((o) => structuredClone(o));
  }

  private ns(o: { kind: string; metadata?: { namespace?: string } }): string {
    return isNamespaced(o.kind) ? (o.metadata?.namespace ?? 'default') : '';
  }

  private index(kind: string, namespace: string, name: string): number {
    return this.objects.findIndex((o) => o.kind === kind && this.ns(o) === (isNamespaced(kind) ? namespace || 'default' : '') && o.metadata.name === name);
  }

  get(kind: string, name: string, namespace = 'default'): KubeObject | undefined {
    const i = this.index(kind, namespace, name);
    return i < 0 ? undefined : this.objects[i];
  }

  list(kind: string): KubeObject[] {
    return this.objects.filter((o) => o.kind === kind).sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  }

  reconcile(controller: Controller, key: string): Plan {
    const ctx = fakeContext(this.objects, this.now, this.seed++);
    const plan = controller.reconcile(key, ctx);
    this.apply(plan);
    return plan;
  }

  apply(plan: Plan): void {
    for (const w of plan.writes) {
      if (w.op === 'create') {
        const o = structuredClone(w.object);
        if (!o.metadata.name) o.metadata.name = `${o.metadata.generateName}gen${++this.uid}`;
        if (this.index(o.kind, o.metadata.namespace ?? '', o.metadata.name!) >= 0) continue;
        o.metadata.uid = o.metadata.uid ?? `uid-mc-${++this.uid}`;
        o.metadata.creationTimestamp = isoAt(this.now);
        if (isNamespaced(o.kind)) o.metadata.namespace = o.metadata.namespace ?? 'default';
        if (o.spec !== undefined) o.metadata.generation = 1;
        this.objects.push(o);
      } else if (w.op === 'update' || w.op === 'updateStatus') {
        const i = this.index(w.object.kind, w.object.metadata.namespace ?? '', w.object.metadata.name ?? '');
        if (i < 0) continue;
        const old = this.objects[i];
        const next = structuredClone(w.op === 'update' ? { ...w.object, status: old.status } : { ...old, status: w.object.status });
        if (w.op === 'update' && JSON.stringify(old.spec) !== JSON.stringify(next.spec)) next.metadata.generation = (old.metadata.generation ?? 1) + 1;
        this.objects[i] = next;
      } else if (w.op === 'delete') {
        const i = this.index(w.ref.kind, w.ref.namespace, w.ref.name);
        if (i >= 0) this.objects.splice(i, 1);
      } else if (w.op === 'event') {
        this.events.push({ involved: `${w.involved.kind}/${w.involved.metadata.name}`, type: w.type, reason: w.reason, message: w.message });
      }
    }
  }

  /** A kubelet stand-in: every pod is scheduled, Running and Ready as of now. */
  makePodsReady(nodeName = 'node-1'): void {
    this.objects = this.objects.map((o) => {
      if (o.kind !== 'Pod' || o.status?.phase === 'Running') return o;
      return {
        ...o,
        spec: { ...o.spec, nodeName: o.spec?.nodeName ?? nodeName },
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoAt(this.now) }] },
      };
    });
  }
}
