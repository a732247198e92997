import { describe, expect, it } from 'vitest';
import type { ClusterViewModel, NodeBox, PodCard } from '../../viewmodel/clusterView';
import { LANE_MAX_PODS, NODE_GAP, NODE_WIDTH, clusterNodes, gridPlaces, newNodeCache, rememberSizes, type LaneData } from './clusterNodes';

const pod = (name: string, phase: PodCard['phase'] = 'ready'): PodCard => ({ id: `Pod/default/${name}`, namespace: 'default', name, phase, statusText: phase === 'ready' ? 'Running' : 'Pending', system: false });

const box = (name: string, pods: PodCard[]): NodeBox => ({
  id: `Node/${name}`,
  name,
  role: 'worker',
  ready: true,
  unschedulable: false,
  taints: [],
  cpu: { requested: 100 * pods.length, allocatable: 2000 },
  memory: { requested: 0, allocatable: 1 << 30 },
  pods,
});

// A fresh model each time, as buildClusterView returns one per snapshot.
const model = (aPods: PodCard[], bPods: PodCard[], unscheduled: PodCard[] = []): ClusterViewModel => ({ nodes: [box('a', aPods), box('b', bPods)], unscheduled });

describe('clusterNodes', () => {
  it('puts three machines in one row and twenty in rows of seven, each row below the tallest box above', () => {
    const three = gridPlaces([box('a', []), box('b', []), box('c', [])]);
    expect(new Set(three.map((p) => p.y))).toEqual(new Set([0]));
    const twenty = Array.from({ length: 20 }, (_, i) => box(`n${i}`, i === 3 ? [pod('p1'), pod('p2')] : []));
    const places = gridPlaces(twenty);
    expect(places.filter((p) => p.y === 0)).toHaveLength(7);
    expect(places[7].x).toBe(places[0].x);
    expect(places[1].x - places[0].x).toBe(NODE_WIDTH + NODE_GAP);
    // Row two starts below row one's tallest box (n3, with two pods), not below an empty one.
    expect(places[7].y).toBeGreaterThan(places[14].y - places[7].y);
    expect(places[14].y).toBeGreaterThan(places[7].y);
  });

  it('shows the first waiting pods in the lane and counts the rest', () => {
    const waiting = Array.from({ length: LANE_MAX_PODS + 5 }, (_, i) => pod(`w${i}`, 'pending'));
    const [lane] = clusterNodes(model([], [], waiting), undefined, newNodeCache());
    const data = lane.data as LaneData;
    expect(data.pods.map((p) => p.name)).toEqual(waiting.slice(0, LANE_MAX_PODS).map((p) => p.name));
    expect(data.more).toBe(5);
    const [few] = clusterNodes(model([], [], waiting.slice(0, 2)), undefined, newNodeCache());
    expect((few.data as LaneData).more).toBe(0);
  });

  it('keeps the node object of a box whose content did not change, and replaces the one that did', () => {
    const cache = newNodeCache();
    const [lane1, a1, b1] = clusterNodes(model([pod('x')], [pod('y', 'pending')]), undefined, cache);
    const [lane2, a2, b2] = clusterNodes(model([pod('x')], [pod('y', 'ready')]), undefined, cache);
    expect(lane2).toBe(lane1);
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect((b2.data as { box: NodeBox }).box.pods[0].phase).toBe('ready');
  });

  it('gives a replaced node the size React Flow last measured, so it is not hidden until re-measured', () => {
    const cache = newNodeCache();
    const [, a1] = clusterNodes(model([pod('x')], []), undefined, cache);
    expect(a1.measured).toBeUndefined();
    rememberSizes(cache, [{ type: 'dimensions', id: 'Node/a', dimensions: { width: 300, height: 180 } }, { type: 'select', id: 'Node/b' }]);
    const [, a2, b2] = clusterNodes(model([pod('x'), pod('z')], []), undefined, cache);
    expect(a2.measured).toEqual({ width: 300, height: 180 });
    expect(b2.measured).toBeUndefined();
  });

  it('passes the selection only to the box that shows it', () => {
    const cache = newNodeCache();
    const [, a1, b1] = clusterNodes(model([pod('x')], [pod('y')]), undefined, cache);
    const [, a2, b2] = clusterNodes(model([pod('x')], [pod('y')]), 'Pod/default/y', cache);
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect(b2.data.selected).toBe('Pod/default/y');
    const [, a3] = clusterNodes(model([pod('x')], [pod('y')]), 'Node/a', cache);
    expect(a3.data.selected).toBe('Node/a');
  });

  it('starts afresh for another set of machines', () => {
    const cache = newNodeCache();
    const [, a1] = clusterNodes(model([pod('x')], []), undefined, cache);
    rememberSizes(cache, [{ type: 'dimensions', id: 'Node/a', dimensions: { width: 300, height: 180 } }]);
    const other: ClusterViewModel = { nodes: [box('a', [pod('x')])], unscheduled: [] };
    const [, a2] = clusterNodes(other, undefined, cache);
    expect(a2).not.toBe(a1);
    expect(a2.measured).toBeUndefined();
  });
});
