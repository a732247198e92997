// The Node a kubelet registers and keeps up to date (pkg/kubelet/kubelet_node_status.go
// initialNode/registerWithAPIServer, nodestatus/setters.go, cm/node_container_manager_linux.go
// GetNodeAllocatableReservation) and its heartbeat Lease (pkg/kubelet/nodelease, component-
// helpers/apimachinery/lease/controller.go). Versions are the ones a kubeadm v1.34 node shows.
import type { KubeObject } from '../api/types';
import type { ClusterConfig, ClusterNodeSpec } from '../api/clusterConfig';
import { formatMilli, formatQuantity, milliValue } from '../api/quantity';
import { EPOCH_MS, isoAt } from '../core/time';
import type { Rng } from '../core/rng';
import { randomHex64 } from './syncContext';
import type { KubeletState } from './types';

export const KUBELET_VERSION = 'v1.34.1';
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.4';
export const OS_IMAGE = 'Ubuntu 24.04.3 LTS';
export const KERNEL_VERSION = '6.8.0-85-generic';
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';
/** The disk the simulated nodes have (ephemeral-storage capacity), as cadvisor reports it. */
export const NODE_DISK = '102626232Ki';
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
export const LEASE_DURATION_SECONDS = 40;

export interface NodeReservations {
  kubeReserved?: { cpu?: string; memory?: string; 'ephemeral-storage'?: string };
  systemReserved?: { cpu?: string; memory?: string; 'ephemeral-storage'?: string };
  /** eviction-hard; default memory.available<100Mi, nodefs.available<10%. */
  evictionHard?: { 'memory.available'?: string; 'nodefs.available'?: string };
  /** The node's disk (ephemeral-storage capacity); default NODE_DISK. */
  disk?: string;
}

export interface RegisterOptions extends NodeReservations {
  /** Node name when the spec has none. */
  name?: string;
  /** Virtual ms of registration (creation and condition times). */
  now?: number;
  internalIP?: string;
  podCIDR?: string;
  rng?: Rng;
  /** False until the CNI is configured: Ready=False with the runtime's network message. */
  networkReady?: boolean;
}

/** Quantity as bytes or millicores from a threshold that may be a percentage of `capacity`. */
function threshold(value: string | undefined, capacity: number): number {
  if (!value) return 0;
  if (value.endsWith('%')) {
    // evictionapi.ThresholdValue.Percentage is a float32.
    return Math.trunc(capacity * Math.fround(parseFloat(value) / 100));
  }
  return Math.ceil(milliValue(value) / 1000);
}

/** capacity and allocatable as the kubelet reports them (allocatable = capacity - reservations - hard eviction). */
export function nodeResources(spec: ClusterNodeSpec, r: NodeReservations = {}): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const cpuMilli = milliValue(spec.cpu ?? '2');
  const memBytes = Math.ceil(milliValue(spec.memory ?? '4Gi') / 1000);
  const disk = r.disk ?? NODE_DISK;
  const diskBytes = Math.ceil(milliValue(disk) / 1000);
  const pods = spec.pods ?? 110;
  const res = (k: 'cpu' | 'memory' | 'ephemeral-storage', isCpu = false) => {
    const parse = (v?: string) => (v ? (isCpu ? milliValue(v) : Math.ceil(milliValue(v) / 1000)) : 0);
    return parse(r.kubeReserved?.[k]) + parse(r.systemReserved?.[k]);
  };
  const evMem = threshold(r.evictionHard?.['memory.available'] ?? '100Mi', memBytes);
  const evDisk = threshold(r.evictionHard?.['nodefs.available'] ?? '10%', diskBytes);
  const capacity = {
    cpu: formatMilli(cpuMilli),
    'ephemeral-storage': disk,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatQuantity(memBytes, 'BinarySI'),
    pods: String(pods),
  };
  const allocatable = {
    cpu: formatMilli(Math.max(0, cpuMilli - res('cpu', true))),
    'ephemeral-storage': formatQuantity(Math.max(0, diskBytes - res('ephemeral-storage') - evDisk), 'BinarySI'),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatQuantity(Math.max(0, memBytes - res('memory') - evMem), 'BinarySI'),
    pods: String(pods),
  };
  return { capacity, allocatable };
}

/** MemoryPressure, DiskPressure, PIDPressure, Ready with the kubelet's reasons (setters.go). */
export function nodeConditions(now: number, transitionAt: number, networkReady = true): any[] {
  const c = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: isoAt(now),
    lastTransitionTime: isoAt(transitionAt),
    reason,
    message,
  });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    networkReady
      ? c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
      : c(
          'Ready',
          'False',
          'KubeletNotReady',
          'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
        ),
  ];
}

function uuid(rng: Rng | undefined, seed: string): string {
  const hex = rng ? randomHex64(rng) : seed.padEnd(64, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The Node object a kubelet registers for `spec` (labels, capacity, conditions, nodeInfo). */
export function registerNode(spec: ClusterNodeSpec, config: ClusterConfig, opts: RegisterOptions = {}): KubeObject {
  const name = spec.name ?? opts.name ?? 'node';
  const now = opts.now ?? 0;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  const taints: any[] = [...(spec.taints ?? [])];
  if (spec.role === 'control-plane' && config.bootstrap === 'kubeadm') {
    // kubeadm's mark-control-plane phase.
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    if (!spec.taints) taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
  }
  if (spec.zone) labels['topology.kubernetes.io/zone'] = spec.zone;
  Object.assign(labels, spec.labels ?? {});
  const { capacity, allocatable } = nodeResources(spec, opts);
  const addresses = [...(opts.internalIP ? [{ type: 'InternalIP', address: opts.internalIP }] : []), { type: 'Hostname', address: name }];
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        ...(config.bootstrap === 'kubeadm' ? { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock' } : {}),
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      ...(opts.podCIDR ? { podCIDR: opts.podCIDR, podCIDRs: [opts.podCIDR] } : {}),
      ...(taints.length ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable,
      conditions: nodeConditions(now, now, opts.networkReady ?? true),
      addresses,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: (opts.rng ? randomHex64(opts.rng) : name.padEnd(32, '0')).slice(0, 32),
        systemUUID: uuid(opts.rng, name),
        bootID: uuid(opts.rng, name),
        kernelVersion: KERNEL_VERSION,
        osImage: OS_IMAGE,
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
      features: { supplementalGroupsPolicy: true },
      runtimeHandlers: [
        { name: 'runc', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
        { name: '', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
      ],
    },
  };
  return node;
}

/** status.images from the image cache: largest first, at most 50 (nodeStatusMaxImages). */
export function nodeImages(state: KubeletState): any[] {
  return Object.values(state.images)
    .map((i) => ({ names: [...i.repoDigests, ...i.repoTags], sizeBytes: i.sizeBytes }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[0] < b.names[0] ? -1 : 1))
    .slice(0, 50);
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(virtualMs: number): string {
  const base = isoAt(virtualMs).replace('Z', '');
  const ms = (((EPOCH_MS + virtualMs) % 1000) + 1000) % 1000;
  return `${base}.${String(ms).padStart(3, '0')}000Z`;
}

/** The node's heartbeat Lease (kube-node-lease/<node>), owned by the Node. */
export function nodeLease(node: KubeObject, renewAt: number, existing?: KubeObject): KubeObject {
  const name = node.metadata.name ?? '';
  return {
    ...(existing ?? {}),
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      ...(existing?.metadata ?? {}),
      name,
      namespace: NODE_LEASE_NAMESPACE,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(renewAt) },
  };
}
