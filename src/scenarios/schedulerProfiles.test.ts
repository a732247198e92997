// Scenario: pods that bypass or pick a scheduler. Upstream (v1.34):
// - spec.nodeName set at creation: no scheduler sees the pod; the kubelet's admission
//   (pkg/kubelet/lifecycle/predicate.go, GeneralPredicates) rejects it when it does not fit:
//   phase Failed, reason "OutOf<resource>", message "Pod was rejected: Node didn't have enough
//   resource: cpu, requested: <m>, used: <m>, capacity: <m>" (kubelet.go rejectPod), and a
//   Warning event with that reason and the message without the prefix.
// - pkg/scheduler/scheduler.go / profile: each KubeSchedulerConfiguration profile serves one
//   schedulerName; a pod whose schedulerName no profile serves is never dequeued: it stays
//   Pending with no PodScheduled condition and no events. Events for a pod are recorded by its
//   profile's recorder, so their reporting controller is that profile's schedulerName.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main';
import { Simulation } from '../engine/core/simulation';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const FILES = ['zoned-cluster.yaml', 'manual-and-named-schedulers.yaml'].map((n) => fileURLToPath(new URL(`./fixtures/${n}`, import.meta.url)));

async function explain(pod: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['schedule-explain', ...FILES, '--pod', pod, '--json', '--until', '30s'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

const sim = Simulation.load(
  FILES.map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
  { seed: 1 },
);
sim.run({ until: 30_000 });
const pod = (name: string) => sim.snapshot().objects.Pod!.find((p) => p.metadata.namespace === 'default' && p.metadata.name === name)!;
const eventsOf = (name: string) => (sim.snapshot().objects.Event ?? []).filter((e) => involved(e)?.name === name);

describe('manual scheduling with spec.nodeName', () => {
  it('fails the pod at kubelet admission with OutOfcpu when it does not fit the node', () => {
    const p = pod('manual');
    expect(p.spec.nodeName).toBe('node-1');
    expect(p.status.phase).toBe('Failed');
    expect(p.status.reason).toBe('OutOfcpu');
    expect(p.status.message).toMatch(/^Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: \d+, capacity: 2000$/);
    const ev = eventsOf('manual').find((e) => e.reason === 'OutOfcpu')!;
    expect(ev.type).toBe('Warning');
    expect(ev.message).toBe(p.status.message.replace('Pod was rejected: ', ''));
  });

  it('is NotAttempted by the scheduler', async () => {
    const r = await explain('default/manual');
    expect(r.result).toBe('NotAttempted');
    expect(r.selectedNode).toBe('node-1');
    expect(eventsOf('manual').some((e) => e.reason === 'Scheduled' || e.reason === 'FailedScheduling')).toBe(false);
  });
});

describe('schedulerName', () => {
  it('leaves a pod for a scheduler nobody runs Pending, without conditions or events', async () => {
    const p = pod('orphan');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.conditions).toBeUndefined();
    expect(eventsOf('orphan')).toEqual([]);
    const r = await explain('default/orphan');
    expect(r.result).toBe('NotAttempted');
    expect(r.schedulerName).toBe('nobodys-scheduler');
    expect(r.message).toContain('"nobodys-scheduler"');
  });

  it('schedules a pod through the second profile of the KubeSchedulerConfiguration', async () => {
    const r = await explain('default/served');
    expect(r.result).toBe('Scheduled');
    expect(r.schedulerName).toBe('my-scheduler');
    expect(r.profile).toBe('my-scheduler');
    expect(pod('served').status.phase).toBe('Running');
  });

  // Regression (was an engine bug, fixed): src/engine/scheduler/component.ts records every event with component
  // 'default-scheduler' (COMPONENT). Upstream each profile has its own recorder named after its
  // schedulerName (profile.NewMap with recorderFact(schedulerName)), so the Scheduled event of a
  // my-scheduler pod comes from my-scheduler (kubectl get events: FROM my-scheduler).
  it('records the Scheduled event from the profile\'s schedulerName', () => {
    const ev = eventsOf('served').find((e) => e.reason === 'Scheduled')!;
    expect(ev.message).toBe('Successfully assigned default/served to ' + pod('served').spec.nodeName);
    expect(ev.reportingComponent).toBe('my-scheduler');
  });
});
