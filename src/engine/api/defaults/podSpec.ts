// Defaults for PodSpec and everything inside it, as the v1 defaulters set them
// (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction,
// _Volume, _*VolumeSource, _ObjectFieldSelector, _ContainerPort and the `+default` markers of
// core/v1/types.go). They run on Pods and on every pod template (workloads, PodTemplate).
// The functions mutate the (already copied) object they are given.

type Obj = Record<string, any>;

/** v1.DefaultTerminationMessagePath */
export const TERMINATION_MESSAGE_PATH = '/dev/termination-log';
/** 0644, the default file mode of secret/configMap/projected/downwardAPI volumes (SecretVolumeSourceDefaultMode). */
export const DEFAULT_VOLUME_MODE = 420;

const setIfUnset = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};

/**
 * The tag of an image reference, '' when it has none (a digest alone is not a tag). Follows
 * pkg/util/parsers.ParseImageName: an untagged, undigested name means `latest`.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) return name.slice(colon + 1);
  return at >= 0 || image === '' ? '' : 'latest';
}

/** SetDefaults_Container: Always for `:latest` or no tag, otherwise IfNotPresent. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  setIfUnset(p, 'timeoutSeconds', 1);
  setIfUnset(p, 'periodSeconds', 10);
  setIfUnset(p, 'successThreshold', 1);
  setIfUnset(p, 'failureThreshold', 3);
  defaultHandler(p);
}

function defaultHandler(h: Obj | undefined): void {
  if (!h) return;
  if (h.httpGet) {
    setIfUnset(h.httpGet, 'path', '/');
    setIfUnset(h.httpGet, 'scheme', 'HTTP');
  }
  // GRPCAction.service has `+default=""`.
  if (h.grpc) setIfUnset(h.grpc, 'service', '');
}

function defaultEnv(env: Obj[] | undefined): void {
  for (const e of env ?? []) {
    const ref = e?.valueFrom?.fieldRef;
    if (ref) setIfUnset(ref, 'apiVersion', 'v1');
  }
}

export function defaultContainer(c: Obj): void {
  setIfUnset(c, 'imagePullPolicy', defaultImagePullPolicy(String(c.image ?? '')));
  setIfUnset(c, 'terminationMessagePath', TERMINATION_MESSAGE_PATH);
  setIfUnset(c, 'terminationMessagePolicy', 'File');
  for (const port of c.ports ?? []) setIfUnset(port, 'protocol', 'TCP');
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  defaultEnv(c.env);
}

function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (sources.length === 0) v.emptyDir = {};
  if (v.secret) setIfUnset(v.secret, 'defaultMode', DEFAULT_VOLUME_MODE);
  if (v.configMap) setIfUnset(v.configMap, 'defaultMode', DEFAULT_VOLUME_MODE);
  if (v.downwardAPI) {
    setIfUnset(v.downwardAPI, 'defaultMode', DEFAULT_VOLUME_MODE);
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef) setIfUnset(item.fieldRef, 'apiVersion', 'v1');
  }
  if (v.projected) {
    setIfUnset(v.projected, 'defaultMode', DEFAULT_VOLUME_MODE);
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) setIfUnset(s.serviceAccountToken, 'expirationSeconds', 3600);
      for (const item of s.downwardAPI?.items ?? []) if (item.fieldRef) setIfUnset(item.fieldRef, 'apiVersion', 'v1');
    }
  }
  if (v.hostPath) setIfUnset(v.hostPath, 'type', '');
  if (v.iscsi) setIfUnset(v.iscsi, 'iscsiInterface', 'default');
}

/** SetDefaults_PodSpec plus the defaults of everything a PodSpec contains. */
export function defaultPodSpec(spec: Obj | undefined): void {
  if (!spec) return;
  setIfUnset(spec, 'dnsPolicy', 'ClusterFirst');
  setIfUnset(spec, 'restartPolicy', 'Always');
  setIfUnset(spec, 'terminationGracePeriodSeconds', 30);
  setIfUnset(spec, 'securityContext', {});
  setIfUnset(spec, 'schedulerName', 'default-scheduler');
  if (spec.hostNetwork) {
    // defaultHostNetworkPorts: with hostNetwork, hostPort mirrors containerPort.
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/**
 * SetDefaults_Pod: requests default to limits for every container resource that has a limit
 * but no request; enableServiceLinks defaults to true (Pods only, not templates).
 */
export function defaultPodOnly(spec: Obj | undefined): void {
  if (!spec) return;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    c.resources.requests ??= {};
    for (const [name, q] of Object.entries(limits)) {
      if (c.resources.requests[name] === undefined) c.resources.requests[name] = q;
    }
  }
  setIfUnset(spec, 'enableServiceLinks', true);
}

export function defaultPodTemplateSpec(template: Obj | undefined): void {
  if (template) defaultPodSpec(template.spec);
}
