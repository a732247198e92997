// Scenario: kubectl drain of a worker that runs two of three web pods, under a
// PodDisruptionBudget with minAvailable: 2. Upstream:
// - staging/src/k8s.io/kubectl/pkg/drain/drain.go + cmd/drain: cordon, skip DaemonSet pods with
//   a warning, evict through the Eviction API, and on a 429 print
//   `error when evicting pods/"<pod>" -n "<ns>" (will retry after 5s): <message>` and retry.
// - pkg/registry/core/pod/storage/eviction.go: refuses with "Cannot evict pod as it would violate
//   the pod's disruption budget." when status.disruptionsAllowed is 0; an allowed eviction
//   decrements disruptionsAllowed and records the pod in status.disruptedPods.
// - pkg/controller/disruption/disruption.go: desiredHealthy = minAvailable, disruptionsAllowed =
//   currentHealthy - desiredHealthy, condition DisruptionAllowed with reasons SufficientPods /
//   InsufficientPods.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { KubeObject } from '../engine/api/types';

const fixture = (name: string) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const DRAIN_AT = 30_000;

const sim = Simulation.load([fixture('web-deployment.yaml'), fixture('web-pdb.yaml')], { seed: 1, actions: [{ at: DRAIN_AT, action: { type: 'drain', node: 'node-1' } }] });
sim.run({ until: DRAIN_AT - 1, settle: false });
const before = sim.snapshot();
sim.run({ until: 120_000 });

const webPods = (objects: Record<string, KubeObject[]>) => (objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default');
const isReady = (p: KubeObject) => (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
const onNode1 = webPods(before.objects).filter((p) => p.spec.nodeName === 'node-1').map((p) => p.metadata.name!).sort();
/** When the pod got its deletionTimestamp (the eviction). */
const evictedAt = (name: string) => sim.events().find((e) => e.kind === 'Pod' && e.name === name && e.object.metadata.deletionTimestamp)?.t;

describe('drain with a PodDisruptionBudget (minAvailable: 2)', () => {
  it('starts with two web pods on node-1 and one disruption allowed', () => {
    expect(onNode1).toHaveLength(2);
    const pdb = before.objects.PodDisruptionBudget![0];
    expect(pdb.status).toMatchObject({ disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 });
    expect(pdb.status.conditions[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods' });
  });

  it('cordons, evicts one pod and is refused for the other, as kubectl drain prints', () => {
    const message = sim.actionLog()[0].result.message.split('\n');
    const [first, second] = onNode1.map((n) => `default/${n}`);
    expect(message[0]).toBe('node/node-1 cordoned');
    expect(message[1]).toMatch(/^Warning: ignoring DaemonSet-managed Pods: /);
    // Which of the two goes first is the drain's pod order; exactly one is evicted at once.
    const evicted = message.filter((l) => l.startsWith('evicting pod default/'));
    const refused = message.filter((l) => l.startsWith('error when evicting'));
    expect(evicted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const refusedPod = [first, second].find((p) => !evicted[0].endsWith(p))!;
    const [ns, name] = refusedPod.split('/');
    expect(refused[0]).toBe(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
  });

  it('drops the budget to zero disruptions (InsufficientPods) right after the first eviction', () => {
    const afterEviction = sim.events().find((e) => e.kind === 'PodDisruptionBudget' && e.t === DRAIN_AT)!;
    expect(afterEviction.object.status.disruptionsAllowed).toBe(0);
    expect(Object.keys(afterEviction.object.status.disruptedPods ?? {})).toHaveLength(1);
    expect(afterEviction.object.status.conditions[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });

  it('evicts the second pod on a 5s retry only after the replacement is Ready', () => {
    const times = onNode1.map((n) => evictedAt(n)!).sort((a, b) => a - b);
    expect(times[0]).toBe(DRAIN_AT);
    expect(times[1]).toBe(DRAIN_AT + 5_000);
    const replacementReady = sim.events().find((e) => e.kind === 'Pod' && e.t > DRAIN_AT && !onNode1.includes(e.name) && e.namespace === 'default' && isReady(e.object))!;
    expect(replacementReady.t).toBeLessThan(times[1]);
    const allowedAgain = sim.events().find((e) => e.kind === 'PodDisruptionBudget' && e.t > DRAIN_AT && e.t < times[1] && e.object.status.disruptionsAllowed === 1);
    expect(allowedAgain).toBeDefined();
  });

  it('never has fewer than two ready, non-terminating web pods during the drain', () => {
    const pods = new Map<string, KubeObject>();
    let minimum = Infinity;
    for (const e of sim.events()) {
      if (e.kind !== 'Pod' || e.namespace !== 'default') continue;
      if (e.type === 'DELETED') pods.delete(e.name);
      else pods.set(e.name, e.object);
      if (e.t >= DRAIN_AT) minimum = Math.min(minimum, [...pods.values()].filter((p) => isReady(p) && !p.metadata.deletionTimestamp).length);
    }
    expect(minimum).toBe(2);
  });

  it('ends with node-1 cordoned and all three web pods Running on node-2', () => {
    const after = sim.snapshot().objects;
    expect(after.Node!.find((n) => n.metadata.name === 'node-1')!.spec.unschedulable).toBe(true);
    const pods = webPods(after);
    expect(pods.map((p) => [p.spec.nodeName, p.status.phase])).toEqual([
      ['node-2', 'Running'],
      ['node-2', 'Running'],
      ['node-2', 'Running'],
    ]);
    expect(after.PodDisruptionBudget![0].status).toMatchObject({ disruptionsAllowed: 1, currentHealthy: 3 });
  });
});
