// The Job controller (pkg/controller/job/job_controller.go, v1.34 behaviour): runs pods until
// `completions` succeed, `parallelism` at a time, with exponential back-off after failures,
// fails the Job past backoffLimit or activeDeadlineSeconds, and tracks finished pods with the
// `batch.kubernetes.io/job-tracking` finalizer and status.uncountedTerminatedPods.
//
// Terminal conditions are delayed as v1.31+ does (JobPodReplacementPolicy/JobManagedBy on):
// SuccessCriteriaMet / FailureTarget first, Complete / Failed once no pod is terminating and
// every finished pod is counted.
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { cloneForWrite, controllerRefOf, newControllerRef, splitKey } from '../gc/ownerRefs';
import {
  JOB_REASONS,
  JOB_TRACKING_FINALIZER,
  backoffLimitOf,
  censusOf,
  deletionOrder,
  isJobFinished,
  jobCondition,
  newJobCondition,
  pastBackoffLimitOnFailure,
  remainingBackoffMs,
  withCondition,
  type JobCondition,
} from './jobStatus';
import { isoAt, virtualMsOf } from '../../core/time';
import { jobPodLabels } from './jobSelector';

export const JOB_CONTROLLER_NOTES = [
  'Indexed completion mode, podFailurePolicy, successPolicy and managedBy are not modelled: Jobs run in NonIndexed mode.',
  'The pod-failure back-off is rebuilt from the Job\'s pods each sync (upstream keeps it in memory).',
  'Pod names are chosen by the controller from the seeded RNG in the API server\'s generateName form, so the SuccessfulCreate event can name the pod.',
];

const ORPHAN_PREFIX = 'orphan-pod:';

function jobPods(job: KubeObject, listers: Listers): KubeObject[] {
  return listers.dependents(job.metadata.uid ?? '').filter((o) => o.kind === 'Pod' && controllerRefOf(o)?.uid === job.metadata.uid);
}

function keysFor(event: WatchEvent, listers: Listers): string[] {
  const obj = event.object;
  if (event.kind === 'Job') return [`${event.namespace}/${event.name}`];
  if (event.kind !== 'Pod') return [];
  const ref = controllerRefOf(obj);
  if (!ref || ref.kind !== 'Job') return [];
  const job = listers.get('Job', event.namespace, ref.name);
  if (job && job.metadata.uid === ref.uid) return [`${event.namespace}/${ref.name}`];
  // The owner is gone: release the pod's tracking finalizer so it can be deleted.
  if (event.type !== 'DELETED' && obj.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) {
    return [`${ORPHAN_PREFIX}${event.namespace}/${event.name}`];
  }
  return [];
}

function withoutTrackingFinalizer(pod: KubeObject): KubeObject {
  const next = cloneForWrite(pod);
  next.metadata.finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  return next;
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  if (key.startsWith(ORPHAN_PREFIX)) {
    const { namespace, name } = splitKey(key.slice(ORPHAN_PREFIX.length));
    const pod = ctx.listers.get('Pod', namespace, name);
    if (!pod || !pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return { writes: [] };
    return { writes: [{ op: 'update', object: withoutTrackingFinalizer(pod), reason: 'RemoveTrackingFinalizer' }] };
  }
  const { namespace, name } = splitKey(key);
  const job = ctx.listers.get('Job', namespace, name);
  if (!job) return { writes: [] };
  const pods = jobPods(job, ctx.listers);
  if (isJobFinished(job) || job.metadata.deletionTimestamp) {
    // A finished or deleted Job still lets go of its pods' finalizers.
    const writes: Write[] = pods
      .filter((p) => p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER))
      .map((p) => ({ op: 'update', object: withoutTrackingFinalizer(p), reason: 'RemoveTrackingFinalizer' }));
    return { writes };
  }
  return syncJob(job, pods, ctx);
}

function syncJob(job: KubeObject, pods: KubeObject[], ctx: ReconcileContext): Plan {
  const { now } = ctx;
  const writes: Write[] = [];
  const after: Write[] = [];
  const status = structuredClone(job.status ?? {});
  let conditions: JobCondition[] = status.conditions ?? [];
  const suspended = job.spec?.suspend === true;
  let requeueAfterMs: number | undefined;
  const requeue = (ms: number) => {
    requeueAfterMs = requeueAfterMs === undefined ? ms : Math.min(requeueAfterMs, ms);
  };

  if (!suspended && !status.startTime) status.startTime = isoAt(now);

  // Counting finished pods (tracking_utils.go / trackJobStatusAndRemoveFinalizers): first
  // record their uids as uncounted, then drop their finalizers, then add them to the counters.
  const uncounted = { succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(status.uncountedTerminatedPods?.failed ?? [])] };
  const byUid = new Map(pods.map((p) => [p.metadata.uid, p]));
  let succeeded = status.succeeded ?? 0;
  let failed = status.failed ?? 0;
  for (const list of ['succeeded', 'failed'] as const) {
    uncounted[list] = uncounted[list].filter((uid: string) => {
      const pod = byUid.get(uid);
      if (pod && pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return true;
      if (list === 'succeeded') succeeded++;
      else failed++;
      return false;
    });
  }
  const census = censusOf(pods);
  for (const pod of census.finishedWithFinalizer) {
    const list = pod.status?.phase === 'Succeeded' ? uncounted.succeeded : uncounted.failed;
    if (!list.includes(pod.metadata.uid)) list.push(pod.metadata.uid);
    after.push({ op: 'update', object: withoutTrackingFinalizer(pod), reason: 'RemoveTrackingFinalizer' });
  }
  const totalSucceeded = succeeded + uncounted.succeeded.length;
  const totalFailed = failed + uncounted.failed.length;

  // What ends the Job (syncJob): back-off limit, then deadline, then enough successes.
  let finished: JobCondition | undefined = jobCondition(job, 'FailureTarget') ?? jobCondition(job, 'SuccessCriteriaMet');
  const startMs = status.startTime ? virtualMsOf(status.startTime) : undefined;
  if (!finished) {
    const deadline = job.spec?.activeDeadlineSeconds;
    if (totalFailed > backoffLimitOf(job) || pastBackoffLimitOnFailure(job, pods)) {
      finished = newJobCondition('FailureTarget', JOB_REASONS.backoffLimitExceeded.reason, JOB_REASONS.backoffLimitExceeded.message, now);
    } else if (deadline !== undefined && !suspended && startMs !== undefined && now - startMs >= deadline * 1000) {
      finished = newJobCondition('FailureTarget', JOB_REASONS.deadlineExceeded.reason, JOB_REASONS.deadlineExceeded.message, now);
    } else if (deadline !== undefined && !suspended && startMs !== undefined) {
      requeue(startMs + deadline * 1000 - now);
    }
  }

  let active = census.active;
  if (finished) {
    // Prepare to finish: every active pod goes.
    for (const pod of active) writes.push(...deletePod(job, pod));
    active = [];
  } else if (suspended) {
    for (const pod of active) writes.push(...deletePod(job, pod));
    active = [];
  } else {
    const parallelism = job.spec?.parallelism ?? 1;
    const completions: number | undefined = job.spec?.completions ?? undefined;
    let wantActive: number;
    if (completions === undefined || completions === null) wantActive = totalSucceeded > 0 ? active.length : parallelism;
    else wantActive = Math.max(0, Math.min(parallelism, completions - totalSucceeded));
    if (active.length > wantActive) {
      const surplus = deletionOrder(active).slice(0, active.length - wantActive);
      for (const pod of surplus) writes.push(...deletePod(job, pod));
      active = active.filter((p) => !surplus.includes(p));
    } else if (active.length < wantActive) {
      const wait = remainingBackoffMs(pods, now);
      if (wait > 0) requeue(wait);
      else {
        for (let i = active.length; i < wantActive; i++) writes.push(...createPod(job, ctx));
      }
    }
    const complete =
      completions === undefined || completions === null ? totalSucceeded > 0 && active.length === 0 : totalSucceeded >= completions && active.length === 0;
    if (complete) finished = newJobCondition('SuccessCriteriaMet', JOB_REASONS.completionsReached.reason, JOB_REASONS.completionsReached.message, now);
  }

  // Suspension is a condition too (JobSuspended / JobResumed).
  const suspendedCond = conditions.find((c) => c.type === 'Suspended');
  if (suspended && suspendedCond?.status !== 'True') {
    conditions = withCondition(conditions, newJobCondition('Suspended', 'JobSuspended', 'Job suspended', now));
    writes.push({ op: 'event', involved: job, type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
  } else if (!suspended && suspendedCond?.status === 'True') {
    conditions = withCondition(conditions, { ...newJobCondition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' });
    status.startTime = isoAt(now);
    writes.push({ op: 'event', involved: job, type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
  }

  if (finished) conditions = withCondition(conditions, finished);
  const deletedNow = writes.filter((w) => w.op === 'delete').length;
  const terminating = census.terminating + deletedNow;
  // enactJobFinished: the terminal condition waits for counted pods and no terminating ones.
  let terminal: JobCondition | undefined;
  if (finished && uncounted.succeeded.length === 0 && uncounted.failed.length === 0 && terminating === 0) {
    terminal = newJobCondition(finished.type === 'FailureTarget' ? 'Failed' : 'Complete', finished.reason ?? '', finished.message ?? '', now);
    conditions = withCondition(conditions, terminal);
    if (terminal.type === 'Complete') status.completionTime = terminal.lastTransitionTime;
  }

  const createdNow = writes.filter((w) => w.op === 'create').length;
  const nextStatus = {
    ...status,
    active: active.length + createdNow,
    ready: census.ready,
    succeeded,
    failed,
    terminating,
    uncountedTerminatedPods: uncounted.succeeded.length || uncounted.failed.length ? pruneEmpty(uncounted) : {},
    ...(conditions.length ? { conditions } : {}),
  };
  if (!status.startTime) delete nextStatus.startTime;
  if (JSON.stringify(nextStatus) !== JSON.stringify(job.status ?? {})) {
    writes.unshift({ op: 'updateStatus', object: { ...job, status: nextStatus }, reason: terminal ? terminal.type : 'UpdateStatus' });
  }
  writes.push(...after);
  if (terminal) {
    // recordJobFinished
    if (terminal.type === 'Complete') {
      const completions = job.spec?.completions;
      if (completions != null && succeeded > completions) {
        writes.push({ op: 'event', involved: job, type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
      }
      writes.push({ op: 'event', involved: job, type: 'Normal', reason: 'Completed', message: 'Job completed' });
    } else {
      writes.push({ op: 'event', involved: job, type: 'Warning', reason: terminal.reason ?? '', message: terminal.message ?? '' });
    }
  }
  return requeueAfterMs === undefined ? { writes } : { writes, requeueAfterMs };
}

function pruneEmpty(u: { succeeded: string[]; failed: string[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (u.succeeded.length) out.succeeded = u.succeeded;
  if (u.failed.length) out.failed = u.failed;
  return out;
}

function deletePod(job: KubeObject, pod: KubeObject): Write[] {
  const ns = pod.metadata.namespace ?? '';
  return [
    { op: 'delete', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name ?? '' }, reason: 'SuccessfulDelete', uid: pod.metadata.uid },
    { op: 'event', involved: job, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}` },
  ];
}

function createPod(job: KubeObject, ctx: ReconcileContext): Write[] {
  const template = job.spec?.template ?? {};
  const generateName = `${job.metadata.name}-`;
  // The API server's names.SimpleNameGenerator form, drawn here so the event can name the pod.
  const name = generateName + ctx.rng.string(5);
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName,
      namespace: job.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), ...jobPodLabels(job) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(job)],
      finalizers: [JOB_TRACKING_FINALIZER],
    },
    spec: structuredClone(template.spec ?? {}),
  };
  return [
    { op: 'create', object: pod, reason: 'SuccessfulCreate' },
    { op: 'event', involved: job, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}` },
  ];
}

export const jobController: Controller = {
  name: 'job-controller',
  watches: ['Job', 'Pod'],
  keysFor,
  reconcile,
  initialKeys: (listers) => listers.list('Job').map((j) => `${j.metadata.namespace}/${j.metadata.name}`),
};
