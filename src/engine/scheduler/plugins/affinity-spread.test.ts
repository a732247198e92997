import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { cacheOf, makeNode, makePod, runFilter, runScore } from '../testing/builders';
import { interPodAffinity } from './inter-pod-affinity';
import { podTopologySpread, type PodTopologySpreadArgs } from './pod-topology-spread';
import { CycleState } from '../plugin-api';

const scoresOf = (r: ReturnType<typeof runScore>) => (r === 'skip' ? 'skip' : Object.fromEntries(r.map((s) => [s.name, s.score])));
const system: PodTopologySpreadArgs = { defaultingType: 'System', defaultConstraints: [] };
const foo = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const spreadPod = (maxSkew: number, key: string, when: 'DoNotSchedule' | 'ScheduleAnyway') =>
  makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [{ maxSkew, topologyKey: key, whenUnsatisfiable: when, labelSelector: foo }] });
const fooPods = (spec: Record<string, number>) =>
  Object.entries(spec).flatMap(([node, n]) => Array.from({ length: n }, (_, i) => makePod(`p-${node}-${i}`, { nodeName: node, labels: { foo: '' } })));
const hostNodes = (...names: string[]) => names.map((n) => makeNode(n));

/** Score only over the candidate nodes, as upstream's PreScore gets the filtered list. */
function scoreCandidates(pod: Pod, nodes: Node[], failed: Node[], pods: Pod[], args = system) {
  return scoresOf(runScore(podTopologySpread(args), pod, cacheOf([...nodes, ...failed], pods), nodes.map((n) => n.metadata!.name!)));
}

describe('PodTopologySpread filter', () => {
  // filtering_test.go TestSingleConstraint
  const zoneNodes = () => [
    makeNode('node-a', { labels: { zone: 'zone1' } }),
    makeNode('node-b', { labels: { zone: 'zone1' } }),
    makeNode('node-x', { labels: { zone: 'zone2' } }),
    makeNode('node-y', { labels: { zone: 'zone2' } }),
  ];

  it('lets every node fit when pods spread across zones as 3/3', () => {
    const st = runFilter(podTopologySpread(system), spreadPod(1, 'zone', 'DoNotSchedule'), cacheOf(zoneNodes(), fooPods({ 'node-a': 2, 'node-b': 1, 'node-y': 3 })));
    expect(Object.values(st).every((s) => s === null)).toBe(true);
  });

  it("spreads 1/2 when node-b lacks the 'zone' label", () => {
    const nodes = zoneNodes();
    nodes[1] = makeNode('node-b', { labels: { zon: 'zone1' } });
    const st = runFilter(podTopologySpread(system), spreadPod(1, 'zone', 'DoNotSchedule'), cacheOf(nodes, fooPods({ 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 })));
    expect(st).toEqual({
      'node-a': null,
      'node-b': { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"] },
      'node-x': { code: 'Unschedulable', reasons: ["node(s) didn't match pod topology spread constraints"] },
      'node-y': { code: 'Unschedulable', reasons: ["node(s) didn't match pod topology spread constraints"] },
    });
  });

  it('treats the global minimum as 0 with fewer domains than minDomains', () => {
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: foo, minDomains: 3 }] });
    const st = runFilter(podTopologySpread(system), pod, cacheOf(zoneNodes(), fooPods({ 'node-a': 1, 'node-x': 1 })));
    expect(Object.values(st).every((s) => s?.code === 'Unschedulable')).toBe(true);
  });

  it('skips pods without hard constraints', () => {
    expect(runFilter(podTopologySpread(system), makePod('p'), cacheOf(zoneNodes()))['node-a']).toBeNull();
  });
});

describe('PodTopologySpread score', () => {
  // scoring_test.go TestPodTopologySpreadScore
  it('one constraint on node, all 4 nodes are candidates (2/1/0/3)', () => {
    expect(scoreCandidates(spreadPod(1, 'kubernetes.io/hostname', 'ScheduleAnyway'), hostNodes('node-a', 'node-b', 'node-c', 'node-d'), [], fooPods({ 'node-a': 2, 'node-b': 1, 'node-d': 3 }))).toEqual({
      'node-a': 20,
      'node-b': 60,
      'node-c': 100,
      'node-d': 0,
    });
  });

  it('one constraint on node, all 4 nodes are candidates, maxSkew=2', () => {
    expect(scoreCandidates(spreadPod(2, 'kubernetes.io/hostname', 'ScheduleAnyway'), hostNodes('node-a', 'node-b', 'node-c', 'node-d'), [], fooPods({ 'node-a': 2, 'node-b': 1, 'node-d': 3 }))).toEqual({
      'node-a': 33,
      'node-b': 66,
      'node-c': 100,
      'node-d': 16,
    });
  });

  it('system defaulting, nodes without zone, pods matched by a Service', () => {
    const pod = makePod('p', { labels: { foo: '' } });
    const services = [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: { foo: '' } } }];
    const cache = cacheOf(hostNodes("node-a", "node-b", "node-c", "node-d"), fooPods({ "node-a": 4, "node-b": 3, "node-c": 2, "node-d": 1 }), { services: services as any });
    expect(scoresOf(runScore(podTopologySpread(system), pod, cache))).toEqual({ 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 });
  });

  it('system defaulting does nothing for a pod no Service or controller selects', () => {
    expect(runScore(podTopologySpread(system), makePod('p', { labels: { foo: '' } }), cacheOf(hostNodes('a')))).toBe('skip');
  });

  it('one constraint on node, 3 out of 4 nodes are candidates', () => {
    expect(scoreCandidates(spreadPod(1, 'kubernetes.io/hostname', 'ScheduleAnyway'), hostNodes('node-a', 'node-b', 'node-x'), hostNodes('node-y'), fooPods({ 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 }))).toEqual({
      'node-a': 33,
      'node-b': 83,
      'node-x': 100,
    });
  });

  it('one constraint on zone, 3 out of 4 nodes are candidates', () => {
    const z = (n: string, zone: string) => makeNode(n, { labels: { zone } });
    expect(scoreCandidates(spreadPod(1, 'zone', 'ScheduleAnyway'), [z('node-a', 'zone1'), z('node-b', 'zone1'), z('node-x', 'zone2')], [z('node-y', 'zone2')], fooPods({ 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 }))).toEqual({
      'node-a': 75,
      'node-b': 75,
      'node-x': 100,
    });
  });

  it('two constraints on zone and node, 2 out of 4 nodes are candidates', () => {
    const z = (n: string, zone: string) => makeNode(n, { labels: { zone } });
    const pod = makePod('p', {
      labels: { foo: '' },
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: foo },
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: foo },
      ],
    });
    expect(scoreCandidates(pod, [z('node-a', 'zone1'), z('node-x', 'zone2')], [z('node-b', 'zone1'), z('node-y', 'zone2')], fooPods({ 'node-a': 2, 'node-b': 1, 'node-x': 2, 'node-y': 4 }))).toEqual({
      'node-a': 100,
      'node-x': 63,
    });
  });
});

describe('InterPodAffinity', () => {
  const affinityPod = (kind: 'podAffinity' | 'podAntiAffinity', key: string, values: string[], topologyKey = 'region') =>
    makePod('p', {
      labels: { foo: 'bar' },
      affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key, operator: 'In', values }] }, topologyKey }] } },
    });
  const machine1 = () => makeNode('machine1', { labels: { region: 'r1', zone: 'z11' } });

  // filtering_test.go TestRequiredAffinitySingleNode
  it('passes when a pod in the topology matches required affinity (In operator matches the existing pod)', () => {
    const existing = makePod('e', { nodeName: 'machine1', labels: { service: 'securityscan' } });
    expect(runFilter(interPodAffinity({ hardPodAffinityWeight: 1 }), affinityPod('podAffinity', 'service', ['securityscan', 'value2']), cacheOf([machine1()], [existing])).machine1).toBeNull();
  });

  it("rejects when no pod matches required affinity (doesn't match the existing pod)", () => {
    const existing = makePod('e', { nodeName: 'machine1', labels: { service: 'securityscan' } });
    const other = makePod('o', { nodeName: 'machine1', labels: { foo: 'baz' } });
    expect(runFilter(interPodAffinity({ hardPodAffinityWeight: 1 }), affinityPod('podAffinity', 'service', ['antivirusscan', 'value2']), cacheOf([machine1()], [existing, other])).machine1).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod affinity rules"],
    });
  });

  it('lets the first pod of a self-affine group in (no pod anywhere matches, pod matches its own terms)', () => {
    expect(runFilter(interPodAffinity({ hardPodAffinityWeight: 1 }), affinityPod('podAffinity', 'foo', ['bar']), cacheOf([machine1()])).machine1).toBeNull();
  });

  it('rejects by the pod anti-affinity rules', () => {
    const existing = makePod('e', { nodeName: 'machine1', labels: { service: 'securityscan' } });
    expect(runFilter(interPodAffinity({ hardPodAffinityWeight: 1 }), affinityPod('podAntiAffinity', 'service', ['securityscan']), cacheOf([machine1()], [existing])).machine1).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't match pod anti-affinity rules"],
    });
  });

  it("rejects by an existing pod's anti-affinity", () => {
    const existing = makePod('e', {
      nodeName: 'machine1',
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { foo: 'bar' } }, topologyKey: 'zone' }] } },
    });
    expect(runFilter(interPodAffinity({ hardPodAffinityWeight: 1 }), makePod('p', { labels: { foo: 'bar' } }), cacheOf([machine1()], [existing])).machine1).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
    });
  });

  // scoring_test.go TestPreferredAffinity "Affinity: pod that matches topology key & pods in nodes will get high score..."
  it('scores nodes in the topology of a matching pod 100, others 0', () => {
    const pod = makePod('p', {
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: ['S1'] }] }, topologyKey: 'region' } }] } },
    });
    const nodes = [makeNode('machine1', { labels: { region: 'China' } }), makeNode('machine2', { labels: { region: 'China' } }), makeNode('machine3', { labels: { az: 'az1' } })];
    const existing = makePod('e', { nodeName: 'machine1', labels: { security: 'S1' } });
    expect(scoresOf(runScore(interPodAffinity({ hardPodAffinityWeight: 1 }), pod, cacheOf(nodes, [existing])))).toEqual({ machine1: 100, machine2: 100, machine3: 0 });
  });

  it('counts existing pods’ required affinity with hardPodAffinityWeight', () => {
    const existing = makePod('e', {
      nodeName: 'machine1',
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'x' } }, topologyKey: 'region' }] } },
    });
    const nodes = [makeNode('machine1', { labels: { region: 'r1' } }), makeNode('machine2', { labels: { region: 'r2' } })];
    expect(scoresOf(runScore(interPodAffinity({ hardPodAffinityWeight: 1 }), makePod('p', { labels: { app: 'x' } }), cacheOf(nodes, [existing])))).toEqual({ machine1: 100, machine2: 0 });
    expect(runScore(interPodAffinity({ hardPodAffinityWeight: 0 }), makePod('p', { labels: { app: 'x' } }), cacheOf(nodes, [existing]))).toBe('skip');
  });

  it('updates its PreFilter state when a nominated pod is added (AddPod extension)', () => {
    const p = interPodAffinity({ hardPodAffinityWeight: 1 });
    const cache = cacheOf([machine1()]);
    const pod = affinityPod('podAntiAffinity', 'service', ['securityscan']);
    const state = new CycleState(cache);
    const pi = cache.newPodInfo(pod);
    p.preFilter!(state, pi, cache.nodeInfos());
    const node = cache.get('machine1')!.clone();
    const added = cache.newPodInfo(makePod('n', { labels: { service: 'securityscan' } }));
    node.addPod(added);
    p.addPod!(state, pi, added, node);
    expect(p.filter!(state, pi, node)?.reasons).toEqual(["node(s) didn't match pod anti-affinity rules"]);
  });
});
