import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan, type RecordedEvent } from '../testing/applyPlan';
import { makeObject } from '../testing/builders';
import { jobController } from './jobController';
import { backoffDelayMs, JOB_TRACKING_FINALIZER } from './jobStatus';
import { withGeneratedJobSelector } from './jobSelector';
import { ttlAfterFinishedController } from './ttlAfterFinished';
import { isoAt } from '../../core/time';

function makeJob(spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject {
  return makeObject('batch/v1', 'Job', {
    name: 'pi',
    uid: 'job-uid',
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } }, ...spec },
    status,
  });
}

const podsOf = (objects: KubeObject[]) => objects.filter((o) => o.kind === 'Pod');
const jobOf = (objects: KubeObject[]) => objects.find((o) => o.kind === 'Job')!;

/** Runs the job controller once at `now` and applies its plan. */
function sync(objects: KubeObject[], now: number, events: RecordedEvent[] = []) {
  const plan = jobController.reconcile('default/pi', fakeContext(objects, now, now + 1));
  applyPlan(objects, plan, now, events);
  return plan;
}

function finishPods(objects: KubeObject[], phase: 'Succeeded' | 'Failed', count: number, at: number) {
  let done = 0;
  for (let i = 0; i < objects.length && done < count; i++) {
    const o = objects[i];
    if (o.kind !== 'Pod' || o.status?.phase === 'Succeeded' || o.status?.phase === 'Failed') continue;
    objects[i] = {
      ...o,
      status: { phase, containerStatuses: [{ name: 'pi', restartCount: 0, state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt: isoAt(at) } } }] },
    };
    done++;
  }
}

describe('job controller', () => {
  // job_controller_test.go TestControllerSyncJob "job start": parallelism 2, completions 5.
  it('creates parallelism pods with the job labels, owner reference and tracking finalizer', () => {
    const objects = [makeJob({ parallelism: 2, completions: 5 })];
    const events: RecordedEvent[] = [];
    sync(objects, 1000, events);
    const pods = podsOf(objects);
    expect(pods).toHaveLength(2);
    const pod = pods[0];
    expect(pod.metadata.generateName).toBe('pi-');
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toMatchObject({
      'batch.kubernetes.io/controller-uid': 'job-uid',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'job-uid',
      'job-name': 'pi',
    });
    expect(pod.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', uid: 'job-uid', controller: true, blockOwnerDeletion: true });
    expect(events.map((e) => `${e.reason} ${e.message}`)).toEqual(pods.map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`));
    expect(jobOf(objects).status).toMatchObject({ active: 2, startTime: isoAt(1000) });
  });

  // TestControllerSyncJob "too few active pods": completions 5, 2 succeeded => at most 3 more.
  it('never runs more pods than the completions still missing', () => {
    const objects = [makeJob({ parallelism: 5, completions: 3 }, { succeeded: 2, startTime: isoAt(0) })];
    sync(objects, 0);
    expect(podsOf(objects)).toHaveLength(1);
  });

  it('counts succeeded pods through uncountedTerminatedPods, then completes with SuccessCriteriaMet and Complete', () => {
    const objects = [makeJob({ completions: 1, parallelism: 1 })];
    const events: RecordedEvent[] = [];
    sync(objects, 0, events);
    finishPods(objects, 'Succeeded', 1, 5000);
    const uid = podsOf(objects)[0].metadata.uid;
    sync(objects, 6000, events);
    // First pass: the pod is recorded as uncounted and its finalizer removed.
    expect(jobOf(objects).status.uncountedTerminatedPods).toEqual({ succeeded: [uid] });
    expect(podsOf(objects)[0].metadata.finalizers).toEqual([]);
    expect(jobOf(objects).status.conditions.map((c: { type: string }) => c.type)).toEqual(['SuccessCriteriaMet']);
    sync(objects, 7000, events);
    const status = jobOf(objects).status;
    expect(status.succeeded).toBe(1);
    expect(status.uncountedTerminatedPods).toEqual({});
    expect(status.completionTime).toBe(isoAt(7000));
    // Condition reason/message as in test/e2e/apps/job.go WaitForJobComplete(..., JobReasonCompletionsReached).
    expect(status.conditions.find((c: { type: string }) => c.type === 'Complete')).toMatchObject({
      status: 'True',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    expect(events.at(-1)).toMatchObject({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
  });

  // backoff_utils_test.go TestGetRemainingBackoffTime: 10s doubling, capped at 6m.
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [6, 320_000],
    [7, 360_000],
    [20, 360_000],
  ])('waits the back-off after %i failures: %i ms', (failures, delay) => {
    expect(backoffDelayMs(failures)).toBe(delay);
  });

  it('waits 10s after the first failure before creating a replacement pod', () => {
    const objects = [makeJob({ completions: 1 })];
    sync(objects, 0);
    finishPods(objects, 'Failed', 1, 2000);
    sync(objects, 3000); // records the failure
    const plan = sync(objects, 4000);
    expect(podsOf(objects)).toHaveLength(1);
    expect(plan.requeueAfterMs).toBe(8000); // 10s from the failure at 2s
    sync(objects, 12_000);
    expect(podsOf(objects)).toHaveLength(2);
  });

  // TestControllerSyncJob "too many job failures": backoffLimit 0, one failed pod.
  it('fails the job with BackoffLimitExceeded once failures exceed backoffLimit', () => {
    const objects = [makeJob({ backoffLimit: 0, completions: 1 })];
    const events: RecordedEvent[] = [];
    sync(objects, 0, events);
    finishPods(objects, 'Failed', 1, 1000);
    sync(objects, 2000, events);
    expect(jobOf(objects).status.conditions.map((c: { type: string }) => c.type)).toEqual(['FailureTarget']);
    sync(objects, 3000, events);
    const failed = jobOf(objects).status.conditions.find((c: { type: string }) => c.type === 'Failed');
    expect(failed).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(jobOf(objects).status.failed).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'Warning', reason: 'BackoffLimitExceeded' });
  });

  // TestSyncJobPastDeadline "activeDeadlineSeconds less than single pod execution".
  it('deletes active pods and fails with DeadlineExceeded after activeDeadlineSeconds', () => {
    const objects = [makeJob({ activeDeadlineSeconds: 10, completions: 1 })];
    const events: RecordedEvent[] = [];
    const first = sync(objects, 0, events);
    expect(first.requeueAfterMs).toBe(10_000);
    sync(objects, 10_000, events);
    const job = jobOf(objects);
    expect(job.status.conditions[0]).toMatchObject({ type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    const pod = podsOf(objects)[0];
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(events.some((e) => e.reason === 'SuccessfulDelete' && e.message === `Deleted pod: ${pod.metadata.name}`)).toBe(true);
    // The pod is still terminating: the Job is not Failed yet.
    sync(objects, 11_000, events);
    expect(jobOf(objects).status.conditions.some((c: { type: string }) => c.type === 'Failed')).toBe(false);
    // The kubelet finishes it; the pod leaves once the finalizer is gone.
    finishPods(objects, 'Failed', 1, 12_000);
    sync(objects, 13_000, events);
    sync(objects, 14_000, events);
    expect(jobOf(objects).status.conditions.find((c: { type: string }) => c.type === 'Failed')).toMatchObject({ reason: 'DeadlineExceeded' });
  });

  it('deletes the pods of a suspended job and sets the Suspended condition', () => {
    const objects = [makeJob({ parallelism: 2, completions: 2 })];
    sync(objects, 0);
    objects[0] = { ...objects[0], spec: { ...objects[0].spec, suspend: true } };
    const events: RecordedEvent[] = [];
    sync(objects, 1000, events);
    expect(jobOf(objects).status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(podsOf(objects).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(events.filter((e) => e.reason === 'Suspended')).toHaveLength(1);
  });

  it('generates the selector and template labels the API server adds to a Job', () => {
    const job = withGeneratedJobSelector(makeJob());
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } });
    expect(job.spec.template.metadata.labels['job-name']).toBe('pi');
  });
});

describe('ttl-after-finished controller', () => {
  it('deletes a finished job ttlSecondsAfterFinished after it finished, with Foreground propagation', () => {
    const job = makeJob(
      { ttlSecondsAfterFinished: 100 },
      { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: isoAt(50_000) }] },
    );
    const early = ttlAfterFinishedController.reconcile('default/pi', fakeContext([job], 60_000));
    expect(early).toEqual({ writes: [], requeueAfterMs: 90_000, background: true });
    const due = ttlAfterFinishedController.reconcile('default/pi', fakeContext([job], 150_000));
    expect(due.writes[0]).toMatchObject({ op: 'delete', ref: { kind: 'Job', name: 'pi' }, propagationPolicy: 'Foreground' });
  });
});
