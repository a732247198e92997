import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan } from '../testing/applyPlan';
import { makeObject, makePod, ownerRef } from '../testing/builders';
import { finalizersForPropagation, garbageCollector } from './garbageCollector';

const rs = (extra: Parameters<typeof makeObject>[2] = {}) => makeObject('apps/v1', 'ReplicaSet', { name: 'web-abc', uid: 'rs-uid', ...extra });

/** Runs the collector over every key until nothing changes (like its work queue draining). */
function settle(objects: KubeObject[], rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    const keys = garbageCollector.initialKeys!(fakeContext(objects).listers);
    let wrote = false;
    for (const key of keys) {
      const plan = garbageCollector.reconcile(key, fakeContext(objects));
      if (plan.writes.length) wrote = true;
      applyPlan(objects, plan, i * 1000);
    }
    if (!wrote) return;
  }
}

describe('garbage collector', () => {
  // garbagecollector_test.go TestDeleteOwnerRefPatch / e2e "should delete pods created by rc when not orphaning".
  it('deletes a dependent whose only owner is gone (background cascade)', () => {
    const owner = rs();
    const pod = makePod({ name: 'web-abc-1', ownerReferences: [ownerRef(owner)] });
    const plan = garbageCollector.reconcile('Pod/default/web-abc-1', fakeContext([pod]));
    expect(plan.writes).toEqual([{ op: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web-abc-1' }, reason: 'GarbageCollected', propagationPolicy: 'Background', uid: pod.metadata.uid }]);
  });

  it('keeps a dependent whose owner still exists', () => {
    const owner = rs();
    const pod = makePod({ name: 'p', ownerReferences: [ownerRef(owner)] });
    expect(garbageCollector.reconcile('Pod/default/p', fakeContext([owner, pod])).writes).toEqual([]);
  });

  it('treats an owner with the same name but another uid as gone', () => {
    const owner = rs();
    const pod = makePod({ name: 'p', ownerReferences: [{ ...ownerRef(owner), uid: 'old-uid' }] });
    expect(garbageCollector.reconcile('Pod/default/p', fakeContext([owner, pod])).writes[0]).toMatchObject({ op: 'delete' });
  });

  // TestAttemptToDeleteItem "remove dangling references when other owners remain".
  it('only drops the dangling reference when another owner remains', () => {
    const a = rs();
    const b = makeObject('apps/v1', 'ReplicaSet', { name: 'other', uid: 'b-uid' });
    const pod = makePod({ name: 'p', ownerReferences: [ownerRef(a, false), ownerRef(b, false)] });
    const plan = garbageCollector.reconcile('Pod/default/p', fakeContext([b, pod]));
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ op: 'update' });
    expect((plan.writes[0] as { object: KubeObject }).object.metadata.ownerReferences?.map((r) => r.uid)).toEqual(['b-uid']);
  });

  // e2e garbage_collector.go "should orphan pods created by rc if delete options say so".
  it('orphans dependents and then removes the orphan finalizer', () => {
    const owner = rs({ finalizers: ['orphan'], deleted: 0 });
    const pods = [1, 2].map((i) => makePod({ name: `p${i}`, ownerReferences: [ownerRef(owner)] }));
    const objects = [owner, ...pods];
    settle(objects);
    expect(objects.map((o) => o.metadata.name)).toEqual(['p1', 'p2']);
    expect(objects.every((o) => !o.metadata.ownerReferences)).toBe(true);
  });

  // e2e "should keep the rc around until all its pods are deleted if the deleteOptions says so" (foreground).
  it('deletes dependents first and keeps a foreground-deleted owner until its blocking dependents are gone', () => {
    const owner = rs({ finalizers: ['foregroundDeletion'], deleted: 0 });
    const pod = makePod({ name: 'p', ownerReferences: [ownerRef(owner)], finalizers: ['example.com/hold'] });
    const objects = [owner, pod];
    settle(objects);
    // The pod is being deleted but held by its own finalizer: the owner waits.
    expect(objects.find((o) => o.metadata.name === 'p')?.metadata.deletionTimestamp).toBeDefined();
    expect(objects.find((o) => o.kind === 'ReplicaSet')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    // Once the pod is gone the finalizer is removed and the owner goes.
    objects.splice(objects.findIndex((o) => o.metadata.name === 'p'), 1);
    settle(objects);
    expect(objects).toEqual([]);
  });

  it('does not wait for dependents without blockOwnerDeletion', () => {
    const owner = rs({ finalizers: ['foregroundDeletion'], deleted: 0 });
    const pod = makePod({ name: 'p', ownerReferences: [{ ...ownerRef(owner), blockOwnerDeletion: false }] });
    const plan = garbageCollector.reconcile('ReplicaSet/default/web-abc', fakeContext([owner, pod]));
    expect(plan.writes).toEqual([expect.objectContaining({ op: 'update', reason: 'RemoveForegroundFinalizer' })]);
  });

  it('cascades a foreground deletion down a Deployment -> ReplicaSet -> Pod chain', () => {
    const deploy = makeObject('apps/v1', 'Deployment', { name: 'web', uid: 'd-uid', finalizers: ['foregroundDeletion'], deleted: 0 });
    const set = rs({ ownerReferences: [ownerRef(deploy)] });
    const pod = makePod({ name: 'p', ownerReferences: [ownerRef(set)] });
    const objects = [deploy, set, pod];
    const first = garbageCollector.reconcile('Deployment/default/web', fakeContext(objects));
    // The ReplicaSet has dependents, so it is deleted in the foreground too.
    expect(first.writes).toEqual([expect.objectContaining({ op: 'delete', ref: expect.objectContaining({ kind: 'ReplicaSet' }), propagationPolicy: 'Foreground' })]);
    settle(objects, 10);
    expect(objects).toEqual([]);
  });

  it.each([
    ['Foreground', ['foregroundDeletion']],
    ['Orphan', ['orphan']],
    ['Background', []],
    [undefined, []],
  ] as const)('adds %s finalizers on delete: %j', (policy, expected) => {
    expect(finalizersForPropagation(policy)).toEqual(expected);
  });
});
