import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { SchedulerCache } from './cache';
import { createSchedulerState, scheduleOne } from './schedule-one';
import { defaultProfile } from './resolve-config';
import { makeNode, makePod } from './testing/builders';

const zoned = (name: string, zone: string) => makeNode(name, { capacity: { cpu: '1', memory: '1Gi', pods: '110' }, labels: { 'topology.kubernetes.io/zone': zone } });

describe('SchedulerCache', () => {
  // backend/cache/node_tree_test.go TestNodeTree_List: one node per zone in turn
  it('lists nodes round-robin across zones in the order they were added', () => {
    const c = new SchedulerCache();
    for (const [n, z] of [['a1', 'a'], ['a2', 'a'], ['a3', 'a'], ['b1', 'b'], ['c1', 'c'], ['c2', 'c']]) c.addNode(zoned(n, z));
    expect(c.nodeInfos().map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
    c.removeNode('b1');
    expect(c.nodeInfos().map((n) => n.name)).toEqual(['a1', 'c1', 'a2', 'c2', 'a3']);
  });

  it('adds and removes pod requests incrementally', () => {
    const c = new SchedulerCache();
    c.addNode(zoned('n', 'a'));
    c.addPod(makePod('p', { nodeName: 'n', containers: [{ cpu: '250m' }] }));
    expect(c.get('n')!.requested.milliCPU).toBe(250);
    expect(c.get('n')!.nonZeroMem).toBe(200 * 1024 * 1024);
    c.removePod('default/p');
    expect(c.get('n')!.requested.milliCPU).toBe(0);
  });

  it('keeps pods bound to a node that arrives later, and pods across a node update', () => {
    const c = new SchedulerCache();
    c.addPod(makePod('early', { nodeName: 'n', containers: [{ cpu: '100m' }] }));
    c.addNode(zoned('n', 'a'));
    expect(c.get('n')!.pods.map((p) => p.key)).toEqual(['default/early']);
    c.updateNode({ ...zoned('n', 'a'), spec: { unschedulable: true } });
    expect(c.get('n')!.requested.milliCPU).toBe(100);
  });

  it('drops finished pods from the node', () => {
    const c = new SchedulerCache();
    c.addNode(zoned('n', 'a'));
    const job = makePod('job', { nodeName: 'n', containers: [{ cpu: '500m' }] });
    c.addPod({ ...job, status: { phase: 'Succeeded' } });
    expect(c.get('n')!.pods).toHaveLength(0);
  });

  it('counts higher-priority pods nominated to a node when filtering (RunFilterPluginsWithNominatedPods)', () => {
    const c = new SchedulerCache();
    c.addNode(zoned('n1', 'a'));
    c.addNode(zoned('n2', 'a'));
    c.addPod(makePod('vip', { priority: 100, nominatedNodeName: 'n1', containers: [{ cpu: '800m' }] }));
    const res = scheduleOne(makePod('p', { containers: [{ cpu: '500m' }] }), c, defaultProfile(), createSchedulerState(), new Rng(3));
    expect(res.selectedNode).toBe('n2');
    expect(res.record.nodes.n1.filter.reasons).toEqual(['Insufficient cpu']);
  });
});
