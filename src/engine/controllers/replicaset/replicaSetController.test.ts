import { describe, expect, it } from 'vitest';
import { isoAt } from '../../core/time';
import { fakeContext } from '../testing/fakeListers';
import { makePod, ownerRef } from '../testing/builders';
import { makeReplicaSet, makeReplicationController } from '../testing/workloadBuilders';
import { replicaSetController, replicationControllerController } from './replicaSetController';
import type { Write } from '../types';

const creates = (ws: Write[]) => ws.filter((w) => w.op === 'create');
const deletes = (ws: Write[]) => ws.filter((w): w is Extract<Write, { op: 'delete' }> => w.op === 'delete');
const status = (ws: Write[]) => ws.find((w): w is Extract<Write, { op: 'updateStatus' }> => w.op === 'updateStatus')?.object.status;

describe('ReplicaSet controller (replica_set.go manageReplicas)', () => {
  it('creates the missing pods from the template with SuccessfulCreate events naming each pod', () => {
    const rs = makeReplicaSet({ name: 'web-7d4b9c8f6d', replicas: 3, podLabels: { app: 'web' } });
    const plan = replicaSetController.reconcile('default/web-7d4b9c8f6d', fakeContext([rs]));
    const made = creates(plan.writes).map((w) => (w as any).object);
    expect(made).toHaveLength(3);
    for (const pod of made) {
      expect(pod.metadata.name).toMatch(/^web-7d4b9c8f6d-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.generateName).toBe('web-7d4b9c8f6d-');
      expect(pod.metadata.labels).toEqual({ app: 'web' });
      expect(pod.metadata.ownerReferences).toEqual([ownerRef(rs)]);
    }
    const events = plan.writes.filter((w) => w.op === 'event').map((w) => (w as any).message);
    expect(events).toEqual(made.map((p) => `Created pod: ${p.metadata.name}`));
  });

  it('creates at most burstReplicas (500) pods in one sync', () => {
    const rs = makeReplicaSet({ name: 'big', replicas: 600 });
    expect(creates(replicaSetController.reconcile('default/big', fakeContext([rs])).writes)).toHaveLength(500);
  });

  it('deletes the least valuable pods first on scale-down, with SuccessfulDelete events', () => {
    const rs = makeReplicaSet({ name: 'web', replicas: 1, podLabels: { app: 'web' } });
    const own = { ownerReferences: [ownerRef(rs)], labels: { app: 'web' } };
    const ready = makePod({ name: 'ready', nodeName: 'n1', status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoAt(0) }] }, ...own });
    const pending = makePod({ name: 'pending', phase: 'Pending', nodeName: 'n1', ...own });
    const unscheduled = makePod({ name: 'unscheduled', phase: 'Pending', ...own });
    const plan = replicaSetController.reconcile('default/web', fakeContext([rs, ready, pending, unscheduled], 60_000));
    expect(deletes(plan.writes).map((d) => d.ref.name)).toEqual(['unscheduled', 'pending']);
    expect(plan.writes.filter((w) => w.op === 'event').map((w) => (w as any).message)).toEqual(['Deleted pod: unscheduled', 'Deleted pod: pending']);
  });

  it('adopts a matching orphan instead of creating a pod, and releases a pod whose labels changed', () => {
    const rs = makeReplicaSet({ name: 'web', replicas: 1, podLabels: { app: 'web' } });
    const orphan = makePod({ name: 'orphan', labels: { app: 'web' } });
    const moved = makePod({ name: 'moved', labels: { app: 'other' }, ownerReferences: [ownerRef(rs)] });
    const plan = replicaSetController.reconcile('default/web', fakeContext([rs, orphan, moved]));
    expect(creates(plan.writes)).toHaveLength(0);
    const updates = plan.writes.filter((w): w is Extract<Write, { op: 'update' }> => w.op === 'update');
    expect(updates.map((u) => [u.object.metadata.name, u.object.metadata.ownerReferences?.length ?? 0])).toEqual([
      ['orphan', 1],
      ['moved', 0],
    ]);
  });

  it('reports replicas, fullyLabeled, ready, available and observedGeneration', () => {
    const rs = makeReplicaSet({ name: 'web', replicas: 3, podLabels: { app: 'web', tier: 'fe' }, minReadySeconds: 10, generation: 4 });
    rs.spec.selector = { matchLabels: { app: 'web' } };
    const own = { ownerReferences: [ownerRef(rs)] };
    const ready = (t: number) => ({ conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoAt(t) }] });
    const pods = [
      makePod({ name: 'a', labels: { app: 'web', tier: 'fe' }, status: ready(0), ...own }),
      makePod({ name: 'b', labels: { app: 'web', tier: 'fe' }, status: ready(25_000), ...own }),
      makePod({ name: 'c', labels: { app: 'web' }, ready: false, ...own }),
    ];
    const plan = replicaSetController.reconcile('default/web', fakeContext([rs, ...pods], 30_000));
    expect(status(plan.writes)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 4 });
    // Pod b becomes available at 25s + 10s: look again then.
    expect(plan.requeueAfterMs).toBe(5_001);
  });

  it('runs ReplicationControllers through the same code with a map selector', () => {
    const rc = makeReplicationController({ name: 'legacy', replicas: 2, podLabels: { app: 'legacy' } });
    const plan = replicationControllerController.reconcile('default/legacy', fakeContext([rc]));
    expect(replicationControllerController.name).toBe('replication-controller');
    const pods = creates(plan.writes).map((w) => (w as any).object);
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.ownerReferences[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy', controller: true });
  });

  it('maps pod events to the owning ReplicaSet, and orphans to matching sets', () => {
    const rs = makeReplicaSet({ name: 'web', podLabels: { app: 'web' } });
    const ctx = fakeContext([rs]);
    const owned = makePod({ name: 'p', ownerReferences: [ownerRef(rs)] });
    const orphan = makePod({ name: 'o', labels: { app: 'web' } });
    const ev = (object: any) => ({ index: 0, t: 0, type: 'ADDED' as const, kind: 'Pod', namespace: 'default', name: object.metadata.name, resourceVersion: '1', component: 'x', reason: '', object });
    expect(replicaSetController.keysFor(ev(owned), ctx.listers)).toEqual(['default/web']);
    expect(replicaSetController.keysFor(ev(orphan), ctx.listers)).toEqual(['default/web']);
  });
});
