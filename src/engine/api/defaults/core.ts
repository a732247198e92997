// Defaults of the core/v1 kinds other than the pod spec (pkg/apis/core/v1/defaults.go:
// SetDefaults_ReplicationController, _Service, _Secret, _PersistentVolume(Claim), _Namespace,
// _Endpoints, _NodeStatus, _LimitRangeItem, _ServiceAccount-less kinds). Mutate a copy.
import { defaultPodOnly, defaultPodSpec, defaultPodTemplateSpec } from './podSpec';

type Obj = Record<string, any>;

const setIfUnset = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};

export function defaultPod(pod: Obj): void {
  defaultPodSpec(pod.spec);
  defaultPodOnly(pod.spec);
}

export function defaultPodTemplate(pt: Obj): void {
  defaultPodTemplateSpec(pt.template);
}

export function defaultReplicationController(rc: Obj): void {
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    // An RC's selector and labels default to its template's labels.
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    rc.metadata ??= {};
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
  }
  setIfUnset(spec, 'replicas', 1);
  defaultPodTemplateSpec(spec.template);
}

/**
 * SetDefaults_Service, plus the IP-family fields the service REST storage fills on create
 * (pkg/registry/core/service/storage/alloc.go initIPFamilyFields) for a single-stack IPv4
 * cluster: ipFamilies [IPv4]; ipFamilyPolicy SingleStack, or RequireDualStack for headless
 * services without a selector (kubernetes PR #104986). ClusterIPs and node ports are allocated
 * by the apiserver (src/engine/apiserver/allocators.ts), not here.
 */
export function defaultService(svc: Obj): void {
  const spec = (svc.spec ??= {});
  setIfUnset(spec, 'type', 'ClusterIP');
  setIfUnset(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    setIfUnset(spec.sessionAffinityConfig.clientIP, 'timeoutSeconds', 10800);
  }
  for (const port of spec.ports ?? []) {
    setIfUnset(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
  // apiservice.ExternallyAccessible: node ports, load balancers, or ClusterIP with externalIPs.
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (external) setIfUnset(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type !== 'ExternalName') setIfUnset(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setIfUnset(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.type !== 'ExternalName') {
    const headlessNoSelector = spec.clusterIP === 'None' && (!spec.selector || Object.keys(spec.selector).length === 0);
    setIfUnset(spec, 'ipFamilyPolicy', headlessNoSelector ? 'RequireDualStack' : 'SingleStack');
    if (!spec.ipFamilies || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
}

export function defaultSecret(secret: Obj): void {
  setIfUnset(secret, 'type', 'Opaque');
}

export function defaultPersistentVolume(pv: Obj): void {
  const spec = (pv.spec ??= {});
  setIfUnset(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setIfUnset(spec, 'volumeMode', 'Filesystem');
  pv.status ??= {};
  setIfUnset(pv.status, 'phase', 'Pending');
}

export function defaultPersistentVolumeClaim(pvc: Obj): void {
  const spec = (pvc.spec ??= {});
  setIfUnset(spec, 'volumeMode', 'Filesystem');
  pvc.status ??= {};
  setIfUnset(pvc.status, 'phase', 'Pending');
}

/** SetDefaults_Namespace: the immutable `kubernetes.io/metadata.name` label; status Active. */
export function defaultNamespace(ns: Obj): void {
  ns.metadata ??= {};
  if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
  ns.spec ??= {};
  if (!ns.spec.finalizers) ns.spec.finalizers = ['kubernetes'];
  ns.status ??= {};
  setIfUnset(ns.status, 'phase', 'Active');
}

export function defaultEndpoints(ep: Obj): void {
  for (const subset of ep.subsets ?? []) for (const port of subset.ports ?? []) setIfUnset(port, 'protocol', 'TCP');
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(node: Obj): void {
  if (node.status?.capacity && !node.status.allocatable) node.status.allocatable = { ...node.status.capacity };
}

/** SetDefaults_LimitRangeItem: for containers, default and defaultRequest fall back to max / default. */
export function defaultLimitRange(lr: Obj): void {
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    item.default ??= {};
    for (const [k, v] of Object.entries(item.max ?? {})) if (item.default[k] === undefined) item.default[k] = v;
    item.defaultRequest ??= {};
    for (const [k, v] of Object.entries(item.default)) if (item.defaultRequest[k] === undefined) item.defaultRequest[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (item.defaultRequest[k] === undefined) item.defaultRequest[k] = v;
    if (Object.keys(item.default).length === 0) delete item.default;
    if (Object.keys(item.defaultRequest).length === 0) delete item.defaultRequest;
  }
}
