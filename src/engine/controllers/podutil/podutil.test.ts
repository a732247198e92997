import { describe, expect, it } from 'vitest';
import { isoAt } from '../../core/time';
import { makePod } from '../testing/builders';
import fc from 'fast-check';
import { compareForDeletion, podsToDelete } from './deletionOrder';
import { isPodActive, isPodAvailable } from './podState';
import { claimObjects } from './ownership';
import { slowStartBatches, podFromTemplate } from './podTemplate';
import { makeReplicaSet } from '../testing/workloadBuilders';

const readyAt = (t: number) => ({ conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoAt(t) }] });
const HOUR = 3600_000;

describe('ActivePodsWithRanks ordering (controller_utils.go, controller_utils_test.go TestSortingActivePodsWithRanks)', () => {
  it('deletes unassigned < pending < unknown < running, not ready < ready, doubled-up, newer ready, restarts, newer', () => {
    const now = 100 * HOUR;
    const unassigned = makePod({ name: 'a-unassigned', phase: 'Pending', created: 0 });
    const pending = makePod({ name: 'b-pending', phase: 'Pending', nodeName: 'n1', created: 0 });
    const unknown = makePod({ name: 'c-unknown', phase: 'Unknown', nodeName: 'n1', created: 0 });
    const notReady = makePod({ name: 'd-notready', phase: 'Running', nodeName: 'n1', ready: false, created: 0 });
    const cheap = makePod({ name: 'e-cost', phase: 'Running', nodeName: 'n2', status: readyAt(0), created: 0, annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-5' } });
    const doubled = makePod({ name: 'f-doubled', phase: 'Running', nodeName: 'n1', status: readyAt(0), created: 0 });
    const readyRecently = makePod({ name: 'g-recent', phase: 'Running', nodeName: 'n3', status: readyAt(now - 1000), created: 0 });
    const restarts = makePod({ name: 'h-restarts', phase: 'Running', nodeName: 'n4', status: { ...readyAt(0), containerStatuses: [{ name: 'app', restartCount: 3 }] }, created: 0 });
    const newer = makePod({ name: 'i-newer', phase: 'Running', nodeName: 'n5', status: readyAt(0), created: 60 * HOUR }); // 40h old vs 100h: a smaller log2 bucket
    const oldest = makePod({ name: 'j-oldest', phase: 'Running', nodeName: 'n6', status: readyAt(0), created: 0 });
    const pods = [oldest, newer, restarts, readyRecently, doubled, cheap, notReady, unknown, pending, unassigned];
    const order = podsToDelete(pods, pods, pods.length - 1, now).map((p) => p.metadata.name);
    expect(order).toEqual(['a-unassigned', 'b-pending', 'c-unknown', 'd-notready', 'e-cost', 'f-doubled', 'g-recent', 'h-restarts', 'i-newer']);
  });

  it('puts pods whose ready times fall in the same power-of-two bucket in uid order (LogarithmicScaleDown)', () => {
    const now = 1000 * HOUR;
    // Ready 100 and 101 hours ago: floor(log2(ns)) is the same for both.
    const p1 = makePod({ name: 'p1', uid: 'uid-b', nodeName: 'n1', status: readyAt(now - 100 * HOUR) });
    const p2 = makePod({ name: 'p2', uid: 'uid-a', nodeName: 'n2', status: readyAt(now - 101 * HOUR) });
    expect(podsToDelete([p1, p2], [p1, p2], 1, now)[0].metadata.name).toBe('p2');
  });
});

describe('podsToDelete sorts on extracted keys', () => {
  it('picks the same pods, in the same order, as sorting with compareForDeletion (property)', () => {
    const now = 1000 * HOUR;
    const podArb = fc.record({
      node: fc.constantFrom(undefined, 'n1', 'n2', 'n3'),
      phase: fc.constantFrom('Pending', 'Running', 'Unknown'),
      readyAt: fc.option(fc.constantFrom(0, 10 * HOUR, now - 5 * HOUR, now - 1000, now), { nil: undefined }),
      created: fc.constantFrom(0, 1000, 60 * HOUR, now - 1000),
      restarts: fc.integer({ min: 0, max: 2 }),
      cost: fc.option(fc.constantFrom('-5', '0', '7', 'x'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(podArb, { minLength: 1, maxLength: 12 }), fc.nat(), (specs, k) => {
        const pods = specs.map((p, i) =>
          makePod({
            name: `p${String(i).padStart(2, '0')}`,
            uid: `uid-${(i * 7) % 13}`,
            phase: p.phase,
            ...(p.node ? { nodeName: p.node } : {}),
            created: p.created,
            status: { ...(p.readyAt !== undefined ? readyAt(p.readyAt) : {}), containerStatuses: [{ name: 'app', restartCount: p.restarts }] },
            ...(p.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': p.cost } } : {}),
          }),
        );
        const diff = k % pods.length;
        const onNode = new Map<string, number>();
        for (const p of pods) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
        const reference = pods
          .map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }))
          .sort((a, b) => compareForDeletion(a, b, now) || ((a.pod.metadata.name ?? '') < (b.pod.metadata.name ?? '') ? -1 : 1))
          .slice(0, diff)
          .map((r) => r.pod.metadata.name);
        expect(podsToDelete(pods, pods, diff, now).map((p) => p.metadata.name)).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pod state (pkg/api/v1/pod/util.go)', () => {
  it('counts a pod available only after minReadySeconds have passed since it became ready', () => {
    const pod = makePod({ status: readyAt(10_000) });
    expect(isPodAvailable(pod, 0, 10_000)).toBe(true);
    expect(isPodAvailable(pod, 5, 15_000)).toBe(false);
    expect(isPodAvailable(pod, 5, 15_001)).toBe(true);
  });

  it('treats terminal and terminating pods as inactive', () => {
    expect(isPodActive(makePod({ phase: 'Succeeded' }))).toBe(false);
    expect(isPodActive(makePod({ phase: 'Failed' }))).toBe(false);
    expect(isPodActive(makePod({ phase: 'Running', deleted: 5 }))).toBe(false);
    expect(isPodActive(makePod({ phase: 'Pending' }))).toBe(true);
  });
});

describe('slowStartBatch and pod templates', () => {
  it('creates in batches of 1, 2, 4, ... (replica_set.go slowStartBatch)', () => {
    expect(slowStartBatches(10)).toEqual([1, 2, 4, 3]);
    expect(slowStartBatches(1)).toEqual([1]);
    expect(slowStartBatches(0)).toEqual([]);
  });

  it('copies labels, annotations and spec and sets generateName and the controllerRef (GetPodFromTemplate)', () => {
    const rs = makeReplicaSet({ name: 'web-abc', uid: 'rs-uid', podLabels: { app: 'web' } });
    rs.spec.template.metadata.annotations = { note: 'x' };
    const pod = podFromTemplate(rs.spec.template, rs);
    expect(pod.metadata).toEqual({
      generateName: 'web-abc-',
      namespace: 'default',
      labels: { app: 'web' },
      annotations: { note: 'x' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.spec).toEqual(rs.spec.template.spec);
  });
});

describe('ClaimObject (controller_ref_manager.go)', () => {
  it('adopts matching orphans, releases non-matching owned pods, ignores pods of other controllers', () => {
    const rs = makeReplicaSet({ name: 'rs', uid: 'rs-uid', podLabels: { app: 'web' } });
    const mine = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true };
    const other = { ...mine, name: 'other', uid: 'other-uid' };
    const orphan = makePod({ name: 'orphan', labels: { app: 'web' } });
    const owned = makePod({ name: 'owned', labels: { app: 'web' }, ownerReferences: [mine] });
    const relabeled = makePod({ name: 'relabeled', labels: { app: 'debug' }, ownerReferences: [mine] });
    const foreign = makePod({ name: 'foreign', labels: { app: 'web' }, ownerReferences: [other] });
    const deletingOrphan = makePod({ name: 'deleting', labels: { app: 'web' }, deleted: 1 });
    const r = claimObjects(rs, [orphan, owned, relabeled, foreign, deletingOrphan], (p) => p.metadata.labels?.app === 'web');
    expect(r.claimed.map((p) => p.metadata.name)).toEqual(['orphan', 'owned']);
    expect(r.adopt.map((p) => p.metadata.ownerReferences)).toEqual([[{ ...mine, apiVersion: 'apps/v1', blockOwnerDeletion: true }]]);
    expect(r.release.map((p) => [p.metadata.name, p.metadata.ownerReferences])).toEqual([['relabeled', undefined]]);
  });
});
