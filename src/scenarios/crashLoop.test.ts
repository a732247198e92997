// Scenario: a bare pod whose container exits 1 at once (restartPolicy Always). Upstream:
// - pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff with the kubelet's back-off
//   (initial 10s, doubling, max 5m: pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff):
//   the first restart is not delayed, later ones wait 10s, 20s, 40s, 80s ...; while waiting the
//   container is Waiting/CrashLoopBackOff with message
//   "back-off <d> restarting failed container=<c> pod=<pod>_<ns>(<uid>)" and the event
//   "Back-off restarting failed container <c> in pod <pod>_<ns>(<uid>)".
// - kubectl pkg/printers/internalversion/printers.go printPod: READY 0/1, STATUS is the waiting
//   reason, RESTARTS "<n> (<age> ago)".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import { printTable } from '../kubectl/printers';
import { virtualMsOf } from '../engine/core/time';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const sim = Simulation.load(readFileSync(new URL('./fixtures/crashloop-pod.yaml', import.meta.url), 'utf8'), { seed: 1 });
sim.run({ until: 100_000, settle: false });

const podEvents = sim.events().filter((e) => e.kind === 'Pod' && e.name === 'crasher');
const status = (o: { status?: { containerStatuses?: { restartCount: number; state: Record<string, { startedAt?: string; reason?: string; message?: string }> }[] } }) => o.status?.containerStatuses?.[0];
/** Virtual times at which a new container instance appears (a new containerID in the status). */
function starts(): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const e of podEvents) {
    const state = status(e.object)?.state as Record<string, { containerID?: string }> | undefined;
    const id = state?.running?.containerID ?? state?.terminated?.containerID;
    if (id && !seen.has(id)) {
      seen.add(id);
      out.push(e.t);
    }
  }
  return out;
}

describe('CrashLoopBackOff', () => {
  it('restarts at once the first time, then after 10s, 20s, 40s', () => {
    const t = starts();
    expect(t.length).toBeGreaterThanOrEqual(5);
    const gaps = t.slice(1, 5).map((x, i) => x - t[i]);
    // gaps[0] is the immediate restart at the next pod sync (no back-off entry yet).
    expect(gaps[0]).toBeLessThan(10_000);
    expect(gaps.slice(1)).toEqual([10_000, 20_000, 40_000]);
  });

  it('shows CrashLoopBackOff with the doubling back-off in the waiting message', () => {
    const messages = [...new Set(podEvents.map((e) => status(e.object)?.state.waiting).filter((w) => w?.reason === 'CrashLoopBackOff').map((w) => w!.message))];
    const uid = podEvents[0].object.metadata.uid;
    // Durations print as Go's time.Duration.String(): 80s is 1m20s.
    expect(messages).toEqual(['10s', '20s', '40s', '1m20s'].map((d) => `back-off ${d} restarting failed container=main pod=crasher_default(${uid})`));
    const backOff = (sim.snapshot().objects.Event ?? []).find((e) => involved(e)?.name === 'crasher' && e.reason === 'BackOff')!;
    expect(backOff.type).toBe('Warning');
    expect(backOff.message).toBe(`Back-off restarting failed container main in pod crasher_default(${uid})`);
    expect(backOff.count).toBeGreaterThanOrEqual(3);
  });

  it('prints READY 0/1, STATUS CrashLoopBackOff and RESTARTS with the last restart age, as kubectl get pods', () => {
    const pod = sim.snapshot().objects.Pod!.find((p) => p.metadata.name === 'crasher')!;
    expect(pod.status.phase).toBe('Running');
    const restarts = status(pod)!.restartCount;
    expect(restarts).toBe(4);
    const text = printTable('Pod', [pod], { now: sim.now() });
    const finishedAt = virtualMsOf(pod.status.containerStatuses[0].lastState.terminated.finishedAt)!;
    const ago = Math.floor((sim.now() - finishedAt) / 1000);
    expect(text.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(text.split('\n')[1]).toMatch(new RegExp(`^crasher\\s+0/1\\s+CrashLoopBackOff\\s+4 \\(${ago}s ago\\)\\s+\\d+s$`));
  });
});
