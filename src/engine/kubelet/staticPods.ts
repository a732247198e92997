// Static pods: manifests the kubelet reads from its staticPodPath (/etc/kubernetes/manifests
// on kubeadm nodes) and runs itself, and the read-only "mirror pod" it creates in the API so
// the cluster can see them (pkg/kubelet/config/common.go applyDefaults, pkg/kubelet/pod/
// mirror_client.go CreateMirrorPod, pkg/kubelet/types/pod_update.go).
import type { KubeObject } from '../api/types';
import { sha256Hex } from '../network/kubeproxy/sha256';
import { isoAt } from '../core/time';

export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
export const CONFIG_SEEN_ANNOTATION = 'kubernetes.io/config.seen';

/** types.IsStaticPod: the pod came from a file or URL, not from the API server. */
export function isStaticPod(pod: KubeObject): boolean {
  const src = pod.metadata.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return src !== undefined && src !== 'api';
}

/** types.IsMirrorPod. */
export function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;
}

/** Stable JSON with sorted keys, so the hash does not depend on key order. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The config hash of a static pod. Upstream hashes the defaulted Go object with MD5
 * (hashutil.DeepHashObject) into 32 hex digits; we hash a stable JSON rendering with SHA-256
 * and keep 32 hex digits, so the value has the right shape but not upstream's exact digits.
 */
export function staticPodHash(manifest: KubeObject, nodeName: string): string {
  return sha256Hex(stable({ manifest, nodeName })).slice(0, 32);
}

export const STATIC_POD_SIMPLIFICATION =
  'kubernetes.io/config.hash is a SHA-256 of the manifest (32 hex digits); the kubelet uses an MD5 of the Go object, so the digits differ from a real cluster.';

/**
 * The mirror pod the kubelet creates for a static pod manifest: named `<name>-<node>`, in the
 * manifest's namespace (default), bound to the node, owned by the Node, with the config
 * annotations, and tolerating every NoExecute taint as static pods do.
 */
export function mirrorPodFor(manifest: KubeObject, node: KubeObject, seenAt = 0): KubeObject {
  const nodeName = node.metadata.name ?? '';
  const hash = staticPodHash(manifest, nodeName);
  const name = `${manifest.metadata.name}-${nodeName}`;
  const spec = { ...(manifest.spec ?? {}), nodeName };
  const tolerations = [...(spec.tolerations ?? [])];
  if (!tolerations.some((t: any) => t.operator === 'Exists' && t.effect === 'NoExecute' && !t.key)) {
    tolerations.push({ operator: 'Exists', effect: 'NoExecute' });
  }
  spec.tolerations = tolerations;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...manifest.metadata,
      name,
      namespace: manifest.metadata.namespace ?? 'default',
      annotations: {
        ...(manifest.metadata.annotations ?? {}),
        [CONFIG_HASH_ANNOTATION]: hash,
        [CONFIG_MIRROR_ANNOTATION]: hash,
        [CONFIG_SEEN_ANNOTATION]: isoAt(seenAt).replace('Z', '.000000000Z'),
        [CONFIG_SOURCE_ANNOTATION]: 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid ?? '', controller: true }],
    },
    spec,
  };
}
