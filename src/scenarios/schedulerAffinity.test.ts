// Scenario: inter-pod affinity and anti-affinity across zones (ClusterConfig nodes with zones).
// Upstream (v1.34) plugins/interpodaffinity/filtering.go:
// - required anti-affinity on topology.kubernetes.io/zone: a node is rejected when a pod matching
//   the term runs anywhere in its zone ("node(s) didn't match pod anti-affinity rules");
// - required affinity: a node is rejected unless a matching pod runs in its zone ("node(s)
//   didn't match pod affinity rules"); with no matching pod in the cluster the pod can only pass
//   if it matches its own term, which this one does not;
// - a failed required affinity is UnschedulableAndUnresolvable ("Preemption is not helpful");
//   a failed anti-affinity is Unschedulable, since preempting the matching pod could help, so
//   preemption/preemption.go reports "No preemption victims found for incoming pod" when no
//   lower-priority pod is there to remove.
// types.go FitError.Error gives the "0/N nodes are available: ..." text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import type { DecisionRecord } from '../engine/scheduler';
import type { ScheduleAttemptDetail } from '../engine/scheduler/component';

const fixture = (name: string) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const sim = Simulation.load([fixture('zoned-cluster.yaml'), fixture('zone-affinity.yaml')], { seed: 1 });
sim.run({ until: 20_000, settle: false });

const records = (pod: string): DecisionRecord[] =>
  sim
    .activities()
    .filter((a) => a.type === 'ScheduleAttempt' && (a.detail as ScheduleAttemptDetail).pod === pod)
    .map((a) => (a.detail as ScheduleAttemptDetail).record);
const zoneOf = (node: string) => sim.snapshot().objects.Node!.find((n) => n.metadata.name === node)!.metadata.labels!['topology.kubernetes.io/zone'];
const pods = () => sim.snapshot().objects.Pod!.filter((p) => p.metadata.namespace === 'default');

describe('podAntiAffinity across zones', () => {
  const cache = () => pods().filter((p) => p.metadata.labels?.app === 'cache');

  it('puts one cache replica in each of the two zones', () => {
    const placed = cache().filter((p) => p.spec.nodeName);
    expect(placed).toHaveLength(2);
    expect(placed.map((p) => zoneOf(p.spec.nodeName)).sort()).toEqual(['zone-a', 'zone-b']);
  });

  it('leaves the third replica Pending: every worker zone already has a cache pod', () => {
    const pending = cache().find((p) => !p.spec.nodeName)!;
    const r = records(`default/${pending.metadata.name}`).at(-1)!;
    expect(r.result).toBe('Unschedulable');
    expect(r.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    );
    for (const n of ['node-1', 'node-2', 'node-3']) expect(r.nodes[n].filter).toMatchObject({ passed: false, plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod anti-affinity rules"] });
  });

  // Regression (was an engine bug, fixed): src/engine/apiserver/plugins.ts statusReset (PrepareForCreate) only runs for
  // component 'kubectl', so pods created by controllers (ReplicaSet, Job, StatefulSet, DaemonSet)
  // have no status.phase until a kubelet writes one. Upstream pkg/registry/core/pod/strategy.go
  // PrepareForCreate sets phase Pending (and qosClass) on every created pod, whoever creates it.
  it('shows the unscheduled replica with phase Pending', () => {
    const pending = cache().find((p) => !p.spec.nodeName)!;
    expect(pending.status.phase).toBe('Pending');
  });
});

describe('podAffinity to a zone', () => {
  it('rejects every node while no matching pod runs anywhere', () => {
    const first = records('default/near-ssd')[0];
    expect(first.result).toBe('Unschedulable');
    expect(first.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod affinity rules. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });

  it('schedules into the matching pod\'s zone once that pod is placed', () => {
    const ssdUser = pods().find((p) => p.metadata.name === 'ssd-user')!;
    const near = pods().find((p) => p.metadata.name === 'near-ssd')!;
    const last = records('default/near-ssd').at(-1)!;
    expect(last.result).toBe('Scheduled');
    expect(zoneOf(near.spec.nodeName)).toBe(zoneOf(ssdUser.spec.nodeName));
    // node-2 and node-3 are in zone-b, where no ssd-user pod runs.
    expect(last.nodes['node-2'].filter.reasons).toEqual(["node(s) didn't match pod affinity rules"]);
    expect(last.nodes['node-3'].filter.reasons).toEqual(["node(s) didn't match pod affinity rules"]);
  });
});
