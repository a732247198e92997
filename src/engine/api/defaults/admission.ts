// The mutating admission plugins a default kube-apiserver runs that change pods and volumes,
// in the order it runs them (ServiceAccount, Priority, DefaultTolerationSeconds,
// DefaultStorageClass, StorageObjectInUseProtection). Each returns a new object or the
// Forbidden message the API server would answer with. Defaulting (index.ts) runs before these.
import type { KubeObject } from '../types';
import type { Rng } from '../../core/rng';

type Obj = Record<string, any>;

export interface AdmissionContext {
  /** Existing PriorityClasses (scheduling.k8s.io/v1). */
  priorityClasses?: readonly KubeObject[];
  /** Existing StorageClasses (storage.k8s.io/v1). */
  storageClasses?: readonly KubeObject[];
  /**
   * ServiceAccounts of the pod's namespace. When given, a pod naming a missing account is
   * refused as upstream does; when omitted the account is assumed to exist.
   */
  serviceAccounts?: readonly KubeObject[];
  /** Randomness for generated names (the kube-api-access-xxxxx volume). */
  rng: Rng;
}

export type AdmissionResult<T extends KubeObject = KubeObject> =
  | { ok: true; object: T }
  /** message is what follows `pods "name" is forbidden: `. */
  | { ok: false; reason: 'Forbidden'; message: string };

/** plugin/pkg/admission/serviceaccount: where the token volume is mounted. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: the token the plugin projects lives 1h + 7s. */
export const API_ACCESS_TOKEN_EXPIRATION_SECONDS = 3607;
const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount/admission.go): defaults
 * serviceAccountName to `default`, and unless automounting is off adds the projected
 * `kube-api-access-<5 random chars>` volume (token, kube-root-ca.crt, namespace) and mounts it
 * read-only into every container and init container that has no mount at that path.
 */
export function admitServiceAccount(pod: Obj, ctx: AdmissionContext): string | undefined {
  const spec = (pod.spec ??= {});
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return undefined;
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  const name = spec.serviceAccountName;
  const ns = pod.metadata?.namespace ?? 'default';
  let account: KubeObject | undefined;
  if (ctx.serviceAccounts) {
    account = ctx.serviceAccounts.find((sa) => sa.metadata.name === name && (sa.metadata.namespace ?? 'default') === ns);
    if (!account) return `error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`;
  }
  // The v1 conversion mirrors serviceAccountName into the deprecated serviceAccount field.
  spec.serviceAccount = name;
  const automount = spec.automountServiceAccountToken ?? (account as Obj | undefined)?.automountServiceAccountToken ?? true;
  if (!automount) return undefined;

  const containers: Obj[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const needsMount = containers.filter((c) => !(c.volumeMounts ?? []).some((m: Obj) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (needsMount.length === 0) return undefined;
  let volumeName = (spec.volumes ?? []).find((v: Obj) => String(v.name).startsWith('kube-api-access-') && v.projected)?.name;
  if (!volumeName) {
    volumeName = `kube-api-access-${ctx.rng.string(5)}`;
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name: volumeName,
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: API_ACCESS_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ];
  }
  for (const c of needsMount) {
    c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
  }
  return undefined;
}

const isGlobalDefault = (pc: KubeObject): boolean => (pc as Obj).globalDefault === true;

/**
 * Priority admission (plugin/pkg/admission/priority/admission.go): priority and
 * preemptionPolicy come from the named PriorityClass, or the global default class, or 0 and
 * PreemptLowerPriority when there is none.
 */
export function admitPriority(pod: Obj, ctx: AdmissionContext): string | undefined {
  const spec = (pod.spec ??= {});
  const classes = ctx.priorityClasses ?? [];
  let priority = 0;
  let preemption = 'PreemptLowerPriority';
  if (!spec.priorityClassName) {
    const defaults = classes.filter(isGlobalDefault);
    // With several global defaults upstream takes the lowest value.
    const def = defaults.sort((a, b) => ((a as Obj).value ?? 0) - ((b as Obj).value ?? 0))[0] as Obj | undefined;
    if (def) {
      spec.priorityClassName = def.metadata.name;
      priority = def.value ?? 0;
      preemption = def.preemptionPolicy ?? preemption;
    }
  } else {
    const pc = classes.find((c) => c.metadata.name === spec.priorityClassName) as Obj | undefined;
    if (!pc) return `no PriorityClass with name ${spec.priorityClassName} was found`;
    priority = pc.value ?? 0;
    preemption = pc.preemptionPolicy ?? preemption;
  }
  if (spec.priority != null && spec.priority !== priority) {
    return `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`;
  }
  spec.priority = priority;
  if (spec.preemptionPolicy != null && spec.preemptionPolicy !== preemption) {
    return `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemption} from the given PriorityClass name`;
  }
  spec.preemptionPolicy = preemption;
  return undefined;
}

function tolerates(tols: Obj[], key: string): boolean {
  // As the plugin checks: an empty key counts as any key, an empty effect as any effect.
  return tols.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
}

/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): tolerate the
 * not-ready and unreachable NoExecute taints for 300s unless the pod already tolerates them.
 */
export function admitDefaultTolerationSeconds(pod: Obj): void {
  const spec = (pod.spec ??= {});
  const tols: Obj[] = [...(spec.tolerations ?? [])];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(tols, key)) {
      tols.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
  }
  spec.tolerations = tols;
}

/** The pod after the admission chain, or the Forbidden message that stopped it. */
export function admitPod(pod: KubeObject, ctx: AdmissionContext): AdmissionResult {
  const copy = structuredClone(pod) as Obj;
  const saError = admitServiceAccount(copy, ctx);
  if (saError) return { ok: false, reason: 'Forbidden', message: saError };
  const prioError = admitPriority(copy, ctx);
  if (prioError) return { ok: false, reason: 'Forbidden', message: prioError };
  admitDefaultTolerationSeconds(copy);
  return { ok: true, object: copy as KubeObject };
}

const IS_DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/**
 * The default StorageClass (pkg/volume/util/storageclass GetDefaultClass): annotated
 * is-default-class "true"; with several, the newest wins, then the name sorting first.
 */
export function defaultStorageClassName(classes: readonly KubeObject[]): string | undefined {
  const defaults = classes.filter((c) => c.metadata.annotations?.[IS_DEFAULT_ANNOTATION] === 'true');
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return defaults[0]?.metadata.name;
}

/**
 * DefaultStorageClass admission for a PVC without storageClassName (an explicit "" means no
 * class), then StorageObjectInUseProtection's `kubernetes.io/pvc-protection` finalizer.
 */
export function admitPersistentVolumeClaim(pvc: KubeObject, ctx: AdmissionContext): AdmissionResult {
  const copy = structuredClone(pvc) as Obj;
  const spec = (copy.spec ??= {});
  if (spec.storageClassName == null) {
    const name = defaultStorageClassName(ctx.storageClasses ?? []);
    if (name) spec.storageClassName = name;
  }
  addFinalizer(copy, 'kubernetes.io/pvc-protection');
  return { ok: true, object: copy as KubeObject };
}

/** StorageObjectInUseProtection for PVs: the `kubernetes.io/pv-protection` finalizer. */
export function admitPersistentVolume(pv: KubeObject): AdmissionResult {
  const copy = structuredClone(pv) as Obj;
  addFinalizer(copy, 'kubernetes.io/pv-protection');
  return { ok: true, object: copy as KubeObject };
}

function addFinalizer(obj: Obj, finalizer: string): void {
  obj.metadata ??= {};
  const list: string[] = obj.metadata.finalizers ?? [];
  if (!list.includes(finalizer)) obj.metadata.finalizers = [...list, finalizer];
}
