import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode, makePod, runFilter, runScore } from '../testing/builders';
import { CycleState } from '../plugin-api';
import { imageLocality } from './image-locality';
import { nodeAffinity } from './node-affinity';
import { nodeName, nodePorts, nodeUnschedulable, schedulingGates } from './simple-filters';
import { taintToleration } from './taint-toleration';

const scoresOf = (r: ReturnType<typeof runScore>) => (r === 'skip' ? 'skip' : Object.fromEntries(r.map((s) => [s.name, s.score])));

describe('TaintToleration', () => {
  // taint_toleration_test.go TestTaintTolerationFilter
  it('rejects a pod without tolerations on a tainted node, naming the taint only in detail', () => {
    const n = makeNode('nodeA', { taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] });
    const st = runFilter(taintToleration(), makePod('p'), cacheOf([n])).nodeA;
    expect(st).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'], detail: 'untolerated taint {dedicated: user1}' });
  });

  it.each([
    ['a pod tolerating the taint by value', [{ key: 'dedicated', operator: 'Equal', value: 'user1', effect: 'NoSchedule' }], true],
    ['a pod tolerating it with Exists and no effect', [{ key: 'dedicated', operator: 'Exists' }], true],
    ['a pod whose toleration has a different value', [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], false],
    ['a pod tolerating only PreferNoSchedule', [{ key: 'dedicated', operator: 'Equal', value: 'user1', effect: 'PreferNoSchedule' }], false],
  ])('%s passes: %s', (_n, tolerations, passes) => {
    const n = makeNode('nodeA', { taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] });
    expect(runFilter(taintToleration(), makePod('p', { tolerations: tolerations as any }), cacheOf([n])).nodeA === null).toBe(passes);
  });

  it('ignores PreferNoSchedule taints when filtering', () => {
    const n = makeNode('nodeA', { taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] });
    expect(runFilter(taintToleration(), makePod('p'), cacheOf([n])).nodeA).toBeNull();
  });

  // taint_toleration_test.go TestTaintTolerationScore
  it('gives lower scores to nodes with more intolerable PreferNoSchedule taints', () => {
    const pod = makePod('p', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] });
    const nodes = [
      makeNode('nodeA'),
      makeNode('nodeB', { taints: [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }] }),
      makeNode('nodeC', {
        taints: [
          { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
          { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
        ],
      }),
    ];
    expect(scoresOf(runScore(taintToleration(), pod, cacheOf(nodes)))).toEqual({ nodeA: 100, nodeB: 50, nodeC: 0 });
  });

  it('scores a tolerated taint above an intolerable one', () => {
    const pod = makePod('p', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] });
    const nodes = [
      makeNode('nodeA', { taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] }),
      makeNode('nodeB', { taints: [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }] }),
    ];
    expect(scoresOf(runScore(taintToleration(), pod, cacheOf(nodes)))).toEqual({ nodeA: 100, nodeB: 0 });
  });
});

describe('NodeAffinity', () => {
  // node_affinity_test.go TestNodeAffinity
  it('rejects a node missing the nodeSelector label', () => {
    const st = runFilter(nodeAffinity(), makePod('p', { nodeSelector: { foo: 'bar' } }), cacheOf([makeNode('n')])).n;
    expect(st).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] });
  });

  it('skips in PreFilter when the pod has no selector or required affinity', () => {
    const p = nodeAffinity();
    const cache = cacheOf([makeNode('n')]);
    const out = p.preFilter!(new CycleState(cache), cache.newPodInfo(makePod('p')), cache.nodeInfos());
    expect(out.status?.code).toBe('Skip');
  });

  it('narrows PreFilter to nodes named by matchFields metadata.name In', () => {
    const p = nodeAffinity();
    const pod = makePod('p', {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] }] } } },
    });
    const cache = cacheOf([makeNode('node1'), makeNode('node2')]);
    const out = p.preFilter!(new CycleState(cache), cache.newPodInfo(pod), cache.nodeInfos());
    expect([...(out.result?.nodeNames ?? [])]).toEqual(['node2']);
    expect(runFilter(p, pod, cache)).toEqual({ node1: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] }, node2: null });
  });

  it.each([
    ['Gt', 'Gt', ['4'], '5', true],
    ['Lt fails', 'Lt', ['4'], '5', false],
    ['NotIn on a missing label', 'NotIn', ['x'], undefined, true],
    ['DoesNotExist', 'DoesNotExist', [], 'v', false],
  ])('matches node selector operator %s', (_n, operator, values, label, ok) => {
    const pod = makePod('p', {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator, values }] }] } } },
    });
    const n = makeNode('n', { labels: label === undefined ? {} : { k: label } });
    expect(runFilter(nodeAffinity(), pod, cacheOf([n])).n === null).toBe(ok);
  });

  it('enforces addedAffinity from NodeAffinityArgs', () => {
    const p = nodeAffinity({ addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } });
    expect(runFilter(p, makePod('p'), cacheOf([makeNode('n')])).n?.reasons).toEqual(["node(s) didn't match scheduler-enforced node affinity"]);
  });

  // node_affinity_test.go TestNodeAffinityPriority "all nodes matches the preferred scheduling requirements of pod but with different priorities"
  it('scores preferred terms by summed weight, normalized to the best node', () => {
    const pod = makePod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
            { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
            {
              weight: 5,
              preference: {
                matchExpressions: [
                  { key: 'foo', operator: 'In', values: ['bar'] },
                  { key: 'key', operator: 'In', values: ['value'] },
                  { key: 'az', operator: 'In', values: ['az1'] },
                ],
              },
            },
          ],
        },
      },
    });
    const nodes = [makeNode('node1', { labels: { foo: 'bar' } }), makeNode('node5', { labels: { foo: 'bar', key: 'value', az: 'az1' } }), makeNode('node2', { labels: { key: 'value' } })];
    expect(scoresOf(runScore(nodeAffinity(), pod, cacheOf(nodes)))).toEqual({ node1: 18, node5: 100, node2: 36 });
  });

  it('skips scoring without preferred terms', () => {
    expect(runScore(nodeAffinity(), makePod('p'), cacheOf([makeNode('n')]))).toBe('skip');
  });
});

describe('NodeUnschedulable, NodeName, NodePorts, SchedulingGates', () => {
  // node_unschedulable_test.go TestNodeUnschedulable
  it('rejects cordoned nodes unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const n = makeNode('n', { unschedulable: true });
    expect(runFilter(nodeUnschedulable(), makePod('p'), cacheOf([n])).n).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
    const tolerant = makePod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(runFilter(nodeUnschedulable(), tolerant, cacheOf([n])).n).toBeNull();
  });

  // node_name_test.go TestNodeName
  it('rejects nodes other than spec.nodeName', () => {
    expect(runFilter(nodeName(), makePod('p', { nodeName: 'foo' }), cacheOf([makeNode('bar'), makeNode('foo')]))).toEqual({
      bar: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] },
      foo: null,
    });
  });

  // node_ports_test.go TestNodePorts
  it.each([
    ['same udp port', { port: 8080, protocol: 'UDP', ip: '127.0.0.1' }, { port: 8080, protocol: 'UDP', ip: '127.0.0.1' }, false],
    ['different protocol', { port: 8080, protocol: 'TCP', ip: '127.0.0.1' }, { port: 8080, protocol: 'UDP', ip: '127.0.0.1' }, true],
    ['different host ip', { port: 8080, protocol: 'TCP', ip: '127.0.0.1' }, { port: 8080, protocol: 'TCP', ip: '127.0.0.2' }, true],
    ['second ip with 0.0.0.0 conflict', { port: 8001, protocol: 'TCP', ip: '0.0.0.0' }, { port: 8001, protocol: 'TCP', ip: '127.0.0.1' }, false],
  ])('host ports: %s', (_n, want, used, fits) => {
    const existing = makePod('e', { nodeName: 'n', hostPorts: [used] });
    const st = runFilter(nodePorts(), makePod('p', { hostPorts: [want] }), cacheOf([makeNode('n')], [existing])).n;
    expect(st === null).toBe(fits);
    if (!fits) expect(st).toEqual({ code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] });
  });

  // scheduling_gates_test.go TestPreEnqueue
  it('holds gated pods with the gate names', () => {
    expect(schedulingGates().preEnqueue!(makePod('p', { schedulingGates: ['foo', 'bar'] }))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['waiting for scheduling gates: [foo bar]'],
    });
    expect(schedulingGates().preEnqueue!(makePod('p'))).toBeNull();
  });
});

describe('ImageLocality', () => {
  // image_locality_test.go TestImageLocalityPriority "two images spread on two nodes, prefer the larger image one"
  it('scores (40MB + 300MB) * 1/2 spread as 7 and a node without the images as 0', () => {
    const MB = 1024 * 1024;
    const nodes = [
      makeNode('node403002000', {
        images: [
          { names: ['gcr.io/40:latest', 'gcr.io/40:v1'], sizeBytes: 40 * MB },
          { names: ['gcr.io/300:latest', 'gcr.io/300:v1'], sizeBytes: 300 * MB },
          { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * MB },
        ],
      }),
      makeNode('node25010', {
        images: [
          { names: ['gcr.io/250:latest'], sizeBytes: 250 * MB },
          { names: ['gcr.io/10:latest', 'gcr.io/10:v1'], sizeBytes: 10 * MB },
        ],
      }),
    ];
    const pod = makePod('p', { images: ['gcr.io/40', 'gcr.io/300'] });
    expect(scoresOf(runScore(imageLocality(), pod, cacheOf(nodes)))).toEqual({ node403002000: 7, node25010: 0 });
  });
});
