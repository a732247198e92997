import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { createSchedulerState, scheduleOne } from './schedule-one';
import { defaultProfile } from './resolve-config';
import { SchedulerCache } from './cache';
import { makeNode, makePod } from './testing/builders';

// A sanity check that the incremental cache keeps large clusters workable; no timing assertions.
describe('throughput', () => {
  it('schedules 2,000 ReplicaSet pods onto 1,000 nodes, updating the cache incrementally', () => {
    const cache = new SchedulerCache();
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } };
    cache.setObjects({ replicaSets: [rs] as any, services: [svc] as any });
    for (let i = 0; i < 1000; i++) {
      cache.addNode(makeNode(`node-${i}`, { capacity: { cpu: '8', memory: '32Gi', pods: '110' }, labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } }));
    }
    const profile = defaultProfile();
    const state = createSchedulerState();
    const rng = new Rng(1);
    const perNode = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const pod = makePod(`web-${i}`, {
        labels: { app: 'web' },
        containers: [{ cpu: '100m', memory: '128Mi' }],
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u', controller: true }],
      });
      const res = scheduleOne(pod, cache, profile, state, rng, { detail: 'compact' });
      expect(res.selectedNode).toBeDefined();
      perNode.set(res.selectedNode!, (perNode.get(res.selectedNode!) ?? 0) + 1);
      cache.addPod({ ...pod, spec: { ...pod.spec!, nodeName: res.selectedNode } });
    }
    // Spreading keeps every node at 2 or 3 pods of the ReplicaSet (420 nodes scored per pod).
    expect(Math.max(...perNode.values())).toBeLessThanOrEqual(3);
  });
});
