// What may not change on update (ValidateDeploymentUpdate, ValidateReplicaSetUpdate,
// ValidateDaemonSetUpdate, ValidateStatefulSetUpdate, ValidateJobUpdate, ValidatePodUpdate,
// ValidateConfigMapUpdate/ValidateSecretUpdate in pkg/apis/*/validation/validation.go).
import { type FieldError, forbidden, invalid } from './fieldError';
import { selectorValue } from './meta';
import { validateServiceUpdate } from './service';

type Obj = Record<string, any>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Key-order-independent form for comparisons (apiequality.Semantic.DeepEqual). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Obj)[k] !== undefined).map((k) => [k, canonical((v as Obj)[k])]));
  }
  return v;
}

/** ValidateImmutableField: `Invalid value: <new>: field is immutable`. */
function immutable(newVal: unknown, oldVal: unknown, path: string, shown: unknown = newVal): FieldError[] {
  return same(newVal, oldVal) ? [] : [invalid(path, shown, 'field is immutable')];
}

const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

const POD_UPDATABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Update rules by kind; obj and old are both defaulted objects of the same kind. */
export function validateUpdate(obj: Obj, old: Obj): FieldError[] {
  const s = obj.spec ?? {};
  const o = old.spec ?? {};
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      return immutable(s.selector, o.selector, 'spec.selector', selectorValue(s.selector));
    case 'StatefulSet': {
      const strip = (x: Obj) => Object.fromEntries(Object.entries(x).filter(([k]) => !STS_MUTABLE.includes(k)));
      if (same(strip(s), strip(o))) return [];
      return [
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      ];
    }
    case 'Job': {
      const errs = [...immutable(s.selector, o.selector, 'spec.selector', selectorValue(s.selector))];
      if (s.completionMode !== 'Indexed') errs.push(...immutable(s.completions, o.completions, 'spec.completions'));
      // Simplification: upstream prints the internal PodTemplateSpec; we print the template as written.
      errs.push(...immutable(s.template, o.template, 'spec.template'));
      errs.push(...immutable(s.completionMode, o.completionMode, 'spec.completionMode'));
      return errs;
    }
    case 'Service':
      return validateServiceUpdate(s, o);
    case 'Pod': {
      // Images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds may change.
      const strip = (x: Obj) => ({
        ...x,
        containers: (x.containers ?? []).map((c: Obj) => ({ ...c, image: undefined })),
        initContainers: (x.initContainers ?? []).map((c: Obj) => ({ ...c, image: undefined })),
        activeDeadlineSeconds: undefined,
        tolerations: undefined,
        terminationGracePeriodSeconds: undefined,
      });
      const errs: FieldError[] = [];
      if ((s.containers ?? []).length !== (o.containers ?? []).length) errs.push(forbidden('spec.containers', 'pod updates may not add or remove containers'));
      else if (!same(strip(s), strip(o))) {
        // Simplification: upstream appends a diff of the internal PodSpec after a newline.
        errs.push(forbidden('spec', POD_UPDATABLE));
      }
      const oldTols: Obj[] = o.tolerations ?? [];
      if (!oldTols.every((t) => (s.tolerations ?? []).some((n: Obj) => same(n, t)))) {
        errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
      }
      return errs;
    }
    case 'ConfigMap':
    case 'Secret': {
      if (old.immutable !== true) return [];
      const errs: FieldError[] = [];
      if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
      if (!same(obj.data, old.data)) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
      if (!same(obj.binaryData ?? obj.stringData, old.binaryData ?? old.stringData)) {
        errs.push(forbidden(obj.kind === 'Secret' ? 'data' : 'binaryData', 'field is immutable when `immutable` is set'));
      }
      if (obj.kind === 'Secret' && obj.type !== old.type) errs.push(invalid('type', obj.type, 'field is immutable'));
      return errs;
    }
    case 'PriorityClass':
      return (obj as Obj).value !== (old as Obj).value ? [forbidden('value', 'may not be changed in an update.')] : [];
    default:
      return [];
  }
}
