import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { createSchedulerState, scheduleOne } from './schedule-one';
import { defaultProfile } from './resolve-config';
import { cacheOf, makeNode, makePod } from './testing/builders';
import { numCandidates, pickOneNode } from './plugins/default-preemption';

const node = (name: string) => makeNode(name, { capacity: { cpu: '2', memory: '4Gi', pods: '110' } });
const low = (name: string, nodeName: string, cpu: string, priority = 0, startTime = '2026-01-01T00:00:00Z') =>
  makePod(name, { nodeName, priority, containers: [{ cpu }], startTime });

describe('DefaultPreemption', () => {
  it('nominates a node and evicts only the lower-priority pods it must', () => {
    const cache = cacheOf([node('n1')], [low('a', 'n1', '500m'), low('b', 'n1', '1')]);
    const res = scheduleOne(makePod('vip', { priority: 1000, containers: [{ cpu: '1' }] }), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.record.result).toBe('Unschedulable');
    expect(res.nominatedNode).toBe('n1');
    // Reprieve goes from the most important victim: 'a' (500m) fits back in beside the pod, 'b' does not.
    expect(res.victims).toEqual(['default/b']);
    expect(res.record.preemption).toEqual({ nominatedNode: 'n1', victims: ['default/b'] });
    expect(res.record.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('explains that no victims exist when every pod has equal or higher priority', () => {
    const cache = cacheOf([node('n1'), makeNode('n2', { capacity: { cpu: '2', memory: '4Gi', pods: '110' }, taints: [{ key: 'x', effect: 'NoSchedule' }] })], [low('a', 'n1', '2', 5)]);
    const res = scheduleOne(makePod('p', { priority: 5, containers: [{ cpu: '1' }] }), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.record.message).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
    expect(res.nominatedNode).toBeUndefined();
  });

  it('does not preempt with preemptionPolicy Never', () => {
    const cache = cacheOf([node('n1')], [low('a', 'n1', '2')]);
    const res = scheduleOne(makePod('p', { priority: 10, preemptionPolicy: 'Never', containers: [{ cpu: '1' }] }), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.record.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('takes the preemption policy and priority from the PriorityClass', () => {
    const priorityClasses = [{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'batch' }, value: 100, preemptionPolicy: 'Never' }];
    const cache = cacheOf([node('n1')], [low('a', 'n1', '2')], { priorityClasses: priorityClasses as any });
    const pod = makePod('p', { containers: [{ cpu: '1' }] });
    pod.spec!.priorityClassName = 'batch';
    expect(scheduleOne(pod, cache, defaultProfile(), createSchedulerState(), new Rng(1)).record.message).toContain('preemptionPolicy=Never');
  });

  // preemption_test.go TestPickOneNodeForPreemption
  it('prefers the node whose highest victim priority is lowest, then fewer victims, then later start', () => {
    const pi = (priority: number, start: number) => ({ priority, startTime: start }) as any;
    expect(pickOneNode([{ node: 'a', victims: [pi(10, 0)] }, { node: 'b', victims: [pi(5, 0), pi(5, 0)] }])?.node).toBe('b');
    expect(pickOneNode([{ node: 'a', victims: [pi(5, 0), pi(5, 0)] }, { node: 'b', victims: [pi(5, 0), pi(1, 0)] }])?.node).toBe('b');
    expect(pickOneNode([{ node: 'a', victims: [pi(5, 0)] }, { node: 'b', victims: [pi(5, 0), pi(-2147483648, 0)] }])?.node).toBe('a');
    expect(pickOneNode([{ node: 'a', victims: [pi(5, 100)] }, { node: 'b', victims: [pi(5, 200)] }])?.node).toBe('b');
  });

  // default_preemption_test.go TestCalculateNumCandidates
  it.each([
    [10, 10],
    [100, 100],
    [1000, 100],
    [5000, 500],
  ])('dry-runs %i potential nodes for %i candidates', (n, want) => {
    expect(numCandidates(n, { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 })).toBe(want);
  });
});
