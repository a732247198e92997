// The labels that tie a Job to its pods. The API server generates the Job's selector and
// template labels on create (pkg/registry/batch/job/strategy.go generateSelector); the Job
// controller's pods carry them. batch.kubernetes.io/* are the v1.27+ names; the unprefixed
// `controller-uid` and `job-name` are kept for compatibility, as upstream still does.
import type { KubeObject } from '../../api/types';

export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
} as const;

/** The four labels every pod of this Job carries. */
export function jobPodLabels(job: KubeObject): Record<string, string> {
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  return {
    [JOB_LABELS.controllerUid]: uid,
    [JOB_LABELS.jobName]: name,
    [JOB_LABELS.legacyControllerUid]: uid,
    [JOB_LABELS.legacyJobName]: name,
  };
}

/**
 * What the API server adds to a new Job unless spec.manualSelector is true: the generated
 * selector (matchLabels on the controller uid) and the labels in the pod template. Call after
 * the uid is assigned. Returns a new object.
 */
export function withGeneratedJobSelector(job: KubeObject): KubeObject {
  if (job.spec?.manualSelector === true) return job;
  const next = structuredClone(job);
  const labels = jobPodLabels(job);
  next.spec = next.spec ?? {};
  next.spec.template = next.spec.template ?? {};
  next.spec.template.metadata = next.spec.template.metadata ?? {};
  next.spec.template.metadata.labels = { ...(next.spec.template.metadata.labels ?? {}), ...labels };
  next.spec.selector = { matchLabels: { [JOB_LABELS.controllerUid]: labels[JOB_LABELS.controllerUid] } };
  return next;
}
