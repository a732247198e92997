// Test helpers: hand-built snapshots (exact, independent of how far the engine's controllers
// have come) and object builders in the shape the engine stores.
import type { KubeObject, Snapshot } from '../../engine';
import { isoAt } from '../../engine';
import { DEFAULT_CLUSTER_CONFIG } from '../../engine/api/clusterConfig';
import type { KubectlContext } from '../context';

export function snapshotOf(objects: KubeObject[], time: number): Snapshot {
  const byKind: Record<string, KubeObject[]> = {};
  for (const o of objects) (byKind[o.kind] ??= []).push(o);
  for (const list of Object.values(byKind)) {
    list.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }
  return { time, eventIndex: 0, resourceVersion: '1', objects: byKind };
}

export function ctxOf(objects: KubeObject[], time: number, extra: Partial<KubectlContext> = {}): KubectlContext {
  return { snapshot: snapshotOf(objects, time), config: DEFAULT_CLUSTER_CONFIG, ...extra };
}

let uid = 0;
const nextUid = () => `00000000-0000-4000-8000-${String(++uid).padStart(12, '0')}`;

export function meta(name: string, opts: { namespace?: string | null; labels?: Record<string, string>; created?: number; owner?: KubeObject; annotations?: Record<string, string> } = {}): KubeObject['metadata'] {
  return {
    name,
    ...(opts.namespace === null ? {} : { namespace: opts.namespace ?? 'default' }),
    uid: nextUid(),
    creationTimestamp: isoAt(opts.created ?? 0),
    ...(opts.labels ? { labels: opts.labels } : {}),
    ...(opts.annotations ? { annotations: opts.annotations } : {}),
    ...(opts.owner
      ? { ownerReferences: [{ apiVersion: opts.owner.apiVersion, kind: opts.owner.kind, name: opts.owner.metadata.name ?? '', uid: opts.owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] }
      : {}),
  };
}

export interface PodOpts {
  namespace?: string;
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  phase?: string;
  ready?: boolean;
  restarts?: number;
  created?: number;
  owner?: KubeObject;
  image?: string;
  waiting?: string;
  containers?: any[];
}

export function makePod(name: string, o: PodOpts = {}): KubeObject {
  const containers = o.containers ?? [{ name: 'nginx', image: o.image ?? 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '100m', memory: '64Mi' } } }];
  const running = o.phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, { namespace: o.namespace, labels: o.labels, created: o.created, owner: o.owner }),
    spec: { containers, ...(o.node ? { nodeName: o.node } : {}), serviceAccountName: 'default', restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    status: {
      phase: o.phase ?? 'Pending',
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }], hostIP: '192.168.10.11' } : {}),
      ...(o.node ? { startTime: isoAt((o.created ?? 0) + 1000) } : {}),
      conditions: running ? [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }, { type: 'PodScheduled', status: 'True' }] : [],
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: c.image,
        ready: running && o.ready !== false,
        restartCount: o.restarts ?? 0,
        state: running ? { running: { startedAt: isoAt((o.created ?? 0) + 5000) } } : { waiting: { reason: o.waiting ?? 'ContainerCreating' } },
      })),
    },
  };
}

export function makeNode(name: string, ip: string, podCidr: string, opts: { roles?: string[]; unschedulable?: boolean; taints?: any[] } = {}): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' };
  for (const r of opts.roles ?? []) labels[`node-role.kubernetes.io/${r}`] = '';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, { namespace: null, labels }),
    spec: { podCIDR: podCidr, podCIDRs: [podCidr], ...(opts.unschedulable ? { unschedulable: true } : {}), ...(opts.taints ? { taints: opts.taints } : {}) },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: isoAt(0), lastTransitionTime: isoAt(0) }],
      nodeInfo: { kubeletVersion: 'v1.34.2', osImage: 'Ubuntu 24.04.2 LTS', kernelVersion: '6.8.0-57-generic', containerRuntimeVersion: 'containerd://2.1.4' },
    },
  };
}

export function makeService(name: string, opts: { selector?: Record<string, string>; clusterIP: string; ports: any[]; type?: string; namespace?: string; labels?: Record<string, string> }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, { namespace: opts.namespace, labels: opts.labels }),
    spec: { type: opts.type ?? 'ClusterIP', clusterIP: opts.clusterIP, clusterIPs: [opts.clusterIP], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', selector: opts.selector, ports: opts.ports, sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' },
    status: { loadBalancer: {} },
  };
}

export function makeEvent(involved: KubeObject, reason: string, message: string, opts: { type?: string; component: string; at: number; count?: number; first?: number }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(`${involved.metadata.name}.${opts.at}`, { namespace: involved.metadata.namespace ?? 'default', created: opts.first ?? opts.at }),
    involvedObject: { apiVersion: involved.apiVersion, kind: involved.kind, name: involved.metadata.name, namespace: involved.metadata.namespace, uid: involved.metadata.uid },
    reason,
    message,
    source: { component: opts.component },
    firstTimestamp: isoAt(opts.first ?? opts.at),
    lastTimestamp: isoAt(opts.at),
    count: opts.count ?? 1,
    type: opts.type ?? 'Normal',
  };
}

/** A small three-pod web app: Deployment, ReplicaSet, pods, Service, EndpointSlice, two nodes. */
export function webApp(): KubeObject[] {
  const deploy: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...meta('web', { labels: { app: 'web' } }), generation: 1, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
    },
    status: {
      observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1,
      conditions: [
        { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-7d4b9c8f5" is progressing.' },
      ],
    },
  };
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { ...meta('web-7d4b9c8f5', { labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' }, owner: deploy }), annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } }, spec: deploy.spec.template.spec } },
    status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
  };
  const labels = { app: 'web', 'pod-template-hash': '7d4b9c8f5' };
  const pods = [
    makePod('web-7d4b9c8f5-a1b2c', { labels, node: 'node-1', ip: '10.244.1.2', phase: 'Running', owner: rs }),
    makePod('web-7d4b9c8f5-d3e4f', { labels, node: 'node-2', ip: '10.244.2.2', phase: 'Running', owner: rs, restarts: 0 }),
    makePod('web-7d4b9c8f5-g5h6i', { labels, owner: rs, waiting: 'ContainerCreating', node: 'node-1' }),
  ];
  const svc = makeService('web', { selector: { app: 'web' }, clusterIP: '10.96.12.34', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }] });
  const slice: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta('web-x7k2p', { labels: { 'kubernetes.io/service-name': 'web' } }),
    addressType: 'IPv4',
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    endpoints: [
      { addresses: ['10.244.1.2'], conditions: { ready: true }, nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web-7d4b9c8f5-a1b2c', namespace: 'default' } },
      { addresses: ['10.244.2.2'], conditions: { ready: true }, nodeName: 'node-2', targetRef: { kind: 'Pod', name: 'web-7d4b9c8f5-d3e4f', namespace: 'default' } },
    ],
  };
  const dns = makeService('kube-dns', { namespace: 'kube-system', selector: { 'k8s-app': 'kube-dns' }, clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] });
  const nodes = [makeNode('control-plane', '192.168.10.10', '10.244.0.0/24', { roles: ['control-plane'] }), makeNode('node-1', '192.168.10.11', '10.244.1.0/24'), makeNode('node-2', '192.168.10.12', '10.244.2.0/24')];
  const ns = ['default', 'kube-system'].map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(n, { namespace: null, labels: { 'kubernetes.io/metadata.name': n } }), status: { phase: 'Active' } }));
  return [deploy, rs, ...pods, svc, slice, dns, ...nodes, ...ns];
}
