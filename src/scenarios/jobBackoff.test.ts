// Scenario: a Job whose container always exits 1 (restartPolicy Never, backoffLimit 3). Upstream:
// - pkg/controller/job/job_controller.go + backoff_utils.go: each failed pod is replaced after
//   DefaultJobPodFailureBackOff (10s) doubled per consecutive failure (10s, 20s, 40s, ... capped at
//   6m), counted from the last failed pod's finish time; once failed > backoffLimit the Job gets
//   FailureTarget then Failed, reason BackoffLimitExceeded, message "Job has reached the
//   specified backoff limit", and a Warning event with that reason.
// - pkg/kubelet/kubelet_pods.go getPhase: restartPolicy Never + exit 1 => pod phase Failed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
import { virtualMsOf } from '../engine/core/time';

/** The object an Event is about (Event objects are untyped KubeObjects here). */
const involved = (e: { [field: string]: unknown }) => e.involvedObject as { kind?: string; name?: string } | undefined;

const sim = Simulation.load(readFileSync(new URL('./fixtures/failing-job.yaml', import.meta.url), 'utf8'), { seed: 1 });
sim.run({ until: 150_000, settle: false });

const podAdds = sim.events().filter((e) => e.kind === 'Pod' && e.namespace === 'default' && e.type === 'ADDED');
const job = () => sim.snapshot().objects.Job!.find((j) => j.metadata.name === 'fail')!;

describe('Job failing until backoffLimit', () => {
  it('runs backoffLimit + 1 = 4 pods, each Failed with exit code 1', () => {
    expect(podAdds).toHaveLength(4);
    const pods = sim.snapshot().objects.Pod!.filter((p) => p.metadata.namespace === 'default');
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^fail-[a-z0-9]{5}$/);
      expect(p.metadata.labels?.['job-name']).toBe('fail');
      expect(p.status.phase).toBe('Failed');
      expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    }
  });

  it('waits 10s, 20s, 40s after each failure before the next pod', () => {
    const finished = (name: string) => {
      const e = sim.events().find((x) => x.kind === 'Pod' && x.name === name && x.object.status?.phase === 'Failed')!;
      return virtualMsOf(e.object.status.containerStatuses[0].state.terminated.finishedAt)!;
    };
    const delays = podAdds.slice(1).map((e, i) => e.t - finished(podAdds[i].name));
    // finishedAt has whole seconds; the controller requeues for exactly the back-off from it.
    expect(delays).toEqual([10_000, 20_000, 40_000]);
  });

  it('fails the Job with BackoffLimitExceeded after the fourth failure', () => {
    const status = job().status;
    expect(status).toMatchObject({ active: 0, succeeded: 0, failed: 4 });
    const conditions = status.conditions.map((c: { type: string; status: string; reason: string; message: string }) => [c.type, c.status, c.reason, c.message]);
    expect(conditions).toEqual([
      ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    const events = (sim.snapshot().objects.Event ?? []).filter((e) => involved(e)?.name === 'fail' && e.reason === 'BackoffLimitExceeded');
    expect(events.map((e) => [e.type, e.message])).toEqual([['Warning', 'Job has reached the specified backoff limit']]);
  });

  it('creates no pod after the Job failed', () => {
    const failedAt = sim.events().find((e) => e.kind === 'Job' && (e.object.status?.conditions ?? []).some((c: { type: string }) => c.type === 'Failed'))!;
    expect(podAdds.every((e) => e.t < failedAt.t)).toBe(true);
  });
});
