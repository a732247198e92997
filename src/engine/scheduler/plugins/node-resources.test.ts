import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode, makePod, runFilter, runScore } from '../testing/builders';
import { nodeResourcesBalancedAllocation, nodeResourcesFit, type ScoringStrategy } from './node-resources';

const defaultResources = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
const fit = (type: ScoringStrategy['type'] = 'LeastAllocated', extra: Partial<ScoringStrategy> = {}) =>
  nodeResourcesFit({ scoringStrategy: { type, resources: defaultResources, ...extra } });
const scoresOf = (r: ReturnType<typeof runScore>) => (r === 'skip' ? 'skip' : Object.fromEntries(r.map((s) => [s.name, s.score])));
const node = (name: string, cpu: string, memory: string, extra: Record<string, string> = {}) => makeNode(name, { capacity: { cpu, memory, pods: '100', ...extra } });
const twoContainerPod = (nodeName?: string) => makePod('p', { nodeName, containers: [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }] });

describe('NodeResourcesFit scoring', () => {
  // least_allocated_test.go TestLeastAllocatedScoringStrategy
  it.each([
    ['nothing scheduled, nothing requested', makePod('p'), [node('node1', '4000', '10000'), node('node2', '4000', '10000')], [], { node1: 100, node2: 100 }],
    ['nothing scheduled, resources requested, differently sized nodes', twoContainerPod(), [node('node1', '4000', '10000'), node('node2', '6000', '10000')], [], { node1: 37, node2: 50 }],
    [
      'no resources requested, pods scheduled with resources',
      makePod('p'),
      [node('node1', '10000', '20000'), node('node2', '10000', '20000')],
      [
        makePod('e1', { nodeName: 'node1', containers: [{ cpu: '3000', memory: '0' }] }),
        makePod('e2', { nodeName: 'node1', containers: [{ cpu: '3000', memory: '0' }] }),
        makePod('e3', { nodeName: 'node2', containers: [{ cpu: '3000', memory: '0' }] }),
        makePod('e4', { nodeName: 'node2', containers: [{ cpu: '3000', memory: '5000' }] }),
      ],
      { node1: 70, node2: 57 },
    ],
    [
      'requested resources exceed node capacity',
      makePod('p', { containers: [{ cpu: '3000', memory: '0' }] }),
      [node('node1', '4000', '10000'), node('node2', '4000', '10000')],
      [makePod('e1', { nodeName: 'node1', containers: [{ cpu: '3000', memory: '0' }] }), makePod('e2', { nodeName: 'node2', containers: [{ cpu: '3000', memory: '5000' }] })],
      { node1: 50, node2: 25 },
    ],
  ])('LeastAllocated: %s', (_name, pod, nodes, pods, want) => {
    expect(scoresOf(runScore(fit(), pod, cacheOf(nodes, pods)))).toEqual(want);
  });

  it('LeastAllocated weighs memory 2 and cpu 1 (different weight on CPU and memory)', () => {
    const p = nodeResourcesFit({ scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }] } });
    expect(scoresOf(runScore(p, twoContainerPod(), cacheOf([node('node1', '4000', '10000'), node('node2', '6000', '10000')])))).toEqual({ node1: 41, node2: 50 });
  });

  it('MostAllocated favours the fuller node (most_allocated_test.go, differently sized nodes)', () => {
    // cpu 3000/4000 = 75, memory 5000/10000 = 50 -> 62; node2 50/50 -> 50
    expect(scoresOf(runScore(fit('MostAllocated'), twoContainerPod(), cacheOf([node('node1', '4000', '10000'), node('node2', '6000', '10000')])))).toEqual({
      node1: 62,
      node2: 50,
    });
  });

  it('RequestedToCapacityRatio rounds the weighted mean (requested_to_capacity_ratio_test.go)', () => {
    const shape = [
      { utilization: 0, score: 10 },
      { utilization: 100, score: 0 },
    ];
    const p = fit('RequestedToCapacityRatio', { requestedToCapacityRatio: { shape } });
    // (25 + 50) / 2 = 37.5 -> 38 with math.Round, where LeastAllocated truncates to 37
    expect(scoresOf(runScore(p, twoContainerPod(), cacheOf([node('node1', '4000', '10000'), node('node2', '6000', '10000')])))).toEqual({ node1: 38, node2: 50 });
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  // balanced_allocation_test.go TestNodeResourcesBalancedAllocation
  const bal = nodeResourcesBalancedAllocation({ resources: defaultResources });
  const cpuAndMemory = (name: string, nodeName?: string) => makePod(name, { nodeName, containers: [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }] });
  const cpuOnly = (name: string, nodeName?: string) => makePod(name, { nodeName, containers: [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }] });

  it('skips best-effort pods in PreScore', () => {
    expect(runScore(bal, makePod('p'), cacheOf([node('node1', '4000m', '10000')]))).toBe('skip');
  });

  it.each([
    ['nothing scheduled, resources requested, differently sized nodes', cpuAndMemory('p'), [node('node1', '4000m', '10000'), node('node2', '6000m', '10000')], [], { node1: 87, node2: 100 }],
    [
      'resources requested, pods scheduled with resources',
      cpuAndMemory('p'),
      [node('node1', '10000m', '20000'), node('node2', '10000m', '20000')],
      [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')],
      { node1: 82, node2: 95 },
    ],
    [
      'requested resources at node capacity',
      cpuOnly('p'),
      [node('node1', '6000m', '10000'), node('node2', '6000m', '10000')],
      [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')],
      { node1: 50, node2: 75 },
    ],
  ])('%s', (_name, pod, nodes, pods, want) => {
    expect(scoresOf(runScore(bal, pod, cacheOf(nodes, pods)))).toEqual(want);
  });

  it('includes a requested scalar resource (three-way standard deviation)', () => {
    const b3 = nodeResourcesBalancedAllocation({ resources: [...defaultResources, { name: 'nvidia.com/gpu', weight: 1 }] });
    const gpuPod = makePod('p', { containers: [{ memory: '0', 'nvidia.com/gpu': '1' }] });
    const existingGpu = makePod('e1', { nodeName: 'node1', containers: [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000', 'nvidia.com/gpu': '3' }] });
    const nodes = [node('node1', '3500m', '40000', { 'nvidia.com/gpu': '8' }), node('node2', '3500m', '40000', { 'nvidia.com/gpu': '8' })];
    expect(scoresOf(runScore(b3, gpuPod, cacheOf(nodes, [cpuAndMemory('e2', 'node2'), existingGpu])))).toEqual({ node1: 70, node2: 65 });
  });
});

describe('NodeResourcesFit filter', () => {
  // fit_test.go TestEnoughRequests
  it('reports every insufficient resource: "too many resources fails"', () => {
    const n = makeNode('n', { capacity: { cpu: '10m', memory: '20', pods: '32' } });
    const existing = makePod('e', { nodeName: 'n', containers: [{ cpu: '10m', memory: '20' }] });
    const st = runFilter(fit(), makePod('p', { containers: [{ cpu: '2m', memory: '1' }] }), cacheOf([n], [existing])).n;
    expect(st).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });

  it('counts the init container: "too many resources fails due to init container cpu"', () => {
    const n = makeNode('n', { capacity: { cpu: '10m', memory: '20', pods: '32' } });
    const existing = makePod('e', { nodeName: 'n', containers: [{ cpu: '8m', memory: '19' }] });
    const pod = makePod('p', { containers: [{ cpu: '1m', memory: '1' }], initContainers: [{ requests: { cpu: '3m', memory: '1' } }] });
    expect(runFilter(fit(), pod, cacheOf([n], [existing])).n?.reasons).toEqual(['Insufficient cpu']);
  });

  it('is UnschedulableAndUnresolvable when the request exceeds the whole node (InsufficientResource.Unresolvable)', () => {
    const n = makeNode('n', { capacity: { cpu: '1', memory: '1Gi', pods: '110' } });
    expect(runFilter(fit(), makePod('p', { containers: [{ cpu: '2' }] }), cacheOf([n])).n).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient cpu'] });
  });

  it('says "Too many pods" when the pod count is at allocatable pods', () => {
    const n = makeNode('n', { capacity: { cpu: '1', memory: '1Gi', pods: '1' } });
    expect(runFilter(fit(), makePod('p'), cacheOf([n], [makePod('e', { nodeName: 'n' })])).n?.reasons).toEqual(['Too many pods']);
  });

  it('checks extended resources and honours ignoredResources', () => {
    const n = makeNode('n', { capacity: { cpu: '1', memory: '1Gi', pods: '110', 'example.com/foo': '1' } });
    const pod = makePod('p', { containers: [{ 'example.com/foo': '2' }] });
    expect(runFilter(fit(), pod, cacheOf([n])).n?.reasons).toEqual(['Insufficient example.com/foo']);
    const ignoring = nodeResourcesFit({ ignoredResources: ['example.com/foo'], scoringStrategy: { type: 'LeastAllocated', resources: defaultResources } });
    expect(runFilter(ignoring, pod, cacheOf([n])).n).toBeNull();
  });

  it('does not apply the 100m / 200Mi defaults when filtering', () => {
    const n = makeNode('n', { capacity: { cpu: '50m', memory: '100Mi', pods: '110' } });
    expect(runFilter(fit(), makePod('p', { containers: [{}] }), cacheOf([n])).n).toBeNull();
  });
});
