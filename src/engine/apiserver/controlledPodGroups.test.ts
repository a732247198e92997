import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../api/types';
import { ControlledPodGroups } from './controlledPodGroups';
import { isPodActive, isPodReady } from '../controllers/podutil/podState';

const owners = ['uid-a', 'uid-b'];

function pod(name: string, namespace: string, owner: string | undefined, labels: Record<string, string>, phase: string, ready: boolean, deleting: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels,
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] } : {}),
      ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:10Z' } : {}),
    },
    status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

/** The answer the groups must give: a walk over every stored pod. */
function recount(pods: Map<string, KubeObject>, namespace: string, uid: string) {
  const groups = new Map<string, { active: number; ready: number }>();
  for (const p of pods.values()) {
    if ((p.metadata.namespace ?? 'default') !== namespace || !isPodActive(p)) continue;
    if (p.metadata.ownerReferences?.find((r) => r.controller)?.uid !== uid) continue;
    const key = JSON.stringify(Object.entries(p.metadata.labels ?? {}).sort());
    const g = groups.get(key) ?? { active: 0, ready: 0 };
    g.active++;
    if (isPodReady(p)) g.ready++;
    groups.set(key, g);
  }
  return [...groups.entries()].sort();
}

describe('ControlledPodGroups', () => {
  it('groups a controller’s active pods by label set, whatever the key order', () => {
    const g = new ControlledPodGroups();
    g.update('Pod/d/a', pod('a', 'd', 'uid-a', { app: 'web', tier: 'fe' }, 'Running', true, false));
    g.update('Pod/d/b', pod('b', 'd', 'uid-a', { tier: 'fe', app: 'web' }, 'Pending', false, false));
    g.update('Pod/d/c', pod('c', 'd', 'uid-a', { app: 'web' }, 'Succeeded', false, false));
    g.update('Pod/d/e', pod('e', 'd', undefined, { app: 'web' }, 'Running', true, false));
    expect(g.groups('d', 'uid-a').map((x) => [x.active, x.ready])).toEqual([[2, 1]]);
    g.update('Pod/d/a', undefined);
    expect(g.groups('d', 'uid-a').map((x) => [x.active, x.ready])).toEqual([[1, 0]]);
    g.update('Pod/d/b', pod('b', 'd', 'uid-a', { app: 'web', tier: 'fe' }, 'Running', true, true));
    expect(g.groups('d', 'uid-a')).toEqual([]);
  });

  it('always equals a full recount after any sequence of writes and deletes (property)', () => {
    const write = fc.record({
      name: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5'),
      namespace: fc.constantFrom('default', 'other'),
      owner: fc.constantFrom(undefined, ...owners),
      labels: fc.constantFrom<Record<string, string>>({ app: 'web' }, { app: 'web', v: '2' }, { v: '2', app: 'web' }, {}),
      phase: fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed'),
      ready: fc.boolean(),
      deleting: fc.boolean(),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 60 }), (writes) => {
        const g = new ControlledPodGroups();
        const store = new Map<string, KubeObject>();
        for (const w of writes) {
          const key = `Pod/${w.namespace}/${w.name}`;
          if (w.remove) {
            store.delete(key);
            g.update(key, undefined);
          } else {
            const p = pod(w.name, w.namespace, w.owner, w.labels, w.phase, w.ready, w.deleting);
            store.set(key, p);
            g.update(key, p);
          }
        }
        for (const ns of ['default', 'other']) {
          for (const uid of owners) {
            const got = g.groups(ns, uid).map((x) => [JSON.stringify(Object.entries(x.labels).sort()), { active: x.active, ready: x.ready }]).sort();
            expect(got).toEqual(recount(store, ns, uid));
          }
        }
      }),
    );
  });
});
