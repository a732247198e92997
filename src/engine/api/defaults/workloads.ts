// Defaults of the apps/v1 and batch/v1 workloads (pkg/apis/apps/v1/defaults.go,
// pkg/apis/batch/v1/defaults.go, v1.34). Each also defaults its pod template (podSpec.ts).
import { defaultPodTemplateSpec } from './podSpec';

type Obj = Record<string, any>;

const setIfUnset = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};

/** math.MaxInt32, the backoffLimit a Job with backoffLimitPerIndex gets. */
const MAX_INT32 = 2147483647;

export function defaultDeployment(d: Obj): void {
  const spec = (d.spec ??= {});
  setIfUnset(spec, 'replicas', 1);
  spec.strategy ??= {};
  setIfUnset(spec.strategy, 'type', 'RollingUpdate');
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    setIfUnset(spec.strategy.rollingUpdate, 'maxUnavailable', '25%');
    setIfUnset(spec.strategy.rollingUpdate, 'maxSurge', '25%');
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  setIfUnset(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplateSpec(spec.template);
}

export function defaultReplicaSet(rs: Obj): void {
  const spec = (rs.spec ??= {});
  setIfUnset(spec, 'replicas', 1);
  defaultPodTemplateSpec(spec.template);
}

export function defaultDaemonSet(ds: Obj): void {
  const spec = (ds.spec ??= {});
  spec.updateStrategy ??= {};
  setIfUnset(spec.updateStrategy, 'type', 'RollingUpdate');
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    setIfUnset(spec.updateStrategy.rollingUpdate, 'maxUnavailable', 1);
    setIfUnset(spec.updateStrategy.rollingUpdate, 'maxSurge', 0);
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(spec.template);
}

export function defaultStatefulSet(sts: Obj): void {
  const spec = (sts.spec ??= {});
  setIfUnset(spec, 'podManagementPolicy', 'OrderedReady');
  spec.updateStrategy ??= {};
  setIfUnset(spec.updateStrategy, 'type', 'RollingUpdate');
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    setIfUnset(spec.updateStrategy.rollingUpdate, 'partition', 0);
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  setIfUnset(spec.persistentVolumeClaimRetentionPolicy, 'whenDeleted', 'Retain');
  setIfUnset(spec.persistentVolumeClaimRetentionPolicy, 'whenScaled', 'Retain');
  setIfUnset(spec, 'replicas', 1);
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  for (const pvc of spec.volumeClaimTemplates ?? []) {
    // StatefulSet claim templates get the PVC defaults (volumeMode) and an empty status phase.
    pvc.spec ??= {};
    setIfUnset(pvc.spec, 'volumeMode', 'Filesystem');
    pvc.status ??= {};
    setIfUnset(pvc.status, 'phase', 'Pending');
    setIfUnset(pvc, 'apiVersion', 'v1');
    setIfUnset(pvc, 'kind', 'PersistentVolumeClaim');
  }
  defaultPodTemplateSpec(spec.template);
}

/** SetDefaults_Job (JobPodReplacementPolicy and JobBackoffLimitPerIndex are on in v1.34). */
export function defaultJobSpec(spec: Obj): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfUnset(spec, 'parallelism', 1);
  if (spec.backoffLimit == null) spec.backoffLimit = spec.backoffLimitPerIndex != null ? MAX_INT32 : 6;
  setIfUnset(spec, 'completionMode', 'NonIndexed');
  setIfUnset(spec, 'suspend', false);
  setIfUnset(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  defaultPodTemplateSpec(spec.template);
}

export function defaultJob(job: Obj): void {
  defaultJobSpec((job.spec ??= {}));
}

export function defaultCronJob(cj: Obj): void {
  const spec = (cj.spec ??= {});
  setIfUnset(spec, 'concurrencyPolicy', 'Allow');
  setIfUnset(spec, 'suspend', false);
  setIfUnset(spec, 'successfulJobsHistoryLimit', 3);
  setIfUnset(spec, 'failedJobsHistoryLimit', 1);
  if (spec.jobTemplate) defaultJobSpec((spec.jobTemplate.spec ??= {}));
}

/**
 * The job registry's PrepareForCreate (pkg/registry/batch/job/strategy.go generateSelector):
 * unless spec.manualSelector is true, the pod template gets the job-name and controller-uid
 * labels (legacy and batch.kubernetes.io/ forms) and the selector matches the controller uid.
 * Needs the uid the store assigns, so it runs after the uid is set and before validation.
 */
export function prepareJobForCreate(job: Record<string, any>, uid: string): Record<string, any> {
  const copy = structuredClone(job);
  const spec = (copy.spec ??= {});
  if (spec.manualSelector === true) return copy;
  const name = copy.metadata?.name ?? '';
  spec.template ??= {};
  spec.template.metadata ??= {};
  const labels = (spec.template.metadata.labels ??= {});
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) labels[k] ??= name;
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) labels[k] ??= uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  spec.selector.matchLabels['batch.kubernetes.io/controller-uid'] ??= uid;
  return copy;
}
