import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { fitErrorMessage } from './fit-error';
import { NodeToStatus } from './plugin-api';
import { createSchedulerState, numFeasibleNodesToFind, scheduleOne, selectHost } from './schedule-one';
import { defaultProfile } from './resolve-config';
import { status } from './status';
import { cacheOf, makeNode, makePod } from './testing/builders';

const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
const worker = (name: string, cpu = '2', extra: Parameters<typeof makeNode>[1] = {}) => makeNode(name, { capacity: { cpu, memory: '4Gi', pods: '110' }, ...extra });

describe('FitError message', () => {
  it('matches the upstream text for one resource shortfall and two tainted nodes', () => {
    const cache = cacheOf([worker('cp1', '2', { taints: [cp] }), worker('cp2', '2', { taints: [cp] }), worker('w1', '2')]);
    const res = scheduleOne(makePod('web', { containers: [{ cpu: '4' }] }), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.record.result).toBe('Unschedulable');
    expect(res.record.message).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(res.record.nodes.w1.filter).toEqual({ passed: false, plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], code: 'UnschedulableAndUnresolvable' });
    expect(res.record.nodes.cp1.filter).toMatchObject({ plugin: 'TaintToleration', detail: 'untolerated taint {node-role.kubernetes.io/control-plane: }' });
  });

  it('sorts the histogram as strings, so "10 ..." comes before "2 ..." (sort.Strings)', () => {
    const st = new NodeToStatus(status('UnschedulableAndUnresolvable'));
    for (let i = 0; i < 10; i++) st.set(`a${i}`, status('Unschedulable', 'Insufficient memory'));
    for (let i = 0; i < 2; i++) st.set(`b${i}`, status('Unschedulable', 'Insufficient cpu'));
    expect(fitErrorMessage(12, st)).toBe('0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.');
  });

  it('counts a node once per reason when one status has several', () => {
    const st = new NodeToStatus(status('UnschedulableAndUnresolvable'));
    st.set('n', status('Unschedulable', 'Insufficient cpu', 'Insufficient memory'));
    expect(fitErrorMessage(1, st)).toBe('0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.');
  });

  it('uses the PreFilter message instead of the histogram when PreFilter rejects', () => {
    const pod = makePod('p', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'missing' } }] });
    const res = scheduleOne(pod, cacheOf([worker('w1'), worker('w2')]), defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.record.message).toBe(
      '0/2 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });
});

describe('scheduleOne', () => {
  it('picks the least allocated node and records every plugin score with its weight', () => {
    const cache = cacheOf([worker('busy'), worker('idle')], [makePod('x', { nodeName: 'busy', containers: [{ cpu: '1500m', memory: '1Gi' }] })]);
    const res = scheduleOne(makePod('web', { containers: [{ cpu: '100m', memory: '128Mi' }] }), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.selectedNode).toBe('idle');
    const idle = res.record.nodes.idle;
    expect(idle.scores.NodeResourcesFit.weight).toBe(1);
    expect(idle.scores.TaintToleration).toEqual({ raw: 0, normalized: 100, weight: 3, weighted: 300 });
    expect(idle.scores.NodeAffinity).toEqual({ raw: 0, normalized: 0, weight: 2, weighted: 0, skipped: true });
    expect(idle.total).toBe(Object.values(idle.scores).reduce((s, e) => s + e.weighted, 0));
    expect(res.record.message).toBe('Successfully assigned default/web to idle');
  });

  it('skips scoring when one node is feasible', () => {
    const cache = cacheOf([worker('a', '2', { taints: [cp] }), worker('b')]);
    const res = scheduleOne(makePod('web'), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.selectedNode).toBe('b');
    expect(res.record.nodes.b.scores).toEqual({});
    expect(res.record.nodes.b.total).toBeNull();
  });

  it('does not attempt a pod held by scheduling gates', () => {
    const res = scheduleOne(makePod('g', { schedulingGates: ['example.com/wait'] }), cacheOf([worker('a')]), defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.record.result).toBe('NotAttempted');
    expect(res.record.message).toBe('waiting for scheduling gates: [example.com/wait]');
  });

  it('reports no nodes', () => {
    expect(scheduleOne(makePod('p'), cacheOf([]), defaultProfile(), createSchedulerState(), new Rng(1)).record.message).toBe('no nodes available to schedule pods');
  });

  it('breaks ties with the seeded Rng, the same way for the same seed', () => {
    const pick = (seed: number) => scheduleOne(makePod('p'), cacheOf([worker('a'), worker('b'), worker('c')]), defaultProfile(), createSchedulerState(), new Rng(seed)).selectedNode;
    expect(pick(7)).toBe(pick(7));
    const seen = new Set(Array.from({ length: 40 }, (_, i) => pick(i)));
    expect(seen).toEqual(new Set(['a', 'b', 'c']));
  });

  it('tries the nominated node first', () => {
    const cache = cacheOf([worker('a'), worker('b'), worker('c')]);
    const res = scheduleOne(makePod('p', { nominatedNodeName: 'c' }), cache, defaultProfile(), createSchedulerState(), new Rng(1));
    expect(res.selectedNode).toBe('c');
  });
});

describe('selectHost', () => {
  // schedule_one_test.go TestSelectHost: the winner is always among the top scores
  it('only ever returns a top-scored node and keeps each with equal probability', () => {
    const rng = new Rng(42);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 3000; i++) counts[selectHost(['a', 'b', 'c', 'd'], [10, 20, 20, 20], rng)]++;
    expect(counts.a).toBe(0);
    for (const n of ['b', 'c', 'd']) expect(counts[n]).toBeGreaterThan(850);
  });
});

describe('numFeasibleNodesToFind', () => {
  // schedule_one_test.go TestNumFeasibleNodesToFind
  it.each([
    [null, 0, 10, 10],
    [null, 0, 1000, 420],
    [null, 0, 5000, 500],
    [null, 0, 6000, 300],
    [null, 40, 1000, 400],
    [null, 0, 150, 100],
    [20, 40, 1000, 200],
    [null, 100, 1000, 1000],
  ])('profile %s%%, global %s%%, %i nodes -> %i', (profilePct, globalPct, nodes, want) => {
    expect(numFeasibleNodesToFind(profilePct, globalPct, nodes)).toBe(want);
  });

  it('rotates nextStartNodeIndex by the nodes it processed', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => worker(`n${String(i).padStart(3, '0')}`));
    const cache = cacheOf(nodes);
    const state = createSchedulerState();
    const res = scheduleOne(makePod('p'), cache, defaultProfile(), state, new Rng(1), { detail: 'compact' });
    // 200 nodes: adaptive 50 - 200/125 = 49% -> 98, raised to the minimum of 100.
    expect(res.record.feasibleNodes).toBe(100);
    expect(state.nextStartNodeIndex).toBe(100);
    scheduleOne(makePod('q'), cache, defaultProfile(), state, new Rng(1), { detail: 'compact' });
    expect(state.nextStartNodeIndex).toBe(0);
  });
});
