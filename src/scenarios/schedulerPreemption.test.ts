// Scenario: a high-priority pod preempts a low-priority one. Three batch pods (priority 0,
// 1500m CPU each) fill the three 2-CPU workers; at 20s a pod of PriorityClass "high" (1000)
// asking for 1500m arrives. Upstream (v1.34):
// - plugins/defaultpreemption/default_preemption.go + preemption/preemption.go: PostFilter picks
//   one node and the minimal set of lower-priority victims (one batch pod), sets the preemptor's
//   status.nominatedNodeName, and on success the FailedScheduling message has no "preemption:"
//   part (PostFilter status is Success with an empty message).
// - preemption/executor.go prepareCandidate: each victim gets the DisruptionTarget condition
//   (reason PreemptionByScheduler, message "<scheduler>: preempting to accommodate a higher
//   priority pod"), is deleted, and gets a Normal "Preempted" event
//   "Preempted by pod <preemptor uid> on node <node>".
// - PodEligibleToPreemptOthers: while a lower-priority pod on the nominated node is still
//   terminating, the preemptor does not preempt again; it waits and then binds to that node.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { KubeObject } from '../engine/api/types';
import type { DecisionRecord } from '../engine/scheduler';
import type { ScheduleAttemptDetail } from '../engine/scheduler/component';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const fixture = (name: string) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const ARRIVES_AT = 20_000;
const urgent: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'urgent', namespace: 'default' },
  spec: { priorityClassName: 'high', containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '1500m' } } }] },
};

const sim = Simulation.load([fixture('zoned-cluster.yaml'), fixture('low-priority-fill.yaml')], { seed: 1, actions: [{ at: ARRIVES_AT, action: { type: 'apply', objects: [urgent] } }] });
sim.run({ until: ARRIVES_AT - 1, settle: false });
const batchBefore = sim.snapshot().objects.Pod!.filter((p) => p.metadata.labels?.app === 'batch');
sim.run({ until: 90_000, settle: false });

const attempts = (): DecisionRecord[] =>
  sim
    .activities()
    .filter((a) => a.type === 'ScheduleAttempt' && (a.detail as ScheduleAttemptDetail).pod === 'default/urgent')
    .map((a) => (a.detail as ScheduleAttemptDetail).record);
const preemptedEvents = () => (sim.snapshot().objects.Event ?? []).filter((e) => e.reason === 'Preempted');
const victimWrites = () => sim.events().filter((e) => e.kind === 'Pod' && e.reason === 'Preempted');
const first = () => attempts()[0];

describe('preemption by a high-priority pod', () => {
  it('starts with one running batch pod per worker', () => {
    expect(batchBefore.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('fails the first attempt on Insufficient cpu and nominates a node with one victim', () => {
    const r = first();
    expect(r.result).toBe('Unschedulable');
    expect(r.message).toBe('0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu.');
    expect(r.preemption?.nominatedNode).toMatch(/^node-[123]$/);
    expect(r.preemption?.victims).toHaveLength(1);
    const victim = batchBefore.find((p) => `default/${p.metadata.name}` === r.preemption!.victims[0])!;
    expect(victim.spec.nodeName).toBe(r.preemption!.nominatedNode);
    const urgentAfter = sim.events().find((e) => e.kind === 'Pod' && e.name === 'urgent' && e.object.status?.nominatedNodeName)!;
    expect(urgentAfter.object.status.nominatedNodeName).toBe(r.preemption!.nominatedNode);
  });

  it('records the Preempted event on the victim with the preemptor uid and node', () => {
    const uid = sim.snapshot().objects.Pod!.find((p) => p.metadata.name === 'urgent')!.metadata.uid;
    const node = first().preemption!.nominatedNode;
    const victim = first().preemption!.victims[0].split('/')[1];
    const ev = preemptedEvents().find((e) => involved(e)?.name === victim)!;
    expect(ev).toMatchObject({ type: 'Normal', message: `Preempted by pod ${uid} on node ${node}` });
  });

  it('ends with the urgent pod Running', () => {
    const p = sim.snapshot().objects.Pod!.find((x) => x.metadata.name === 'urgent')!;
    expect(p.spec.priority).toBe(1000);
    expect(p.status.phase).toBe('Running');
  });

  // Regression (was an engine bug, fixed): src/engine/scheduler/component.ts preempt() deletes the victim without first
  // writing the DisruptionTarget condition (reason PreemptionByScheduler) that upstream's
  // preemption executor adds before deleting.
  it('marks the victim with DisruptionTarget / PreemptionByScheduler before deleting it', () => {
    const w = victimWrites()[0];
    const cond = (w.object.status?.conditions ?? []).find((c: { type: string }) => c.type === 'DisruptionTarget');
    expect(cond).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
  });

  // Regression (was an engine bug, fixed): while the first victim is still terminating (busybox `sleep` ignores SIGTERM, so
  // it takes the 30s grace period), the next attempts preempt again on other nodes: three batch
  // pods are killed for one 1500m pod and it lands on another node than the one it nominated.
  // Upstream PodEligibleToPreemptOthers refuses while a lower-priority pod on the nominated node
  // is terminating ("not eligible due to a terminating pod on the nominated node."), so exactly
  // one victim is preempted and the pod binds to its nominated node.
  it('preempts exactly one pod and binds the preemptor to its nominated node', () => {
    expect(victimWrites()).toHaveLength(1);
    const p = sim.snapshot().objects.Pod!.find((x) => x.metadata.name === 'urgent')!;
    expect(p.spec.nodeName).toBe(first().preemption!.nominatedNode);
  });
});
