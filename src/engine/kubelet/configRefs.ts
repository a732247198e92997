// Resolving a container's environment and volumes from ConfigMaps and Secrets, with the errors
// the kubelet reports when something is missing (pkg/kubelet/kubelet_pods.go
// makeEnvironmentVariables -> CreateContainerConfigError; volume manager -> FailedMount).
import type { KubeObject } from '../api/types';
import type { Listers } from '../controllers/types';

export interface EnvResult {
  values: Record<string, string>;
  /** The first error, as CreateContainerConfigError's message. */
  error?: string;
}

function decode(b64: string): string {
  try {
    return atob(b64);
  } catch {
    return b64;
  }
}

function fieldRef(pod: KubeObject, path: string, podIP: string | undefined, hostIP: string | undefined): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return podIP ?? '';
    case 'status.hostIP':
      return hostIP ?? '';
  }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (pod.metadata as any)[m[1]]?.[m[2]] ?? '';
  return '';
}

/** envFrom first, then env, as the kubelet builds them; the first missing reference is the error. */
export function resolveEnv(listers: Listers, pod: KubeObject, container: any, podIP?: string, hostIP?: string): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const values: Record<string, string> = {};
  for (const src of container.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) {
      const cm = listers.get('ConfigMap', ns, src.configMapRef.name);
      if (!cm) {
        if (src.configMapRef.optional) continue;
        return { values, error: `configmap "${src.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries<string>((cm as any).data ?? {})) values[prefix + k] = v;
    }
    if (src.secretRef) {
      const s = listers.get('Secret', ns, src.secretRef.name);
      if (!s) {
        if (src.secretRef.optional) continue;
        return { values, error: `secret "${src.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries<string>((s as any).data ?? {})) values[prefix + k] = decode(v);
      for (const [k, v] of Object.entries<string>((s as any).stringData ?? {})) values[prefix + k] = v;
    }
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      values[e.name] = (e.value ?? '').replace(/\$\((\w+)\)/g, (m: string, v: string) => values[v] ?? m);
      continue;
    }
    const vf = e.valueFrom;
    if (vf.configMapKeyRef) {
      const { name, key, optional } = vf.configMapKeyRef;
      const cm = listers.get('ConfigMap', ns, name);
      if (!cm) {
        if (optional) continue;
        return { values, error: `configmap "${name}" not found` };
      }
      const v = (cm as any).data?.[key] ?? (cm as any).binaryData?.[key];
      if (v === undefined) {
        if (optional) continue;
        return { values, error: `couldn't find key ${key} in ConfigMap ${ns}/${name}` };
      }
      values[e.name] = v;
    } else if (vf.secretKeyRef) {
      const { name, key, optional } = vf.secretKeyRef;
      const s = listers.get('Secret', ns, name);
      if (!s) {
        if (optional) continue;
        return { values, error: `secret "${name}" not found` };
      }
      const raw = (s as any).data?.[key];
      const str = (s as any).stringData?.[key];
      if (raw === undefined && str === undefined) {
        if (optional) continue;
        return { values, error: `couldn't find key ${key} in Secret ${ns}/${name}` };
      }
      values[e.name] = str ?? decode(raw);
    } else if (vf.fieldRef) {
      values[e.name] = fieldRef(pod, vf.fieldRef.fieldPath, podIP, hostIP);
    } else if (vf.resourceFieldRef) {
      const r = vf.resourceFieldRef.resource as string;
      const [kind, res] = r.split('.');
      values[e.name] = String(container.resources?.[kind]?.[res] ?? '');
    }
  }
  return { values };
}

/** The containerEnv of a sync (podIP and hostIP from the kubelet's view). */
export function containerEnv(x: { listers: Listers; pod: KubeObject; rt: { sandbox?: { ip: string } }; node?: KubeObject }, container: any): EnvResult {
  const hostIP = (x.node?.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address;
  return resolveEnv(x.listers, x.pod, container, x.rt.sandbox?.ip, hostIP);
}

/**
 * The first configMap/secret volume whose source is missing (and not optional), as the
 * FailedMount event words it: `MountVolume.SetUp failed for volume "cfg" : configmap "app" not found`.
 */
export function missingVolumeSource(listers: Listers, pod: KubeObject): { volume: string; message: string } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !listers.get('ConfigMap', ns, v.configMap.name)) {
      return { volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found` };
    }
    if (v.secret && !v.secret.optional && !listers.get('Secret', ns, v.secret.secretName)) {
      return { volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found` };
    }
  }
  return undefined;
}
