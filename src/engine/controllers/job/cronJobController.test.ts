import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { applyPlan, type RecordedEvent } from '../testing/applyPlan';
import { makeObject, ownerRef } from '../testing/builders';
import { cronJobController, jobNameFor } from './cronJobController';
import { EPOCH_MS, isoAt, virtualMsOf } from '../../core/time';

const at = (iso: string) => virtualMsOf(iso)!;

function makeCronJob(spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject {
  return makeObject('batch/v1', 'CronJob', {
    name: 'hello',
    uid: 'cj-uid',
    created: at('2026-01-01T00:00:00Z'),
    spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { labels: { app: 'hello' } }, spec: { template: { spec: { containers: [] } } } }, ...spec },
    status,
  });
}

function finishedJob(cj: KubeObject, name: string, type: 'Complete' | 'Failed', start: string): KubeObject {
  return makeObject('batch/v1', 'Job', {
    name,
    uid: `uid-${name}`,
    ownerReferences: [ownerRef(cj)],
    status: { startTime: start, completionTime: type === 'Complete' ? start : undefined, conditions: [{ type, status: 'True' }] },
  });
}

function sync(objects: KubeObject[], now: number, events: RecordedEvent[] = []) {
  const plan = cronJobController.reconcile('default/hello', fakeContext(objects, now));
  applyPlan(objects, plan, now, events);
  return plan;
}

describe('cronjob controller', () => {
  // cronjob_controllerv2_test.go "never ran, not time": nothing to do, requeue for the next slot.
  it('waits for the first schedule and requeues exactly until then', () => {
    const objects = [makeCronJob()];
    const plan = sync(objects, at('2026-01-01T00:02:00Z'));
    expect(plan.writes).toEqual([]);
    expect(plan.requeueAfterMs).toBe(3 * 60_000);
  });

  // "never ran, is time": a Job named <cronjob>-<minutes since epoch> with the scheduled-timestamp annotation.
  it('creates the job for the scheduled time and records it in status', () => {
    const objects = [makeCronJob()];
    const events: RecordedEvent[] = [];
    const plan = sync(objects, at('2026-01-01T00:05:10Z'), events);
    const scheduled = at('2026-01-01T00:05:00Z');
    const name = `hello-${(EPOCH_MS + scheduled) / 60000}`;
    expect(jobNameFor('hello', scheduled)).toBe(name);
    const job = objects.find((o) => o.kind === 'Job')!;
    expect(job.metadata.name).toBe(name);
    expect(job.metadata.labels).toEqual({ app: 'hello' });
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:05:00Z' });
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    expect(events).toContainEqual(expect.objectContaining({ reason: 'SuccessfulCreate', message: `Created job ${name}` }));
    const cj = objects[0];
    expect(cj.status.lastScheduleTime).toBe('2026-01-01T00:05:00Z');
    expect(cj.status.active).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name, namespace: 'default' }]);
    expect(plan.requeueAfterMs).toBe(at('2026-01-01T00:10:00Z') - at('2026-01-01T00:05:10Z'));
  });

  it('reports a finished active job with SawCompletedJob and records lastSuccessfulTime', () => {
    const cj = makeCronJob({}, { lastScheduleTime: '2026-01-01T00:05:00Z', active: [{ kind: 'Job', name: 'hello-1', uid: 'uid-hello-1' }] });
    const objects = [cj, finishedJob(cj, 'hello-1', 'Complete', '2026-01-01T00:05:03Z')];
    const events: RecordedEvent[] = [];
    sync(objects, at('2026-01-01T00:06:00Z'), events);
    expect(events[0]).toMatchObject({ reason: 'SawCompletedJob', message: 'Saw completed job: hello-1, status: Complete' });
    expect(objects[0].status.active).toBeUndefined();
    expect(objects[0].status.lastSuccessfulTime).toBe('2026-01-01T00:05:03Z');
  });

  // "prev ran but not done, is time, F" (Forbid): no new job.
  it('does not start a job while one is active under concurrencyPolicy Forbid', () => {
    const cj = makeCronJob({ concurrencyPolicy: 'Forbid' }, { lastScheduleTime: '2026-01-01T00:05:00Z', active: [{ kind: 'Job', name: 'hello-1', uid: 'uid-1' }] });
    const running = makeObject('batch/v1', 'Job', { name: 'hello-1', uid: 'uid-1', ownerReferences: [ownerRef(cj)], status: {} });
    const events: RecordedEvent[] = [];
    sync([cj, running], at('2026-01-01T00:10:01Z'), events);
    expect(events.map((e) => e.message)).toEqual(['Not starting job because prior execution is running and concurrency policy is Forbid']);
  });

  // "prev ran but not done, is time, R" (Replace): the old job is deleted, a new one created.
  it('replaces the active job under concurrencyPolicy Replace', () => {
    const cj = makeCronJob({ concurrencyPolicy: 'Replace' }, { lastScheduleTime: '2026-01-01T00:05:00Z', active: [{ kind: 'Job', name: 'hello-1', uid: 'uid-1' }] });
    const running = makeObject('batch/v1', 'Job', { name: 'hello-1', uid: 'uid-1', ownerReferences: [ownerRef(cj)], status: {} });
    const plan = cronJobController.reconcile('default/hello', fakeContext([cj, running], at('2026-01-01T00:10:01Z')));
    const ops = plan.writes.filter((w) => w.op !== 'event' && w.op !== 'updateStatus').map((w) => w.op);
    expect(ops).toEqual(['delete', 'create']);
  });

  // "prev ran but not done, is time, A" (Allow): runs alongside.
  it('starts another job alongside an active one under Allow', () => {
    const cj = makeCronJob({}, { lastScheduleTime: '2026-01-01T00:05:00Z', active: [{ kind: 'Job', name: 'hello-1', uid: 'uid-1' }] });
    const running = makeObject('batch/v1', 'Job', { name: 'hello-1', uid: 'uid-1', ownerReferences: [ownerRef(cj)], status: {} });
    const objects = [cj, running];
    sync(objects, at('2026-01-01T00:10:01Z'));
    expect(objects.filter((o) => o.kind === 'Job')).toHaveLength(2);
  });

  // "never ran, is time, suspended": nothing.
  it('does nothing while suspended', () => {
    const objects = [makeCronJob({ suspend: true })];
    expect(sync(objects, at('2026-01-01T00:05:10Z')).writes).toEqual([]);
  });

  // "never ran, is time, past deadline": MissSchedule.
  it('reports MissSchedule when the schedule is older than startingDeadlineSeconds', () => {
    const objects = [makeCronJob({ schedule: '0 * * * *', startingDeadlineSeconds: 10 })];
    // Startup 30s after the hour: the 01:00 slot is 30s old, more than the 10s deadline.
    const cj = objects[0];
    cj.status = { lastScheduleTime: '2026-01-01T00:00:00Z' };
    const events: RecordedEvent[] = [];
    sync(objects, at('2026-01-01T01:00:30Z'), events);
    expect(events).toEqual([]); // beyond the deadline the slot is not even considered
    const late = sync(objects, at('2026-01-01T01:00:05Z'), events);
    expect(late.writes.some((w) => w.op === 'create')).toBe(true);
  });

  it('keeps three successful and one failed finished jobs', () => {
    const cj = makeCronJob({ suspend: true });
    const objects = [
      cj,
      ...[1, 2, 3, 4].map((i) => finishedJob(cj, `ok-${i}`, 'Complete', isoAt(i * 1000))),
      ...[1, 2].map((i) => finishedJob(cj, `bad-${i}`, 'Failed', isoAt(i * 1000))),
    ];
    const events: RecordedEvent[] = [];
    sync(objects, 10_000, events);
    expect(events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual(['Deleted job ok-1', 'Deleted job bad-1']);
  });

  it('reports an unparseable schedule', () => {
    const events: RecordedEvent[] = [];
    sync([makeCronJob({ schedule: '61 * * * *' })], 0, events);
    expect(events[0]).toMatchObject({ type: 'Warning', reason: 'UnparseableSchedule' });
    expect(events[0].message).toMatch(/^unparseable schedule: "61 \* \* \* \*" : /);
  });
});
