// Who watches what: the informers each component starts, so the control plane view can light the
// watch streams an event travels down. Taken from the informers each controller's constructor
// takes (kubernetes/kubernetes cmd/kube-controller-manager/app/{apps,batch,discovery,core}.go and
// pkg/controller/*/*_controller.go), the scheduler's event handlers (pkg/scheduler/eventhandlers.go),
// the kubelet's sources (pkg/kubelet/config/apiserver.go: pods with spec.nodeName=<node>; its own
// Node and a Service informer for env vars) and kube-proxy's (cmd/kube-proxy/app/server.go:
// Services, EndpointSlices, its own Node). Simplified: ConfigMap/Secret gets, leader-election
// Leases and metadata-only informers are left out; the garbage collector watches every kind.

export interface WatchSpec {
  /** Kinds the component holds an informer for. '*' means every kind. */
  kinds: string[];
  /** Only objects bound to / named after the component's node (kubelet, kube-proxy). */
  nodeScoped?: string[];
}

/** Controllers in kube-controller-manager, in the order the view lists them. */
export const CONTROLLER_WATCHES: Record<string, WatchSpec> = {
  'deployment-controller': { kinds: ['Deployment', 'ReplicaSet', 'Pod'] },
  'replicaset-controller': { kinds: ['ReplicaSet', 'Pod'] },
  'statefulset-controller': { kinds: ['StatefulSet', 'Pod', 'PersistentVolumeClaim', 'ControllerRevision'] },
  'daemonset-controller': { kinds: ['DaemonSet', 'ControllerRevision', 'Pod', 'Node'] },
  'job-controller': { kinds: ['Job', 'Pod'] },
  'cronjob-controller': { kinds: ['CronJob', 'Job'] },
  'endpointslice-controller': { kinds: ['Service', 'Pod', 'Node', 'EndpointSlice'] },
  'endpoint-controller': { kinds: ['Service', 'Pod', 'Endpoints'] },
  'node-ipam-controller': { kinds: ['Node'] },
  'node-lifecycle-controller': { kinds: ['Node', 'Pod', 'DaemonSet', 'Lease'] },
  'persistentvolume-binder-controller': { kinds: ['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'Pod', 'Node'] },
  'namespace-controller': { kinds: ['Namespace'] },
  'serviceaccount-controller': { kinds: ['ServiceAccount', 'Namespace'] },
  'ttl-after-finished-controller': { kinds: ['Job'] },
  'garbage-collector': { kinds: ['*'] },
};

/** Controllers always drawn, even before they have written anything (the busiest ones). */
export const DEFAULT_CONTROLLERS = [
  'deployment-controller',
  'replicaset-controller',
  'statefulset-controller',
  'daemonset-controller',
  'job-controller',
  'cronjob-controller',
  'endpointslice-controller',
  'garbage-collector',
];

export const SCHEDULER_WATCHES: WatchSpec = { kinds: ['Pod', 'Node', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'Namespace'] };
export const KUBELET_WATCHES: WatchSpec = { kinds: ['Pod', 'Node', 'Service'], nodeScoped: ['Pod', 'Node'] };
export const KUBE_PROXY_WATCHES: WatchSpec = { kinds: ['Service', 'EndpointSlice', 'Node'], nodeScoped: ['Node'] };

/**
 * The etcd key kube-apiserver stores an object under (--etcd-prefix=/registry). Most resources use
 * their plural; a few keep historical prefixes (pkg/registry/core/{service,endpoint,node}/storage).
 */
const ETCD_PREFIX: Record<string, string> = {
  Service: 'services/specs',
  Endpoints: 'services/endpoints',
  Node: 'minions',
  Ingress: 'ingress',
};

export function etcdKey(kind: string, plural: string | undefined, namespace: string, name: string): string {
  const prefix = ETCD_PREFIX[kind] ?? plural ?? `${kind.toLowerCase()}s`;
  return `/registry/${prefix}/${namespace ? `${namespace}/` : ''}${name}`;
}

/** Whether a watcher with this spec on `node` receives an event about `obj`. */
export function receives(spec: WatchSpec, kind: string, obj: { kind: string; metadata: { name?: string }; spec?: { nodeName?: string } }, node?: string): boolean {
  if (!spec.kinds.includes('*') && !spec.kinds.includes(kind)) return false;
  if (!node || !spec.nodeScoped?.includes(kind)) return true;
  if (kind === 'Pod') return obj.spec?.nodeName === node;
  if (kind === 'Node') return obj.metadata.name === node;
  return true;
}
