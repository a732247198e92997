import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { makeObject, makePod, ownerRef } from '../testing/builders';
import { disruptionController, scaledValue } from './disruptionController';
import { checkEviction, drainRetryMessage, PDB_VIOLATION_MESSAGE } from './eviction';

const deploy = makeObject('apps/v1', 'Deployment', { name: 'web', uid: 'd', spec: { replicas: 4 } });
const rs = makeObject('apps/v1', 'ReplicaSet', { name: 'web-1', uid: 'rs', ownerReferences: [ownerRef(deploy)], spec: { replicas: 4 } });
const pods = (n: number, ready = n) =>
  Array.from({ length: n }, (_, i) => makePod({ name: `web-1-${i}`, labels: { app: 'web' }, ready: i < ready, ownerReferences: [ownerRef(rs)] }));
const pdb = (spec: Record<string, unknown>, status?: Record<string, unknown>) =>
  makeObject('policy/v1', 'PodDisruptionBudget', { name: 'web-pdb', spec: { selector: { matchLabels: { app: 'web' } }, ...spec }, status });

function statusOf(objects: KubeObject[]) {
  const plan = disruptionController.reconcile('default/web-pdb', fakeContext(objects));
  const w = plan.writes.find((x) => x.op === 'updateStatus') as { object: KubeObject } | undefined;
  return w?.object.status;
}

describe('disruption controller', () => {
  // disruption_test.go TestNoSelector / TestUnavailable / TestIntegerMaxUnavailable / TestReplicaSet.
  it.each([
    ['minAvailable 2 of 3 ready', { minAvailable: 2 }, 3, 3, { expectedPods: 3, currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 }],
    ['minAvailable 3 of 3, one unready', { minAvailable: 3 }, 3, 2, { expectedPods: 3, currentHealthy: 2, desiredHealthy: 3, disruptionsAllowed: 0 }],
    ['maxUnavailable 1 of deployment scale 4', { maxUnavailable: 1 }, 4, 4, { expectedPods: 4, currentHealthy: 4, desiredHealthy: 3, disruptionsAllowed: 1 }],
    ['maxUnavailable 30% of 4 rounds up to 2', { maxUnavailable: '30%' }, 4, 4, { expectedPods: 4, currentHealthy: 4, desiredHealthy: 2, disruptionsAllowed: 2 }],
    ['minAvailable 50% of 4', { minAvailable: '50%' }, 4, 3, { expectedPods: 4, currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 }],
    ['minAvailable 2 with 1 ready', { minAvailable: 2 }, 2, 1, { expectedPods: 2, currentHealthy: 1, desiredHealthy: 2, disruptionsAllowed: 0 }],
  ])('%s', (_name, spec, n, ready, expected) => {
    const status = statusOf([deploy, rs, ...pods(n, ready), pdb(spec)]);
    expect(status).toMatchObject(expected);
    expect(status.conditions[0]).toMatchObject({ type: 'DisruptionAllowed', status: expected.disruptionsAllowed > 0 ? 'True' : 'False', reason: expected.disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods' });
  });

  it('does not count a pod evicted in the last two minutes as healthy', () => {
    const status = statusOf([deploy, rs, ...pods(3), pdb({ minAvailable: 2 }, { disruptedPods: { 'web-1-0': '2026-01-01T00:00:00Z' } })]);
    expect(status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
  });

  it('reports NoPods when nothing matches', () => {
    const plan = disruptionController.reconcile('default/web-pdb', fakeContext([pdb({ minAvailable: 1 })]));
    expect(plan.writes).toContainEqual(expect.objectContaining({ op: 'event', reason: 'NoPods', message: 'No matching pods found' }));
  });

  it.each([
    [1, 10, 1],
    ['10%', 10, 1],
    ['25%', 10, 3],
    ['0%', 10, 0],
  ])('scales %s of %i to %i (rounding up)', (v, total, expected) => {
    expect(scaledValue(v, total)).toBe(expected);
  });
});

describe('eviction API check', () => {
  const ready = pods(1)[0];
  // eviction_test.go TestEviction "matching pdbs with no disruptions allowed".
  it('refuses with 429 and the budget message when no disruption is allowed', () => {
    const budget = pdb({ minAvailable: 3 }, { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 3, desiredHealthy: 3 });
    const r = checkEviction(ready, [budget], 0);
    expect(r).toMatchObject({ allowed: false, code: 429, message: PDB_VIOLATION_MESSAGE, cause: { type: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 3 healthy pods and has 3 currently' } });
    if (!r.allowed) expect(drainRetryMessage(ready, r)).toBe(`error when evicting pods/"web-1-0" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
  });

  it('allows and consumes one disruption, recording the pod in disruptedPods', () => {
    const budget = pdb({ minAvailable: 2 }, { observedGeneration: 1, disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, conditions: [{ type: 'DisruptionAllowed', status: 'True' }] });
    const r = checkEviction(ready, [budget], 0);
    expect(r.allowed).toBe(true);
    if (!r.allowed) return;
    const status = (r.writes[0] as { object: KubeObject }).object.status;
    expect(status.disruptionsAllowed).toBe(0);
    expect(status.disruptedPods).toEqual({ 'web-1-0': '2026-01-01T00:00:00Z' });
    expect(status.conditions[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    expect(r.writes.map((w) => w.op)).toEqual(['updateStatus', 'updateStatus', 'delete']);
  });

  it('refuses with 500 when two budgets select the pod', () => {
    const r = checkEviction(ready, [pdb({ minAvailable: 1 }), { ...pdb({ minAvailable: 1 }), metadata: { name: 'b', namespace: 'default' } }], 0);
    expect(r).toMatchObject({ allowed: false, code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  });

  it('lets a pending pod go without asking the budget', () => {
    const pending = makePod({ name: 'p', labels: { app: 'web' }, phase: 'Pending' });
    expect(checkEviction(pending, [pdb({ minAvailable: 5 }, { disruptionsAllowed: 0 })], 0).allowed).toBe(true);
  });
});
