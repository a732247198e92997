// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go and utils.go) on the
// virtual clock: tracks its Jobs in status.active, creates `<cronjob>-<unix minutes>` Jobs at
// scheduled times, honours concurrencyPolicy, startingDeadlineSeconds, suspend and the history
// limits, and requeues itself for the next schedule.
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { controllerRefOf, newControllerRef, splitKey } from '../gc/ownerRefs';
import { CronParseError, nextActivation, parseCron, rfc1123z, unixMinutes, type CronSchedule } from './cron';
import { isoAt, virtualMsOf } from '../../core/time';
import { jobCondition, isJobFinished } from './jobStatus';

export const CRONJOB_NOTES = [
  'spec.timeZone is evaluated as UTC whatever zone it names (only UTC is modelled).',
  'Missed schedules beyond 100 are reported with TooManyMissedTimes and the most recent one is still started, as upstream does.',
];

/** batch.CronJobScheduledTimestampAnnotation */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

function cronJobJobs(cj: KubeObject, listers: Listers): KubeObject[] {
  return listers.dependents(cj.metadata.uid ?? '').filter((o) => o.kind === 'Job' && controllerRefOf(o)?.uid === cj.metadata.uid);
}

function keysFor(event: WatchEvent): string[] {
  if (event.kind === 'CronJob') return [`${event.namespace}/${event.name}`];
  const ref = controllerRefOf(event.object);
  return ref?.kind === 'CronJob' ? [`${event.namespace}/${ref.name}`] : [];
}

/**
 * utils.go mostRecentScheduleTime: the latest schedule time at or before now that has not been
 * processed, counted from lastScheduleTime (or creation), not earlier than startingDeadlineSeconds.
 */
export function mostRecentScheduleTime(cj: KubeObject, now: number, sched: CronSchedule): { time?: number; missed: number } {
  const last = cj.status?.lastScheduleTime ? virtualMsOf(cj.status.lastScheduleTime) : undefined;
  let earliest = last ?? virtualMsOf(cj.metadata.creationTimestamp ?? '') ?? 0;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (sds !== undefined && sds !== null) earliest = Math.max(earliest, now - sds * 1000);
  let t = nextActivation(sched, earliest);
  if (t === undefined || t > now) return { missed: 0 };
  let missed = 0;
  let latest = t;
  while (t !== undefined && t <= now) {
    latest = t;
    missed++;
    t = nextActivation(sched, t);
  }
  return { time: latest, missed };
}

/** getJobName: the scheduled time in minutes since the Unix epoch makes the name deterministic. */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${unixMinutes(scheduledMs)}`;
}

function activeRef(job: KubeObject) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    uid: job.metadata.uid,
    ...(job.metadata.resourceVersion ? { resourceVersion: job.metadata.resourceVersion } : {}),
  };
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const cj = ctx.listers.get('CronJob', namespace, name);
  if (!cj) return { writes: [] };
  const { now } = ctx;
  const writes: Write[] = [];
  const status = structuredClone(cj.status ?? {});
  let active: any[] = [...(status.active ?? [])];
  const jobs = cronJobJobs(cj, ctx.listers);

  // A Job created in an earlier sync is recorded by name until its uid is known.
  active = active.map((r) => {
    if (r.uid) return r;
    const job = jobs.find((j) => j.metadata.name === r.name);
    return job ? activeRef(job) : r;
  });
  // Reconcile status.active with the Jobs that exist (syncCronJob's first loop).
  for (const job of jobs) {
    const inActive = active.some((r) => r.uid === job.metadata.uid);
    if (!inActive && !isJobFinished(job)) {
      writes.push({ op: 'event', involved: cj, type: 'Warning', reason: 'UnexpectedJob', message: `Saw a job that the controller did not create or forgot: ${job.metadata.name}` });
    } else if (isJobFinished(job)) {
      if (inActive) {
        const cond = jobCondition(job, 'Complete') ? 'Complete' : 'Failed';
        active = active.filter((r) => r.uid !== job.metadata.uid);
        writes.push({ op: 'event', involved: cj, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${job.metadata.name}, status: ${cond}` });
      }
      const completed = jobCondition(job, 'Complete') ? job.status?.completionTime : undefined;
      if (completed && (!status.lastSuccessfulTime || completed > status.lastSuccessfulTime)) status.lastSuccessfulTime = completed;
    }
  }
  for (const ref of [...active]) {
    if (!ref.uid || jobs.some((j) => j.metadata.uid === ref.uid)) continue;
    active = active.filter((r) => r !== ref);
    writes.push({ op: 'event', involved: cj, type: 'Normal', reason: 'MissingJob', message: `Active job went missing: ${ref.name}` });
  }

  const finishWith = (requeueAfterMs?: number): Plan => {
    const nextStatus = { ...status, ...(active.length ? { active } : {}) };
    if (!active.length) delete nextStatus.active;
    if (JSON.stringify(nextStatus) !== JSON.stringify(cj.status ?? {})) {
      writes.unshift({ op: 'updateStatus', object: { ...cj, status: nextStatus }, reason: 'UpdateStatus' });
    }
    writes.push(...cleanupFinishedJobs(cj, jobs));
    // Waiting for the next schedule is upkeep: a cluster with only that left is settled.
    return requeueAfterMs === undefined ? { writes } : { writes, requeueAfterMs, background: true };
  };

  if (cj.metadata.deletionTimestamp || cj.spec?.suspend === true) return finishWith();

  let sched: CronSchedule;
  try {
    sched = parseCron(cj.spec?.schedule ?? '');
  } catch (e) {
    const detail = e instanceof CronParseError ? e.message : String(e);
    writes.push({ op: 'event', involved: cj, type: 'Warning', reason: 'UnparseableSchedule', message: `unparseable schedule: "${cj.spec?.schedule}" : ${detail}` });
    return finishWith();
  }
  const untilNext = () => {
    const next = nextActivation(sched, now);
    return next === undefined ? undefined : next - now;
  };

  const { time: scheduled, missed } = mostRecentScheduleTime(cj, now, sched);
  if (missed > 100) {
    writes.push({ op: 'event', involved: cj, type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
  }
  if (scheduled === undefined) return finishWith(untilNext());

  const sds = cj.spec?.startingDeadlineSeconds;
  if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
    writes.push({ op: 'event', involved: cj, type: 'Warning', reason: 'MissSchedule', message: `Missed scheduled time to start a job: ${rfc1123z(scheduled)}` });
    return finishWith(untilNext());
  }
  const jobName = jobNameFor(name, scheduled);
  if (active.some((r) => r.name === jobName) || ctx.listers.get('Job', namespace, jobName)) return finishWith(untilNext());

  const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && active.length > 0) {
    writes.push({ op: 'event', involved: cj, type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    return finishWith(untilNext());
  }
  if (policy === 'Replace') {
    for (const ref of active) {
      writes.push({ op: 'delete', ref: { kind: 'Job', namespace, name: ref.name }, reason: 'SuccessfulDelete', propagationPolicy: 'Background', uid: ref.uid });
      writes.push({ op: 'event', involved: cj, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${ref.name}` });
    }
    active = [];
  }

  const job = jobFromTemplate(cj, jobName, scheduled);
  writes.push({ op: 'create', object: job, reason: 'SuccessfulCreate' });
  writes.push({ op: 'event', involved: cj, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${jobName}` });
  // The uid is assigned by the API server; the next sync fills it in from the Job it sees.
  active.push({ apiVersion: 'batch/v1', kind: 'Job', name: jobName, namespace });
  status.lastScheduleTime = isoAt(scheduled);
  return finishWith(untilNext());
}

/** utils.go getJobFromTemplate2. */
export function jobFromTemplate(cj: KubeObject, jobName: string, scheduled: number): KubeObject {
  const tmpl = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName,
      namespace: cj.metadata.namespace,
      labels: { ...(tmpl.metadata?.labels ?? {}) },
      annotations: { ...(tmpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: isoAt(scheduled) },
      ownerReferences: [newControllerRef(cj)],
    },
    spec: structuredClone(tmpl.spec ?? {}),
  };
}

/** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1). */
function cleanupFinishedJobs(cj: KubeObject, jobs: KubeObject[]): Write[] {
  const writes: Write[] = [];
  const byStart = (a: KubeObject, b: KubeObject) => {
    const sa = a.status?.startTime ?? a.metadata.creationTimestamp ?? '';
    const sb = b.status?.startTime ?? b.metadata.creationTimestamp ?? '';
    return sa < sb ? -1 : sa > sb ? 1 : (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  };
  const groups: [KubeObject[], number][] = [
    [jobs.filter((j) => jobCondition(j, 'Complete') && !j.metadata.deletionTimestamp).sort(byStart), cj.spec?.successfulJobsHistoryLimit ?? 3],
    [jobs.filter((j) => jobCondition(j, 'Failed') && !j.metadata.deletionTimestamp).sort(byStart), cj.spec?.failedJobsHistoryLimit ?? 1],
  ];
  for (const [list, limit] of groups) {
    for (const job of list.slice(0, Math.max(0, list.length - limit))) {
      writes.push({ op: 'delete', ref: { kind: 'Job', namespace: job.metadata.namespace ?? '', name: job.metadata.name ?? '' }, reason: 'SuccessfulDelete', propagationPolicy: 'Background', uid: job.metadata.uid });
      writes.push({ op: 'event', involved: cj, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${job.metadata.name}` });
    }
  }
  return writes;
}

export const cronJobController: Controller = {
  name: 'cronjob-controller',
  watches: ['CronJob', 'Job'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('CronJob').map((c) => `${c.metadata.namespace}/${c.metadata.name}`),
};
