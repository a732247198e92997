// Hand-built API objects and snapshots for view-model tests (and the screenshot page): small
// builders with the fields the views read, shaped as the API server would store them.
import type { KubeObject, Snapshot } from '../../engine';

type Meta = KubeObject['metadata'];

function obj(apiVersion: string, kind: string, name: string, namespace: string | undefined, rest: Partial<KubeObject> & { metadata?: Partial<Meta> } = {}): KubeObject {
  const { metadata, ...fields } = rest;
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), uid: `uid-${kind}-${namespace ?? ''}-${name}`, ...metadata }, ...fields };
}

export function owner(o: KubeObject) {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function makeDeployment(name: string, opts: { ns?: string; replicas?: number; status?: Record<string, unknown>; generation?: number } = {}): KubeObject {
  return obj('apps/v1', 'Deployment', name, opts.ns ?? 'default', {
    metadata: { generation: opts.generation ?? 1, labels: { app: name } },
    spec: { replicas: opts.replicas ?? 3, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
    status: { observedGeneration: opts.generation ?? 1, ...opts.status },
  });
}

export function makeReplicaSet(name: string, opts: { ns?: string; owner?: KubeObject; revision?: number; replicas?: number; current?: number; ready?: number } = {}): KubeObject {
  return obj('apps/v1', 'ReplicaSet', name, opts.ns ?? 'default', {
    metadata: {
      annotations: opts.revision !== undefined ? { 'deployment.kubernetes.io/revision': String(opts.revision) } : {},
      ownerReferences: opts.owner ? [owner(opts.owner)] : undefined,
    },
    spec: { replicas: opts.replicas ?? 1 },
    status: { replicas: opts.current ?? opts.replicas ?? 1, readyReplicas: opts.ready ?? 0 },
  });
}

export type PodState = 'ready' | 'running' | 'pending' | 'terminating' | 'crashloop';

export function makePod(name: string, opts: { ns?: string; owner?: KubeObject; node?: string; ip?: string; state?: PodState; labels?: Record<string, string>; claims?: string[]; ports?: { name?: string; containerPort: number }[] } = {}): KubeObject {
  const state = opts.state ?? 'ready';
  const running = state !== 'pending';
  return obj('v1', 'Pod', name, opts.ns ?? 'default', {
    metadata: {
      labels: opts.labels,
      ownerReferences: opts.owner ? [owner(opts.owner)] : undefined,
      ...(state === 'terminating' ? { deletionTimestamp: '2026-01-01T00:00:30Z' } : {}),
    },
    spec: {
      nodeName: state === 'pending' ? undefined : opts.node ?? 'node-1',
      containers: [{ name: 'app', image: 'nginx', ports: opts.ports }],
      volumes: (opts.claims ?? []).map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
    },
    status: {
      phase: running ? 'Running' : 'Pending',
      podIP: running ? opts.ip : undefined,
      conditions: [{ type: 'Ready', status: state === 'ready' ? 'True' : 'False' }],
      containerStatuses: state === 'crashloop' ? [{ name: 'app', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] : [],
    },
  });
}

export function makeService(name: string, opts: { ns?: string; clusterIP?: string; type?: string; selector?: Record<string, string>; ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string; nodePort?: number }[] } = {}): KubeObject {
  return obj('v1', 'Service', name, opts.ns ?? 'default', {
    spec: { type: opts.type ?? 'ClusterIP', clusterIP: opts.clusterIP ?? '10.96.0.10', selector: opts.selector ?? { app: name }, ports: (opts.ports ?? [{ port: 80, targetPort: 80 }]).map((p) => ({ protocol: 'TCP', ...p })) },
  });
}

export interface SliceEndpoint {
  pod: KubeObject;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function makeEndpointSlice(name: string, service: KubeObject, endpoints: SliceEndpoint[], ports: { name?: string; port: number; protocol?: string }[]): KubeObject {
  return obj('discovery.k8s.io/v1', 'EndpointSlice', name, service.metadata.namespace, {
    metadata: { labels: { 'kubernetes.io/service-name': service.metadata.name!, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, ownerReferences: [owner(service)] },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.pod.status?.podIP],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      nodeName: e.pod.spec?.nodeName,
      targetRef: { kind: 'Pod', namespace: e.pod.metadata.namespace, name: e.pod.metadata.name, uid: e.pod.metadata.uid },
    })),
    ports: ports.map((p) => ({ protocol: 'TCP', ...p })),
  });
}

export function makeIngress(name: string, rules: { host?: string; path: string; service: string; port: number | string }[], ns = 'default'): KubeObject {
  return obj('networking.k8s.io/v1', 'Ingress', name, ns, {
    spec: {
      ingressClassName: 'nginx',
      rules: rules.map((r) => ({
        host: r.host,
        http: { paths: [{ path: r.path, pathType: 'Prefix', backend: { service: { name: r.service, port: typeof r.port === 'number' ? { number: r.port } : { name: r.port } } } }] },
      })),
    },
  });
}

export function makeNode(name: string, ip: string, podCIDR: string): KubeObject {
  return obj('v1', 'Node', name, undefined, {
    spec: { podCIDR },
    status: { addresses: [{ type: 'InternalIP', address: ip }], conditions: [{ type: 'Ready', status: 'True' }] },
  });
}

export function makeStorageClass(name: string, provisioner = 'rancher.io/local-path', bindingMode = 'WaitForFirstConsumer'): KubeObject {
  return obj('storage.k8s.io/v1', 'StorageClass', name, undefined, { provisioner, volumeBindingMode: bindingMode, reclaimPolicy: 'Delete' });
}

export function makePV(name: string, opts: { storageClass?: string; claim?: KubeObject; phase?: string; capacity?: string } = {}): KubeObject {
  return obj('v1', 'PersistentVolume', name, undefined, {
    metadata: { annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } },
    spec: {
      capacity: { storage: opts.capacity ?? '1Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: opts.storageClass,
      persistentVolumeReclaimPolicy: 'Delete',
      claimRef: opts.claim ? { kind: 'PersistentVolumeClaim', namespace: opts.claim.metadata.namespace, name: opts.claim.metadata.name, uid: opts.claim.metadata.uid } : undefined,
    },
    status: { phase: opts.phase ?? (opts.claim ? 'Bound' : 'Available') },
  });
}

export function makePVC(name: string, opts: { ns?: string; storageClass?: string; volumeName?: string; phase?: string; request?: string; owner?: KubeObject } = {}): KubeObject {
  return obj('v1', 'PersistentVolumeClaim', name, opts.ns ?? 'default', {
    metadata: { ownerReferences: opts.owner ? [owner(opts.owner)] : undefined },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: opts.storageClass, volumeName: opts.volumeName, resources: { requests: { storage: opts.request ?? '1Gi' } } },
    status: { phase: opts.phase ?? (opts.volumeName ? 'Bound' : 'Pending') },
  });
}

export function makeStatefulSet(name: string, opts: { ns?: string; replicas?: number; ready?: number; claimTemplates?: string[] } = {}): KubeObject {
  return obj('apps/v1', 'StatefulSet', name, opts.ns ?? 'default', {
    spec: {
      replicas: opts.replicas ?? 2,
      serviceName: name,
      volumeClaimTemplates: (opts.claimTemplates ?? []).map((t) => ({ metadata: { name: t }, spec: { resources: { requests: { storage: '1Gi' } } } })),
    },
    status: { readyReplicas: opts.ready ?? opts.replicas ?? 2, currentReplicas: opts.replicas ?? 2, updatedReplicas: opts.replicas ?? 2 },
  });
}

export function makeGeneric(apiVersion: string, kind: string, name: string, ns: string | undefined, rest: Partial<KubeObject> = {}): KubeObject {
  return obj(apiVersion, kind, name, ns, rest);
}

/** A snapshot holding these objects, grouped by kind and sorted as the engine sorts them. */
export function snapshotOf(objects: KubeObject[], eventIndex = 0): Snapshot {
  const byKind: Record<string, KubeObject[]> = {};
  for (const o of objects) (byKind[o.kind] ??= []).push(o);
  for (const list of Object.values(byKind)) {
    list.sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`));
  }
  return { time: 0, eventIndex, resourceVersion: '1', objects: byKind };
}
