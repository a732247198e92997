// validateObject: the API server's validation of a defaulted object on create (and, with
// `old`, on update), as pkg/apis/*/validation/validation.go do for the kinds the engine models.
// Kinds without specific rules get the ObjectMeta checks only.
import type { KubeObject } from '../types';
import { isNamespaced } from '../kinds';
import { type FieldError, invalid, required } from './fieldError';
import { selectorMatches, selectorValue, sortedMap, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment, type NameValidator } from './names';
import { validatePodSpec } from './podSpec';
import { validateServiceSpec } from './service';
import { validateUpdate } from './updates';
import {
  validateCronJob,
  validateDaemonSetSpec,
  validateDeploymentSpec,
  validateJobSpec,
  validateReplicaSetSpec,
  validateReplicationControllerSpec,
  validateStatefulSetSpec,
} from './workloads';

type Obj = Record<string, any>;

/** The name rule each registry passes to ValidateObjectMeta. */
function nameRule(kind: string): NameValidator {
  if (kind === 'Service') return nameIsDNS1035Label;
  if (kind === 'Namespace') return nameIsDNSLabel;
  if (['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)) return nameIsPathSegment;
  return nameIsDNSSubdomain;
}

function validatePvcSpec(spec: Obj | undefined, path: string): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (!(s.accessModes ?? []).length) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required'));
  if (s.resources?.requests?.storage === undefined) errs.push(required(`${path}.resources[storage]`, ''));
  return errs;
}

/**
 * ValidateGeneratedSelector (batch validation): without manualSelector the selector must be
 * exactly the one the registry generated from the uid (see defaults prepareJobForCreate).
 */
function validateGeneratedSelector(job: Obj): FieldError[] {
  if (job.spec?.manualSelector === true) return [];
  const uid = job.metadata?.uid;
  if (!uid) return [required('metadata.uid', '')];
  const sel = job.spec?.selector;
  const errs: FieldError[] = [];
  const labels = job.spec?.template?.metadata?.labels ?? {};
  if (labels['batch.kubernetes.io/controller-uid'] !== uid) {
    errs.push(invalid('spec.template.metadata.labels', sortedMap(labels), '`selector` not auto-generated'));
  }
  if (!sel || !selectorMatches(sel, { 'batch.kubernetes.io/controller-uid': uid })) {
    errs.push(invalid('spec.selector', selectorValue(sel), '`selector` not auto-generated'));
  }
  return errs;
}

function validateKind(obj: Obj): FieldError[] {
  switch (obj.kind) {
    case 'Pod':
      return validatePodSpec(obj.spec, 'spec');
    case 'PodTemplate':
      return validatePodSpec(obj.template?.spec, 'template.spec');
    case 'Service':
      return validateServiceSpec(obj.spec);
    case 'ReplicationController':
      return validateReplicationControllerSpec(obj.spec);
    case 'Deployment':
      return validateDeploymentSpec(obj.spec);
    case 'ReplicaSet':
      return validateReplicaSetSpec(obj.spec);
    case 'DaemonSet':
      return validateDaemonSetSpec(obj.spec);
    case 'StatefulSet':
      return validateStatefulSetSpec(obj.spec);
    case 'Job':
      return [...validateGeneratedSelector(obj), ...validateJobSpec(obj.spec, 'spec')];
    case 'CronJob':
      return validateCronJob(obj);
    case 'PersistentVolumeClaim':
      return validatePvcSpec(obj.spec, 'spec');
    case 'NetworkPolicy':
      return validateLabelSelector(obj.spec?.podSelector, 'spec.podSelector');
    case 'PodDisruptionBudget': {
      const s = obj.spec ?? {};
      if (s.minAvailable !== undefined && s.maxUnavailable !== undefined) {
        return [invalid('spec', s, 'minAvailable and maxUnavailable cannot be both set')];
      }
      return validateLabelSelector(s.selector, 'spec.selector');
    }
    default:
      return [];
  }
}

export function validateObject(obj: KubeObject, old?: KubeObject): FieldError[] {
  const errs: FieldError[] = [...validateObjectMeta(obj.metadata, isNamespaced(obj.kind), nameRule(obj.kind))];
  errs.push(...validateKind(obj as Obj));
  if (old) {
    errs.push(...validateObjectMetaUpdate(obj.metadata, old.metadata));
    errs.push(...validateUpdate(obj as Obj, old as Obj));
  }
  return errs;
}

export { formatAggregate, formatFieldError, formatInvalid, type FieldError, type FieldErrorType } from './fieldError';
