// Workload validation: apps/v1 (pkg/apis/apps/validation/validation.go ValidateDeploymentSpec,
// ValidateReplicaSetSpec, ValidateDaemonSetSpec, ValidateStatefulSetSpec and their Update
// functions), batch/v1 (pkg/apis/batch/validation/validation.go) and ReplicationController
// (pkg/apis/core/validation ValidateReplicationControllerSpec).
import { type FieldError, forbidden, invalid, notSupported, required } from './fieldError';
import { selectorIsEmpty, selectorIsUsable, selectorMatches, selectorValue, sortedMap, validateLabels, validateLabelSelector, validateAnnotations } from './meta';
import { regexError } from './names';
import { validatePodSpec } from './podSpec';

type Obj = Record<string, any>;

const nonNegative = (v: unknown, path: string): FieldError[] =>
  typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];

/** ValidatePodTemplateSpec: template labels/annotations and the pod spec. */
function validatePodTemplateSpec(t: Obj | undefined, path: string): FieldError[] {
  if (!t) return [required(path, '')];
  return [
    ...validateLabels(t.metadata?.labels, `${path}.metadata.labels`),
    ...validateAnnotations(t.metadata?.annotations, `${path}.metadata.annotations`),
    ...validatePodSpec(t.spec, `${path}.spec`),
  ];
}

/** Selector required, usable and non-empty, and matching the template's labels. */
function validateSelectorAndTemplate(spec: Obj, kindWord: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (!sel) errs.push(required(`${path}.selector`, ''));
  else {
    errs.push(...validateLabelSelector(sel, `${path}.selector`));
    if (selectorIsEmpty(sel)) errs.push(invalid(`${path}.selector`, selectorValue(sel), `empty selector is invalid for ${kindWord}`));
  }
  if (!selectorIsUsable(sel)) errs.push(invalid(`${path}.selector`, selectorValue(sel), 'invalid label selector'));
  else if (sel && !selectorIsEmpty(sel) && spec.template && !selectorMatches(sel, spec.template.metadata?.labels)) {
    errs.push(invalid(`${path}.template.metadata.labels`, sortedMap(spec.template.metadata?.labels ?? {}), '`selector` does not match template `labels`'));
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet's extra rules: restartPolicy Always, no activeDeadlineSeconds. */
function alwaysRestartTemplate(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ps = spec.template?.spec;
  if (!ps) return errs;
  if (ps.restartPolicy !== undefined && ps.restartPolicy !== 'Always') {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, ps.restartPolicy, ['Always']));
  }
  if (ps.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(`${path}.template.spec.activeDeadlineSeconds`, ps.activeDeadlineSeconds, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

const PERCENT_ERROR = regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%');

function intOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return /^[0-9]+%$/.test(v) ? [] : [invalid(path, v, PERCENT_ERROR)];
  return nonNegative(v, path);
}

const isZero = (v: unknown): boolean => v === 0 || v === '0%';

function validateRollingUpdate(ru: Obj, path: string): FieldError[] {
  const errs = [...intOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`), ...intOrPercent(ru.maxSurge, `${path}.maxSurge`)];
  if (isZero(ru.maxUnavailable) && (ru.maxSurge === undefined || isZero(ru.maxSurge))) {
    errs.push(invalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  if (typeof ru.maxUnavailable === 'string' && /^[0-9]+%$/.test(ru.maxUnavailable) && parseInt(ru.maxUnavailable, 10) > 100) {
    errs.push(invalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'));
  }
  return errs;
}

export function validateDeploymentSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [...nonNegative(s.replicas, 'spec.replicas')];
  errs.push(...validateSelectorAndTemplate(s, 'deployment', 'spec'));
  errs.push(...validatePodTemplateSpec(s.template, 'spec.template'), ...alwaysRestartTemplate(s, 'spec'));
  const st = s.strategy ?? {};
  if (st.type === 'Recreate') {
    if (st.rollingUpdate) errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (st.type === 'RollingUpdate') {
    if (!st.rollingUpdate) errs.push(required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil'));
    else errs.push(...validateRollingUpdate(st.rollingUpdate, 'spec.strategy.rollingUpdate'));
  } else {
    errs.push(notSupported('spec.strategy.type', st.type ?? '', ['Recreate', 'RollingUpdate']));
  }
  errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'), ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (typeof s.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateReplicaSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  return [
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(s, 'replicaset', 'spec'),
    ...validatePodTemplateSpec(s.template, 'spec.template'),
    ...alwaysRestartTemplate(s, 'spec'),
  ];
}

export function validateDaemonSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs = [
    ...validateSelectorAndTemplate(s, 'daemonset', 'spec'),
    ...validatePodTemplateSpec(s.template, 'spec.template'),
    ...alwaysRestartTemplate(s, 'spec'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
  const st = s.updateStrategy ?? {};
  if (st.type === 'RollingUpdate') {
    if (st.rollingUpdate) errs.push(...validateRollingUpdate(st.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
  } else if (st.type !== 'OnDelete') {
    errs.push(notSupported('spec.updateStrategy.type', st.type ?? '', ['OnDelete', 'RollingUpdate']));
  }
  return errs;
}

export function validateStatefulSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (s.podManagementPolicy !== 'OrderedReady' && s.podManagementPolicy !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', s.podManagementPolicy ?? '', "must be 'OrderedReady' or 'Parallel'"));
  }
  const st = s.updateStrategy ?? {};
  if (st.type === 'OnDelete' && st.rollingUpdate) {
    errs.push(invalid('spec.updateStrategy.rollingUpdate', st.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (st.type === 'RollingUpdate') {
    errs.push(...nonNegative(st.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition'));
  } else if (st.type !== 'OnDelete') {
    errs.push(invalid('spec.updateStrategy', st.type ?? '', "must be 'RollingUpdate' or 'OnDelete'"));
  }
  errs.push(...nonNegative(s.replicas, 'spec.replicas'), ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(s, 'statefulset', 'spec'));
  // Containers may mount the volumeClaimTemplates, which become volumes only in each pod
  // (apps validation notes this: the template alone would fail volume checks).
  const declared = new Set((s.template?.spec?.volumes ?? []).map((v: Obj) => v.name));
  const claimVolumes = (s.volumeClaimTemplates ?? [])
    .filter((t: Obj) => !declared.has(t.metadata?.name))
    .map((t: Obj) => ({ name: t.metadata?.name, persistentVolumeClaim: { claimName: t.metadata?.name } }));
  const template = s.template ? { ...s.template, spec: { ...s.template.spec, volumes: [...(s.template.spec?.volumes ?? []), ...claimVolumes] } } : s.template;
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const rp = s.template?.spec?.restartPolicy;
  if (rp !== undefined && rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** Job spec; `generated` is false for a CronJob's jobTemplate, whose selector the Job gets later. */
export function validateJobSpec(spec: Obj | undefined, path: string, needsSelector = true): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [
    ...nonNegative(s.parallelism, `${path}.parallelism`),
    ...nonNegative(s.completions, `${path}.completions`),
    ...nonNegative(s.backoffLimit, `${path}.backoffLimit`),
  ];
  if (s.activeDeadlineSeconds !== undefined && !(s.activeDeadlineSeconds > 0)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be greater than 0'));
  }
  if (s.completionMode !== undefined && s.completionMode !== 'NonIndexed' && s.completionMode !== 'Indexed') {
    errs.push(notSupported(`${path}.completionMode`, s.completionMode, ['NonIndexed', 'Indexed']));
  }
  if (s.completionMode === 'Indexed' && s.completions == null) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  if (needsSelector) {
    if (!s.selector) errs.push(required(`${path}.selector`, ''));
    else {
      errs.push(...validateLabelSelector(s.selector, `${path}.selector`));
      if (s.template && !selectorMatches(s.selector, s.template.metadata?.labels)) {
        errs.push(invalid(`${path}.template.metadata.labels`, sortedMap(s.template.metadata?.labels ?? {}), '`selector` does not match template `labels`'));
      }
    }
  }
  errs.push(...validatePodTemplateSpec(s.template, `${path}.template`));
  const rp = s.template?.spec?.restartPolicy;
  if (s.template?.spec && rp !== 'OnFailure' && rp !== 'Never') {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp ?? '', ['OnFailure', 'Never']));
  }
  return errs;
}

const CRON_MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export function validateCronJob(cj: Obj): FieldError[] {
  const s = cj.spec ?? {};
  const errs: FieldError[] = [];
  if (String(cj.metadata?.name ?? '').length > 52) errs.push(invalid('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  if (!s.schedule) errs.push(required('spec.schedule', ''));
  else if (!CRON_MACROS.includes(s.schedule) && !/^@every /.test(s.schedule) && String(s.schedule).trim().split(/\s+/).length !== 5) {
    // robfig/cron's parser message for a wrong field count.
    errs.push(invalid('spec.schedule', s.schedule, `expected exactly 5 fields, found ${String(s.schedule).trim().split(/\s+/).length}: ${s.schedule}`));
  }
  if (!['Allow', 'Forbid', 'Replace'].includes(s.concurrencyPolicy)) {
    errs.push(s.concurrencyPolicy ? notSupported('spec.concurrencyPolicy', s.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']) : required('spec.concurrencyPolicy', ''));
  }
  errs.push(...nonNegative(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'), ...nonNegative(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  errs.push(...validateJobSpec(s.jobTemplate?.spec, 'spec.jobTemplate.spec', false));
  return errs;
}

export function validateReplicationControllerSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [...nonNegative(s.replicas, 'spec.replicas')];
  const sel: Obj = s.selector ?? {};
  if (Object.keys(sel).length === 0) errs.push(required('spec.selector', ''));
  errs.push(...validateLabels(sel, 'spec.selector'));
  if (!s.template) errs.push(required('spec.template', ''));
  else {
    const labels: Obj = s.template.metadata?.labels ?? {};
    if (Object.keys(sel).length && !Object.entries(sel).every(([k, v]) => labels[k] === v)) {
      errs.push(invalid('spec.template.metadata.labels', sortedMap(labels), '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
    const rp = s.template.spec?.restartPolicy;
    if (rp !== undefined && rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  }
  return errs;
}
