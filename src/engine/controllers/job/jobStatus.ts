// The Job controller's bookkeeping, as pure functions: which pods count as active, ready,
// terminating, newly finished; conditions; the pod-failure back-off
// (pkg/controller/job/job_controller.go, backoff_utils.go, tracking_utils.go).
import type { KubeObject } from '../../api/types';
import { isoAt, virtualMsOf } from '../../core/time';
import { isPodReady, isPodTerminal } from '../endpoints/podState';

/** batch.JobTrackingFinalizer: keeps a finished pod until the Job has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

/** job_controller.go DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 6 * 60_000;

/** Condition reasons and messages as the v1.34 job controller writes them. */
export const JOB_REASONS = {
  completionsReached: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
  backoffLimitExceeded: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadlineExceeded: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
} as const;

export interface JobCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
}

export function jobCondition(job: KubeObject, type: string): JobCondition | undefined {
  return (job.status?.conditions ?? []).find((c: JobCondition) => c.type === type && c.status === 'True');
}

/** util.IsJobFinished: a Complete or Failed condition is True. */
export function isJobFinished(job: KubeObject): boolean {
  return jobCondition(job, 'Complete') !== undefined || jobCondition(job, 'Failed') !== undefined;
}

/** The time the Job finished (the terminal condition's lastTransitionTime), in virtual ms. */
export function jobFinishTime(job: KubeObject): number | undefined {
  const c = jobCondition(job, 'Complete') ?? jobCondition(job, 'Failed');
  return c?.lastTransitionTime ? virtualMsOf(c.lastTransitionTime) : undefined;
}

export function newJobCondition(type: string, reason: string, message: string, now: number): JobCondition {
  const t = isoAt(now);
  return { type, status: 'True', lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** ensureJobConditionStatus: adds the condition, or leaves an existing True one untouched. */
export function withCondition(conditions: JobCondition[], cond: JobCondition): JobCondition[] {
  const existing = conditions.find((c) => c.type === cond.type);
  if (existing && existing.status === cond.status) return conditions;
  return [...conditions.filter((c) => c.type !== cond.type), cond];
}

export interface PodCensus {
  active: KubeObject[];
  ready: number;
  terminating: number;
  /** Finished pods still carrying the tracking finalizer: the Job has not counted them yet. */
  finishedWithFinalizer: KubeObject[];
}

export function censusOf(pods: KubeObject[]): PodCensus {
  const census: PodCensus = { active: [], ready: 0, terminating: 0, finishedWithFinalizer: [] };
  for (const pod of pods) {
    const terminal = isPodTerminal(pod);
    const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
    if (deleting && !terminal) census.terminating++; // controller.CountTerminatingPods
    if (terminal || deleting) {
      // isPodFailed with podReplacementPolicy TerminatingOrFailed (the default): a pod being
      // deleted counts as failed at once, though the Job waits for it to go before finishing.
      if (pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) census.finishedWithFinalizer.push(pod);
      continue;
    }
    census.active.push(pod);
    if (isPodReady(pod)) census.ready++;
  }
  return census;
}

/** When a pod finished: its latest container termination, else its Ready condition's last change. */
export function podFinishTime(pod: KubeObject): number {
  let latest: number | undefined;
  for (const cs of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
    const at = cs.state?.terminated?.finishedAt ? virtualMsOf(cs.state.terminated.finishedAt) : undefined;
    if (at !== undefined && (latest === undefined || at > latest)) latest = at;
  }
  if (latest !== undefined) return latest;
  const ready = (pod.status?.conditions ?? []).find((c: JobCondition) => c.type === 'Ready');
  const at = ready?.lastTransitionTime ? virtualMsOf(ready.lastTransitionTime) : undefined;
  return at ?? virtualMsOf(pod.metadata.creationTimestamp ?? '') ?? 0;
}

/**
 * backoff_utils.go getRemainingTime: after n failures since the last success the next pod waits
 * 10s * 2^(n-1), capped at 6 minutes, counted from the last failure.
 * Simplified: upstream keeps this record in memory; we rebuild it from the Job's pods.
 */
export function backoffDelayMs(failuresAfterLastSuccess: number): number {
  if (failuresAfterLastSuccess <= 0) return 0;
  let delay = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failuresAfterLastSuccess; i++) {
    delay *= 2;
    if (delay > MAX_JOB_POD_FAILURE_BACKOFF_MS) return MAX_JOB_POD_FAILURE_BACKOFF_MS;
  }
  return delay;
}

export function remainingBackoffMs(pods: KubeObject[], now: number): number {
  let lastSuccess = -Infinity;
  for (const p of pods) if (p.status?.phase === 'Succeeded') lastSuccess = Math.max(lastSuccess, podFinishTime(p));
  let failures = 0;
  let lastFailure = -Infinity;
  for (const p of pods) {
    if (p.status?.phase !== 'Failed') continue;
    const at = podFinishTime(p);
    if (at < lastSuccess) continue;
    failures++;
    lastFailure = Math.max(lastFailure, at);
  }
  if (failures === 0) return 0;
  return Math.max(0, backoffDelayMs(failures) - (now - lastFailure));
}

/** job_controller.go pastBackoffLimitOnFailure: container restarts count against the limit. */
export function pastBackoffLimitOnFailure(job: KubeObject, pods: KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    const phase = p.status?.phase;
    if (phase !== 'Running' && phase !== 'Pending') continue;
    for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
  }
  const limit = backoffLimitOf(job);
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** The API server defaults spec.backoffLimit to 6. */
export function backoffLimitOf(job: KubeObject): number {
  return job.spec?.backoffLimit ?? 6;
}

/** Deleting order for surplus active pods (controller.ActivePods): unscheduled, not ready, newest first. */
export function deletionOrder(pods: KubeObject[]): KubeObject[] {
  const rank = (p: KubeObject) => (!p.spec?.nodeName ? 0 : !isPodReady(p) ? 1 : 2);
  return [...pods].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    const ca = a.metadata.creationTimestamp ?? '', cb = b.metadata.creationTimestamp ?? '';
    return ca === cb ? 0 : ca > cb ? -1 : 1;
  });
}
