// StatefulSet pod identity, storage and revisions (pkg/controller/statefulset/
// stateful_set_utils.go, pkg/controller/history/controller_history.go).
import type { KubeObject } from '../../api/types';
import { canonicalJson, safeEncodeString } from '../podutil/hash';
import { podFromTemplate } from '../podutil/podTemplate';
import { isPodReady, isPodAvailable } from '../podutil/podState';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

export const startOrdinal = (set: KubeObject): number => set.spec?.ordinals?.start ?? 0;
export const podName = (set: KubeObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`;
export const claimName = (set: KubeObject, template: string, ordinal: number): string => `${template}-${set.metadata.name}-${ordinal}`;

/** The ordinal of a pod named `<set>-<n>`, or -1 if the name does not fit (getParentNameAndOrdinal). */
export function ordinalOf(set: KubeObject, pod: KubeObject): number {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata.name ?? '');
  if (!m || m[1] !== set.metadata.name) return -1;
  return Number(m[2]);
}

/** The PVCs a pod of this ordinal uses (getPersistentVolumeClaims): selector labels added. */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t: any) => {
    const claim: KubeObject = structuredClone({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...t });
    claim.metadata = { ...(claim.metadata ?? {}), name: claimName(set, t.metadata?.name ?? '', ordinal), namespace: set.metadata.namespace ?? 'default' };
    claim.metadata.labels = { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    delete claim.status;
    return claim;
  });
}

/** newStatefulSetPod: template pod with a stable name, identity labels, hostname and claims. */
export function newStatefulSetPod(set: KubeObject, template: any, ordinal: number, revisionName: string): KubeObject {
  const pod = podFromTemplate(template, set);
  const name = podName(set, ordinal);
  pod.metadata.name = name;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revisionName };
  pod.spec.hostname = name;
  if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
  // updateStorage: each claim template becomes a volume, replacing a same-named one.
  const templates: any[] = set.spec?.volumeClaimTemplates ?? [];
  if (templates.length) {
    const names = new Set(templates.map((t) => t.metadata?.name));
    const volumes = (pod.spec.volumes ?? []).filter((v: any) => !names.has(v.name));
    for (const t of templates) volumes.push({ name: t.metadata?.name, persistentVolumeClaim: { claimName: claimName(set, t.metadata?.name, ordinal) } });
    pod.spec.volumes = volumes;
  }
  return pod;
}

/** The ControllerRevision data of a set: its template as a replace patch (getPatch). */
export function revisionData(set: KubeObject): any {
  return { spec: { template: { ...structuredClone(set.spec?.template ?? {}), $patch: 'replace' } } };
}

/** The template a revision holds (ApplyRevision, restricted to spec.template). */
export function templateOf(revision: KubeObject): any {
  const t = structuredClone((revision.data as any)?.spec?.template ?? {});
  delete t.$patch;
  return t;
}

/** FNV-1 (hash/fnv New32), which HashControllerRevision uses. */
function fnv1(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h >>> 0;
}

/**
 * HashControllerRevision over the revision data as JSON (Go marshals maps with sorted keys,
 * so this matches when the stored template is byte-for-byte the same), plus the collision
 * count as decimal text; the name is `<set>-<hash>`.
 */
export function revisionHash(data: unknown, collisionCount?: number): string {
  let text = canonicalJson(data);
  if (collisionCount !== undefined) text += String(collisionCount);
  return safeEncodeString(String(fnv1(new TextEncoder().encode(text))));
}

export const isTerminating = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;
export const isRunningAndReady = (pod: KubeObject): boolean => pod.status?.phase === 'Running' && isPodReady(pod);
export const isRunningAndAvailable = (pod: KubeObject, minReady: number, now: number): boolean =>
  pod.status?.phase === 'Running' && isPodAvailable(pod, minReady, now);
export const isHealthy = (pod: KubeObject, minReady: number, now: number): boolean =>
  isRunningAndAvailable(pod, minReady, now) && !isTerminating(pod);
export const isFailedOrSucceeded = (pod: KubeObject): boolean => pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
