// Scenario: taints and tolerations, for the scheduler, the taint manager and DaemonSets.
// Upstream (v1.34):
// - plugins/tainttoleration/taint_toleration.go: Filter rejects untolerated NoSchedule/NoExecute
//   taints ("node(s) had untolerated taint(s)"); Score counts intolerable PreferNoSchedule taints
//   and normalizes in reverse (DefaultNormalizeScore reverse=true: the fewest gets 100), weight 3.
// - pkg/controller/tainteviction/taint_eviction.go: a pod that does not tolerate a NoExecute
//   taint is deleted at once; one that tolerates it with tolerationSeconds N is deleted N seconds
//   after the taint manager saw the taint; event "Marking for deletion Pod <ns>/<name>".
// - pkg/controller/daemon/daemon_controller.go + util/daemonset_util.go: daemon pods get
//   not-ready/unreachable NoExecute and disk-pressure, memory-pressure, pid-pressure,
//   unschedulable NoSchedule tolerations; a node is eligible only if the pod tolerates its
//   NoSchedule/NoExecute taints (the control-plane's node-role.kubernetes.io/control-plane).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { DecisionRecord } from '../engine/scheduler';
import type { ScheduleAttemptDetail } from '../engine/scheduler/component';
import type { KubeObject } from '../engine/api/types';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const fixture = (name: string) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const TAINT_AT = 30_000;

const sim = Simulation.load([fixture('tainted-cluster.yaml'), fixture('toleration-pods.yaml'), fixture('daemonsets.yaml')], {
  seed: 1,
  actions: [{ at: TAINT_AT, action: { type: 'taint', node: 'node-3', key: 'maintenance', effect: 'NoExecute' } }],
});
sim.run({ until: TAINT_AT - 1, settle: false });
const before = sim.snapshot().objects;
sim.run({ until: 120_000, settle: false });

const record = (pod: string): DecisionRecord =>
  sim
    .activities()
    .filter((a) => a.type === 'ScheduleAttempt' && (a.detail as ScheduleAttemptDetail).pod === pod)
    .map((a) => (a.detail as ScheduleAttemptDetail).record)
    .at(-1)!;
const pod = (objects: Record<string, KubeObject[]>, name: string) => objects.Pod!.find((p) => p.metadata.namespace === 'default' && p.metadata.name === name);
const deletedAt = (name: string) => sim.events().find((e) => e.kind === 'Pod' && e.name === name && e.object.metadata.deletionTimestamp)?.t;
const evictionMessage = (name: string) => (sim.snapshot().objects.Event ?? []).find((e) => involved(e)?.name === name && e.reason === 'TaintManagerEviction')?.message;

describe('NoSchedule and PreferNoSchedule', () => {
  it('filters out the NoSchedule nodes and scores the PreferNoSchedule node 0 against 100', () => {
    const r = record('default/plain');
    expect(r.nodes['node-1'].filter).toMatchObject({ passed: false, plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint(s)'], code: 'UnschedulableAndUnresolvable' });
    expect(r.nodes['control-plane'].filter).toMatchObject({ passed: false, plugin: 'TaintToleration' });
    expect(r.nodes['node-2'].scores.TaintToleration).toMatchObject({ raw: 1, normalized: 0, weight: 3, weighted: 0 });
    expect(r.nodes['node-3'].scores.TaintToleration).toMatchObject({ raw: 0, normalized: 100, weight: 3, weighted: 300 });
    expect(r.selectedNode).toBe('node-3');
  });

  it('lets a pod that tolerates dedicated=gpu:NoSchedule onto node-1', () => {
    expect(record('default/gpu').selectedNode).toBe('node-1');
    expect(pod(before, 'gpu')!.status.phase).toBe('Running');
  });
});

describe('NoExecute taint added at 30s on node-3', () => {
  it('evicts a pod without a matching toleration at once', () => {
    expect(pod(before, 'impatient')!.spec.nodeName).toBe('node-3');
    const t = deletedAt('impatient')!;
    expect(t).toBeGreaterThanOrEqual(TAINT_AT);
    expect(t).toBeLessThan(TAINT_AT + 1_000);
    expect(evictionMessage('impatient')).toBe('Marking for deletion Pod default/impatient');
  });

  // Regression (was an engine bug, fixed): src/engine/controllers/nodelifecycle/nodeLifecycleController.ts counts
  // tolerationSeconds from the taint's timeAdded and, when the taint has none (kubectl taint,
  // ClusterConfig taints), from `now` on every reconcile (earliestTaintTime), so the deadline
  // moves forward for ever and the pod is never evicted. Upstream's taint manager stores the
  // time it first saw the taint (the eviction work's CreatedAt) and deletes at that + N s.
  it('evicts a pod tolerating the taint for 60s after 60s', () => {
    const t = deletedAt('patient');
    expect(t).toBeDefined();
    expect(t!).toBeGreaterThanOrEqual(TAINT_AT + 60_000);
    expect(t!).toBeLessThan(TAINT_AT + 61_000);
    expect(evictionMessage('patient')).toBe('Marking for deletion Pod default/patient');
  });

  it('keeps the pod tolerating the taint running for its 60s', () => {
    const e = sim.events().filter((x) => x.kind === 'Pod' && x.name === 'patient' && x.t < TAINT_AT + 60_000);
    expect(e.every((x) => !x.object.metadata.deletionTimestamp)).toBe(true);
  });
});

describe('DaemonSets and the tainted control plane', () => {
  const nodesOf = (objects: Record<string, KubeObject[]>, ds: string) =>
    objects.Pod!.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet' && p.metadata.ownerReferences[0].name === ds && p.metadata.namespace === 'default')
      .map((p) => p.spec.nodeName ?? p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0])
      .sort();

  it('runs a DaemonSet that tolerates everything on all four nodes', () => {
    expect(nodesOf(before, 'everywhere')).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });

  it('runs one that tolerates only the control-plane taint on the control plane but not on the gpu node', () => {
    expect(nodesOf(before, 'with-cp')).toEqual(['control-plane', 'node-2', 'node-3']);
  });

  it('keeps one without tolerations off the control plane and the gpu node', () => {
    expect(nodesOf(before, 'plain')).toEqual(['node-2', 'node-3']);
    const ds = before.DaemonSet!.find((d) => d.metadata.name === 'plain')!;
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2 });
  });

  it('adds the daemon tolerations the DaemonSet controller always adds', () => {
    const p = before.Pod!.find((x) => x.metadata.ownerReferences?.[0]?.name === 'plain')!;
    const tols = p.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`).sort();
    expect(tols).toEqual([
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  it('loses its node-3 pod to the NoExecute taint and does not recreate it there', () => {
    expect(nodesOf(sim.snapshot().objects, 'plain')).toEqual(['node-2']);
    expect(nodesOf(sim.snapshot().objects, 'everywhere')).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });
});
