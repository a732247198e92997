import { describe, expect, it } from 'vitest';
import { SchedulingQueue } from './queue';
import { defaultProfile } from './resolve-config';
import { makePod } from './testing/builders';

const queue = () => {
  const p = defaultProfile();
  return new SchedulingQueue({ less: (a, b) => p.less(a, b), preEnqueue: (pod) => p.runPreEnqueue(pod) });
};

describe('SchedulingQueue', () => {
  // queuesort/priority_sort_test.go TestLess
  it('pops higher priority first, then the earlier arrival', () => {
    const q = queue();
    q.add(makePod('late-low', { priority: 0 }), 10);
    q.add(makePod('high', { priority: 100 }), 20);
    q.add(makePod('early-low', { priority: 0 }), 5);
    expect([q.pop(30)?.key, q.pop(30)?.key, q.pop(30)?.key]).toEqual(['default/high', 'default/early-low', 'default/late-low']);
  });

  // scheduling_queue_test.go TestPriorityQueue_calculateBackoffDuration
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10000],
    [20, 10000],
  ])('backs off %i attempts for %i ms', (attempts, ms) => {
    expect(queue().backoffDuration(attempts)).toBe(ms);
  });

  it('parks unschedulable pods until an event one of their plugins registered for, then backs off', () => {
    const q = queue();
    q.add(makePod('p'), 0);
    const qp = q.pop(0)!;
    q.addUnschedulable(qp, ['NodeResourcesFit'], 100);
    expect(q.snapshot().unschedulable).toEqual(['default/p']);
    expect(q.onEvent('NamespaceChange', 200)).toBe(0);
    expect(q.onEvent('AssignedPodDelete', 300)).toBe(1);
    // one attempt: 1s backoff from the failure at t=100
    expect(q.snapshot().backoff).toEqual(['default/p']);
    expect(q.pop(1000)).toBeNull();
    expect(q.pop(1100)?.key).toBe('default/p');
  });

  it('retries unschedulable pods after 5 minutes without an event', () => {
    const q = queue();
    q.add(makePod('p'), 0);
    q.addUnschedulable(q.pop(0)!, ['TaintToleration'], 0);
    expect(q.pop(300_000)).toBeNull();
    expect(q.pop(300_001)?.attempts).toBe(2);
  });

  it('holds gated pods until their gates are removed', () => {
    const q = queue();
    const gated = makePod('g', { schedulingGates: ['wait'] });
    q.add(gated, 0);
    expect(q.snapshot().gated).toEqual(['default/g']);
    expect(q.pop(0)).toBeNull();
    q.update(makePod('g'), 50);
    expect(q.pop(50)?.key).toBe('default/g');
  });

  it('reports when it next needs to wake up', () => {
    const q = queue();
    q.add(makePod('p'), 0);
    q.addUnschedulable(q.pop(0)!, [], 40);
    expect(q.nextWakeup()).toBe(1040);
  });
});
