// Scenario: a worker's kubelet stops. Upstream (v1.34):
// - pkg/controller/nodelifecycle/node_lifecycle_controller.go: after --node-monitor-grace-period
//   (50s since v1.32) without a lease renewal, tryUpdateNodeHealth sets Ready=Unknown with reason
//   NodeStatusUnknown and message "Kubelet stopped posting node status."; the node gets the
//   node.kubernetes.io/unreachable NoSchedule and NoExecute taints; RecordNodeStatusChange emits
//   "Node <name> status is now: NodeNotReady"; MarkPodsNotReady emits "Node is not ready".
// - plugin/pkg/admission/defaulttolerationseconds: pods tolerate unreachable for 300s.
// - pkg/controller/tainteviction/taint_eviction.go: after tolerationSeconds the pod gets a
//   DisruptionTarget condition (reason DeletionByTaintManager) and is deleted, with the event
//   "Marking for deletion Pod <ns>/<name>".
// - The kubelet that would finish the deletion is down, so the pod stays Terminating; the
//   ReplicaSet ignores terminating pods and creates a replacement (replica_set.go).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { KubeObject } from '../engine/api/types';
import { virtualMsOf } from '../engine/core/time';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const MANIFEST = readFileSync(new URL('./fixtures/web-deployment.yaml', import.meta.url), 'utf8');
const STOP_AT = 20_000;

const sim = Simulation.load(MANIFEST, { seed: 1, actions: [{ at: STOP_AT, action: { type: 'stop-kubelet', node: 'node-1' } }] });
sim.run({ until: STOP_AT - 1, settle: false });
const webPods = (): KubeObject[] => (sim.snapshot().objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default');
const victim = webPods().find((p) => p.spec.nodeName === 'node-1')!;
sim.run({ until: 400_000, settle: false });

const nodeEvents = () => sim.events().filter((e) => e.kind === 'Node' && e.name === 'node-1');
const ready = (node: KubeObject) => node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
const eventsFor = (name: string) => (sim.snapshot().objects.Event ?? []).filter((e) => involved(e)?.name === name);

describe('node failure: stop-kubelet on a worker', () => {
  it('has a web pod on node-1 before the kubelet stops', () => {
    expect(victim).toBeDefined();
    expect(victim.status.phase).toBe('Running');
  });

  // Regression (was an engine bug, fixed): the lease renewTime is a MicroTime (2026-01-01T00:00:10.020000Z) but
  // core/time.ts virtualMsOf drops the fraction, so nodeLifecycleController.lastProbeTime sees
  // 10.000s and marks the node Unknown at 60.001s, 49.98s after the renewal. Upstream
  // tryUpdateNodeHealth stamps probeTimestamp with its own clock when it observes a newer
  // renewTime, so Unknown can only come more than 50s after the renewal.
  it('marks the node Ready=Unknown only after 50s without a lease renewal', () => {
    const lastRenew = sim.events().filter((e) => e.kind === 'Lease' && e.name === 'node-1' && e.t <= STOP_AT).at(-1)!;
    expect(lastRenew).toBeDefined();
    const unknown = nodeEvents().find((e) => ready(e.object)?.status === 'Unknown')!;
    // The node monitor runs every 5s (--node-monitor-period), so Unknown lands within one period after the grace.
    expect(unknown.t).toBeGreaterThan(lastRenew.t + 50_000);
    expect(unknown.t).toBeLessThanOrEqual(lastRenew.t + 55_000);
  });

  it('sets Ready=Unknown with NodeStatusUnknown, and records NodeNotReady on the node and its pods', () => {
    const lastRenew = sim.events().filter((e) => e.kind === 'Lease' && e.name === 'node-1' && e.t <= STOP_AT).at(-1)!;
    const unknown = nodeEvents().find((e) => ready(e.object)?.status === 'Unknown')!;
    expect(unknown.t - lastRenew.t).toBeGreaterThan(49_000);
    expect(unknown.t - lastRenew.t).toBeLessThanOrEqual(55_000);
    expect(ready(unknown.object)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(eventsFor('node-1').some((e) => e.reason === 'NodeNotReady' && e.message === 'Node node-1 status is now: NodeNotReady')).toBe(true);
    expect(eventsFor(victim.metadata.name!).some((e) => e.reason === 'NodeNotReady' && e.message === 'Node is not ready' && e.type === 'Warning')).toBe(true);
  });

  it('taints the node node.kubernetes.io/unreachable with NoSchedule and NoExecute', () => {
    const node = sim.snapshot().objects.Node!.find((n) => n.metadata.name === 'node-1')!;
    const taints = (node.spec.taints ?? []).map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`).sort();
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
  });

  it('deletes the pod 300s (default tolerationSeconds) after the NoExecute taint, with the taint manager event', () => {
    expect(victim.spec.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    const node = sim.snapshot().objects.Node!.find((n) => n.metadata.name === 'node-1')!;
    // timeAdded is a metav1.Time (whole seconds once serialized); the taint manager counts from it.
    const timeAdded = node.spec.taints.find((t: { effect: string }) => t.effect === 'NoExecute').timeAdded as string;
    const addedMs = virtualMsOf(timeAdded)!;
    const deleted = sim.events().find((e) => e.kind === 'Pod' && e.name === victim.metadata.name && e.object.metadata.deletionTimestamp)!;
    expect(deleted.t - addedMs).toBeGreaterThanOrEqual(300_000);
    expect(deleted.t - addedMs).toBeLessThan(301_000);
    const cond = deleted.object.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget');
    expect(cond).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    expect(eventsFor(victim.metadata.name!).some((e) => e.reason === 'TaintManagerEviction' && e.message === `Marking for deletion Pod default/${victim.metadata.name}`)).toBe(true);
  });

  it('leaves the pod Terminating on the dead node and runs a replacement on node-2', () => {
    const pods = webPods();
    const old = pods.find((p) => p.metadata.name === victim.metadata.name)!;
    expect(old.metadata.deletionTimestamp).toBeDefined();
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    for (const p of live) {
      expect(p.spec.nodeName).toBe('node-2');
      expect(p.status.phase).toBe('Running');
    }
    const rs = sim.snapshot().objects.ReplicaSet!.find((r) => r.metadata.name?.startsWith('web-'))!;
    expect(rs.status.readyReplicas).toBe(3);
  });
});
