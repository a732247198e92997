// Builders for hand-made snapshots the network tests run on: nodes with addresses and pod
// CIDRs, running pods with IPs, Services with their EndpointSlices, as the controllers and the
// kubelet would leave them.
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../../api/clusterConfig';
import type { KubeObject } from '../../api/types';
import { buildClusterNetwork, type ClusterNetwork } from '../clusterNetwork';

export interface TestPod {
  ns?: string;
  name: string;
  node: string;
  ip?: string;
  labels?: Record<string, string>;
  hostNetwork?: boolean;
  ports?: { containerPort: number; hostPort?: number; protocol?: 'TCP' | 'UDP' }[];
  image?: string;
}

export const NODES = [
  { name: 'control-plane', ip: '192.168.10.10', podCidr: '10.244.0.0/24' },
  { name: 'worker', ip: '192.168.10.11', podCidr: '10.244.1.0/24' },
  { name: 'worker2', ip: '192.168.10.12', podCidr: '10.244.2.0/24' },
];

export function makeNodeObject(n: { name: string; ip: string; podCidr: string }): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name } },
    spec: { podCIDR: n.podCidr, podCIDRs: [n.podCidr] },
    status: { addresses: [{ type: 'InternalIP', address: n.ip }, { type: 'Hostname', address: n.name }] },
  };
}

export function makePod(p: TestPod): Pod {
  const ns = p.ns ?? 'default';
  const node = NODES.find((n) => n.name === p.node);
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { namespace: ns, name: p.name, uid: `uid-${ns}-${p.name}`, labels: p.labels ?? {} },
    spec: {
      nodeName: p.node, hostNetwork: p.hostNetwork,
      containers: [{ name: 'c', image: p.image ?? 'nginx', ports: p.ports }],
    },
    status: { phase: 'Running', podIP: p.hostNetwork ? node?.ip : p.ip, podIPs: [{ ip: (p.hostNetwork ? node?.ip : p.ip) ?? '' }] },
  };
}

export function makeService(ns: string, name: string, spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace: ns, name }, spec };
}

/** One EndpointSlice for a Service's pods; `notReady` pods are listed with ready=false (failing readiness). */
export function sliceFor(svc: Service, pods: Pod[], ports: { name?: string; port: number; protocol?: 'TCP' | 'UDP' }[], notReady: string[] = []): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { namespace: svc.metadata?.namespace, name: `${svc.metadata?.name}-abcde`, labels: { 'kubernetes.io/service-name': svc.metadata!.name! } },
    endpoints: pods.map((p) => ({
      addresses: [p.status!.podIP!], nodeName: p.spec?.nodeName,
      conditions: { ready: !notReady.includes(p.metadata!.name!), serving: !notReady.includes(p.metadata!.name!), terminating: false },
      targetRef: { kind: 'Pod', namespace: p.metadata?.namespace, name: p.metadata?.name },
    })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

export function servicePort(port: number, targetPort: number, extra: Partial<ServicePort> = {}): ServicePort {
  return { name: '', port, targetPort, protocol: 'TCP', ...extra };
}

export function makeNetwork(objects: KubeObject[], config: Partial<ClusterConfig> = {}, kubeProxy?: KubeObject): ClusterNetwork {
  const byKind: Record<string, KubeObject[]> = {};
  for (const o of [...NODES.map(makeNodeObject), ...objects]) (byKind[o.kind] ??= []).push(o);
  return buildClusterNetwork({ objects: byKind, config: { ...DEFAULT_CLUSTER_CONFIG, ...config }, kubeProxy });
}

/** The web scenario: a client on worker, web pods on worker and worker2 behind ClusterIP 10.96.0.20. */
export function webScenario(opts: { notReady?: string[]; cni?: ClusterConfig['cni']; extra?: KubeObject[] | ((web: Pod[]) => unknown[]); serviceSpec?: Partial<NonNullable<Service['spec']>> } = {}) {
  const client = makePod({ name: 'client', node: 'worker', ip: '10.244.1.2', labels: { role: 'frontend' } });
  const other = makePod({ name: 'other', node: 'worker', ip: '10.244.1.5', labels: { role: 'batch' } });
  const web = [
    makePod({ name: 'web-a', node: 'worker', ip: '10.244.1.3', labels: { app: 'web' } }),
    makePod({ name: 'web-b', node: 'worker2', ip: '10.244.2.2', labels: { app: 'web' } }),
    makePod({ name: 'web-c', node: 'worker2', ip: '10.244.2.3', labels: { app: 'web' } }),
  ];
  const svc = makeService('default', 'web', { clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], selector: { app: 'web' }, ports: [servicePort(80, 8080, { name: 'http' })], ...opts.serviceSpec });
  const slice = sliceFor(svc, web, [{ name: 'http', port: 8080 }], opts.notReady);
  const extra = typeof opts.extra === 'function' ? opts.extra(web) : opts.extra ?? [];
  const objects = [client, other, ...web, svc, slice, ...extra] as unknown as KubeObject[];
  return { net: makeNetwork(objects, { cni: opts.cni ?? 'flannel' }), client, web, svc };
}
