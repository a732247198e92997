// What an object costs against a ResourceQuota (pkg/quota/v1/evaluator/core/pods.go,
// services.go, persistent_volume_claims.go, and the generic object-count evaluator for
// `count/<resource>`).
import type { KubeObject } from '../../api/types';
import { kindInfo } from '../../api/kinds';
import { addQuantities, parseQuantity, type Quantity } from './quantity';

export type Usage = Record<string, Quantity>;

const one = (): Quantity => ({ value: 1, format: 'DecimalSI' });

/** `count/<plural>` or `count/<plural>.<group>`: the object-count resource name for a kind. */
export function countResourceName(kind: string): string | undefined {
  const info = kindInfo(kind);
  if (!info) return undefined;
  return info.group ? `count/${info.plural}.${info.group}` : `count/${info.plural}`;
}

/** The legacy object-count names the core evaluators use. */
const LEGACY_COUNT: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers',
  ResourceQuota: 'resourcequotas',
};

/**
 * QuotaV1Pod: terminal pods use no quota. Simplified: a pod being deleted counts until it is
 * gone (upstream stops counting it once its grace period has run out).
 */
export function podCountsAgainstQuota(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

type ResourceList = Record<string, string | number> | undefined;

function sumInto(target: Record<string, Quantity>, list: ResourceList): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q) target[k] = addQuantities(target[k], q);
  }
}

function maxInto(target: Record<string, Quantity>, list: ResourceList): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q && (!target[k] || q.value > target[k].value)) target[k] = q;
  }
}

/** resourcehelper.PodRequests / PodLimits: sum of containers, at least the largest init container, plus overhead. */
export function podResources(pod: KubeObject, which: 'requests' | 'limits'): Record<string, Quantity> {
  const sum: Record<string, Quantity> = {};
  for (const c of pod.spec?.containers ?? []) sumInto(sum, effective(c, which));
  const initMax: Record<string, Quantity> = {};
  for (const c of pod.spec?.initContainers ?? []) maxInto(initMax, effective(c, which));
  for (const [k, q] of Object.entries(initMax)) if (!sum[k] || q.value > sum[k].value) sum[k] = q;
  sumInto(sum, pod.spec?.overhead);
  return sum;
}

/** A container's requests, with the API server's defaulting (a limit without a request is the request). */
function effective(c: { resources?: { requests?: ResourceList; limits?: ResourceList } }, which: 'requests' | 'limits'): ResourceList {
  if (which === 'limits') return c.resources?.limits;
  return { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
}

/** podEvaluator.Usage */
export function podUsage(pod: KubeObject): Usage {
  const usage: Usage = { pods: one(), 'count/pods': one() };
  const req = podResources(pod, 'requests');
  const lim = podResources(pod, 'limits');
  for (const [k, q] of Object.entries(req)) {
    usage[`requests.${k}`] = q;
    if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') usage[k] = q;
  }
  for (const [k, q] of Object.entries(lim)) usage[`limits.${k}`] = q;
  return usage;
}

/** What one object adds to a namespace's usage. */
export function objectUsage(obj: KubeObject): Usage {
  if (obj.kind === 'Pod') return podCountsAgainstQuota(obj) ? podUsage(obj) : {};
  const usage: Usage = {};
  const count = countResourceName(obj.kind);
  if (count) usage[count] = one();
  const legacy = LEGACY_COUNT[obj.kind];
  if (legacy) usage[legacy] = one();
  if (obj.kind === 'Service') {
    const type = obj.spec?.type ?? 'ClusterIP';
    if (type === 'NodePort' || type === 'LoadBalancer') {
      const ports = (obj.spec?.ports ?? []).length;
      usage['services.nodeports'] = { value: ports, format: 'DecimalSI' };
    }
    if (type === 'LoadBalancer') usage['services.loadbalancers'] = one();
  }
  if (obj.kind === 'PersistentVolumeClaim') {
    const storage = parseQuantity(obj.spec?.resources?.requests?.storage);
    if (storage) usage['requests.storage'] = storage;
    const sc: string | undefined = obj.spec?.storageClassName;
    if (sc) {
      usage[`${sc}.storageclass.storage.k8s.io/persistentvolumeclaims`] = one();
      if (storage) usage[`${sc}.storageclass.storage.k8s.io/requests.storage`] = storage;
    }
  }
  return usage;
}

export function addUsage(a: Usage, b: Usage): Usage {
  const out: Usage = { ...a };
  for (const [k, q] of Object.entries(b)) out[k] = addQuantities(out[k], q);
  return out;
}

/**
 * ResourceQuota scopes (Terminating, NotTerminating, BestEffort, NotBestEffort) for pods; other
 * kinds match only scope-less quotas' count and storage resources. PriorityClass and
 * CrossNamespacePodAffinity scopes are not modelled (such quotas match nothing).
 */
export function quotaMatches(quota: KubeObject, obj: KubeObject): boolean {
  const scopes: string[] = quota.spec?.scopes ?? [];
  const selectorScopes: string[] = (quota.spec?.scopeSelector?.matchExpressions ?? []).map((e: { scopeName: string }) => e.scopeName);
  const all = [...scopes, ...selectorScopes];
  if (!all.length) return true;
  if (obj.kind !== 'Pod') return false;
  const bestEffort = isBestEffort(obj);
  const terminating = obj.spec?.activeDeadlineSeconds !== undefined && obj.spec?.activeDeadlineSeconds !== null;
  return all.every((s) => {
    switch (s) {
      case 'Terminating':
        return terminating;
      case 'NotTerminating':
        return !terminating;
      case 'BestEffort':
        return bestEffort;
      case 'NotBestEffort':
        return !bestEffort;
      default:
        return false;
    }
  });
}

/** qos.GetPodQOS == BestEffort: no container requests or limits cpu/memory. */
export function isBestEffort(pod: KubeObject): boolean {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const list of [c.resources?.requests, c.resources?.limits]) {
      if (list && (list.cpu !== undefined || list.memory !== undefined)) return false;
    }
  }
  return true;
}
