// Scenario: kube-scheduler's filters and scores for requests, nodeSelector and node affinity,
// asserted on the decision record (`schedule-explain --json` and the ScheduleAttempt activity).
// Upstream (v1.34):
// - pkg/scheduler/framework/types.go FitError.Error: "0/N nodes are available: " + the reason
//   histogram, each entry "<count> <reason>" sorted as strings, joined by ", ", then ".", then
//   the PostFilter message.
// - plugins/defaultpreemption + preemption/preemption.go: "preemption: 0/N nodes are available: "
//   with "Preemption is not helpful for scheduling" for UnschedulableAndUnresolvable nodes and
//   "No preemption victims found for incoming pod" for nodes without lower-priority victims.
// - plugins/noderesources/fit.go: "Insufficient cpu"; UnschedulableAndUnresolvable when the
//   request exceeds the node's allocatable, Unschedulable when only the free part is short.
// - plugins/tainttoleration: "node(s) had untolerated taint(s)" (UnschedulableAndUnresolvable).
// - plugins/nodeaffinity: "node(s) didn't match Pod's node affinity/selector"; the preferred
//   score is the sum of matching term weights, normalized to 0-100 (DefaultNormalizeScore) and
//   multiplied by the plugin weight 2 (apis/config/v1/default_plugins.go).
// - schedule_one.go schedulePod: with one feasible node, scoring is skipped.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main';
import { Simulation } from '../engine/core/simulation';
import type { DecisionRecord } from '../engine/scheduler';
import type { ScheduleAttemptDetail } from '../engine/scheduler/component';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const fixture = (name: string) => ({ name, text: readFileSync(fixturePath(name), 'utf8') });

async function explain(files: string[], pod: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['schedule-explain', ...files.map(fixturePath), '--pod', pod, '--json', '--until', '30s'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as DecisionRecord;
}

function lastRecord(sim: Simulation, pod: string): DecisionRecord {
  return sim
    .activities()
    .filter((a) => a.type === 'ScheduleAttempt' && (a.detail as ScheduleAttemptDetail).pod === pod)
    .map((a) => (a.detail as ScheduleAttemptDetail).record)
    .at(-1)!;
}

describe('requests vs allocatable', () => {
  it('explains a pod larger than any node: Insufficient cpu, unresolvable, so preemption cannot help', async () => {
    const r = await explain(['big-pod.yaml'], 'default/big');
    expect(r.result).toBe('Unschedulable');
    expect(r.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(r.nodes['node-1'].filter).toMatchObject({ passed: false, plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], code: 'UnschedulableAndUnresolvable' });
    expect(r.nodes['control-plane'].filter).toMatchObject({ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable' });
  });

  it('explains a pod that fits allocatable but not the free CPU: resolvable, but no lower-priority victims', async () => {
    const r = await explain(['cpu-fillers.yaml'], 'default/wants-3');
    expect(r.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(r.nodes['node-2'].filter).toMatchObject({ plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], code: 'Unschedulable' });
  });

  it('records FailedScheduling and PodScheduled=False/Unschedulable with the same message', () => {
    const sim = Simulation.load([fixture('big-pod.yaml')], { seed: 1 });
    sim.run({ until: 30_000 });
    const pod = sim.snapshot().objects.Pod!.find((p) => p.metadata.name === 'big')!;
    const message = lastRecord(sim, 'default/big').message;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }));
    const events = (sim.snapshot().objects.Event ?? []).filter((e) => involved(e)?.name === 'big' && e.reason === 'FailedScheduling');
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ type: 'Warning', message });
  });
});

describe('retrying an unschedulable pod in a quiet cluster', () => {
  // Upstream backend/queue/scheduling_queue.go: a pod rejected by NodeResourcesFit and
  // TaintToleration waits in unschedulablePods. Its own PodScheduled=False status write does not
  // requeue it (updatePodInSchedulingQueue ignores status-only changes), nor do kubelet heartbeats
  // (eventhandlers.go nodeSchedulingPropertiesChange ignores them); with nothing relevant
  // happening, flushUnschedulablePodsLeftover (every 30s) retries it once it has waited
  // podMaxInUnschedulablePodsDuration = 5 minutes.
  // Regression (was an engine bug, fixed): the scheduler retries the pod 1 ms after each attempt (after its own status
  // write) and then every 1, 2, 4, 8, 10, 10 ... s, as if each kubelet NodeStatus write were a
  // scheduling-relevant NodeUpdate (src/engine/scheduler/component.ts + queue.ts).
  it('does not retry before the 5-minute unschedulable flush', () => {
    const big = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '5' } } }] } };
    const sim = Simulation.load([fixture('web-deployment.yaml')], { seed: 1, actions: [{ at: 30_000, action: { type: 'apply', objects: [big] } }] });
    sim.run({ until: 370_000, settle: false });
    const times = sim
      .activities()
      .filter((a) => a.type === 'ScheduleAttempt' && (a.detail as ScheduleAttemptDetail).pod === 'default/big')
      .map((a) => a.t);
    expect(times[0]).toBeLessThan(31_000);
    expect(times[1]).toBeGreaterThanOrEqual(330_000);
    expect(times[1]).toBeLessThanOrEqual(361_000);
  });
});

describe('nodeSelector and node affinity (zoned cluster)', () => {
  const sim = Simulation.load([fixture('zoned-cluster.yaml'), fixture('node-selection-pods.yaml')], { seed: 1 });
  sim.run({ until: 30_000 });

  it('places the nodeSelector pod on the only matching node without scoring', () => {
    const r = lastRecord(sim, 'default/ssd');
    expect(r.selectedNode).toBe('node-1');
    expect(r.feasibleNodes).toBe(1);
    expect(r.nodes['node-2'].filter).toMatchObject({ plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"] });
    expect(r.nodes['node-1'].scores).toEqual({});
  });

  it('leaves a pod whose required affinity matches no node Pending with the NodeAffinity reason', () => {
    const r = lastRecord(sim, 'default/zone-c-only');
    expect(r.result).toBe('Unschedulable');
    expect(r.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });

  it('scores the preferred zone: NodeAffinity 80 -> 100 x weight 2 on zone-b nodes, 0 on node-1', () => {
    const r = lastRecord(sim, 'default/prefers-zone-b');
    expect(['node-2', 'node-3']).toContain(r.selectedNode);
    expect(r.nodes['node-2'].scores.NodeAffinity).toMatchObject({ raw: 80, normalized: 100, weight: 2, weighted: 200 });
    expect(r.nodes['node-3'].scores.NodeAffinity).toMatchObject({ raw: 80, normalized: 100, weight: 2, weighted: 200 });
    expect(r.nodes['node-1'].scores.NodeAffinity).toMatchObject({ raw: 0, normalized: 0, weighted: 0 });
    // The total is the sum of the weighted scores of the plugins that ran.
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const d = r.nodes[node];
      expect(d.total).toBe(Object.values(d.scores).reduce((s, x) => s + (x.skipped ? 0 : x.weighted), 0));
    }
  });
});
