// Test builders in the spirit of upstream's pkg/scheduler/testing wrappers (st.MakePod,
// st.MakeNode), plus helpers that run one plugin the way the framework would.
import type { Container, Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { SchedulerCache } from '../cache';
import { CycleState, type NodeScore, type Plugin } from '../plugin-api';
import type { Status } from '../status';
import type { SchedulingSnapshot } from '../types';

export interface NodeOpts {
  /** Sets allocatable (and capacity), as st.MakeNode().Capacity does. */
  capacity?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function makeNode(name: string, o: NodeOpts = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { capacity: o.capacity, allocatable: o.capacity ?? {}, images: o.images },
  };
}

export interface PodOpts {
  namespace?: string;
  labels?: Record<string, string>;
  /** One container per entry, as st.MakePod().Req(...).Req(...). */
  containers?: Record<string, string>[];
  initContainers?: { requests: Record<string, string>; sidecar?: boolean }[];
  nodeName?: string;
  priority?: number;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: NonNullable<Pod['spec']>['affinity'];
  hostPorts?: { port: number; ip?: string; protocol?: string }[];
  topologySpreadConstraints?: NonNullable<Pod['spec']>['topologySpreadConstraints'];
  images?: string[];
  nominatedNodeName?: string;
  schedulingGates?: string[];
  preemptionPolicy?: string;
  startTime?: string;
  ownerReferences?: NonNullable<Pod['metadata']>['ownerReferences'];
  volumes?: NonNullable<Pod['spec']>['volumes'];
  overhead?: Record<string, string>;
}

export function makePod(name: string, o: PodOpts = {}): Pod {
  const containers: Container[] = (o.containers ?? []).map((requests, i) => ({ name: `c${i}`, image: o.images?.[i] ?? 'pause', resources: { requests } }));
  if (o.hostPorts?.length) {
    if (containers.length === 0) containers.push({ name: 'c0', image: 'pause' });
    containers[0].ports = o.hostPorts.map((p) => ({ containerPort: p.port, hostPort: p.port, hostIP: p.ip, protocol: p.protocol }));
  }
  if (o.images && containers.length === 0) o.images.forEach((image, i) => containers.push({ name: `c${i}`, image }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels, uid: `uid-${name}`, ownerReferences: o.ownerReferences },
    spec: {
      containers,
      initContainers: o.initContainers?.map((c, i) => ({ name: `i${i}`, image: 'pause', resources: { requests: c.requests }, restartPolicy: c.sidecar ? 'Always' : undefined })),
      nodeName: o.nodeName,
      priority: o.priority,
      tolerations: o.tolerations,
      nodeSelector: o.nodeSelector,
      affinity: o.affinity,
      topologySpreadConstraints: o.topologySpreadConstraints,
      schedulingGates: o.schedulingGates?.map((name) => ({ name })),
      preemptionPolicy: o.preemptionPolicy,
      volumes: o.volumes,
      overhead: o.overhead,
    },
    status: { nominatedNodeName: o.nominatedNodeName, startTime: o.startTime },
  };
}

export function cacheOf(nodes: Node[], pods: Pod[] = [], extra: Partial<SchedulingSnapshot> = {}): SchedulerCache {
  return SchedulerCache.fromSnapshot({ ...extra, nodes, pods });
}

/** PreFilter (if any) then Filter for each node: the status per node name (null = passed). */
export function runFilter(plugin: Plugin, pod: Pod, cache: SchedulerCache): Record<string, Status | null> {
  const state = new CycleState(cache);
  const pi = cache.newPodInfo(pod);
  const nodes = cache.nodeInfos();
  const pre = plugin.preFilter?.(state, pi, nodes);
  const out: Record<string, Status | null> = {};
  for (const n of nodes) {
    if (pre?.status?.code === 'Skip') out[n.name] = null;
    else if (pre?.status) out[n.name] = pre.status;
    else out[n.name] = plugin.filter ? plugin.filter(state, pi, n) : null;
  }
  return out;
}

/** PreScore, Score and NormalizeScore over the given (or all) nodes; 'skip' when PreScore skipped. */
export function runScore(plugin: Plugin, pod: Pod, cache: SchedulerCache, nodeNames?: string[]): NodeScore[] | 'skip' {
  const state = new CycleState(cache);
  const pi = cache.newPodInfo(pod);
  const nodes = cache.nodeInfos().filter((n) => !nodeNames || nodeNames.includes(n.name));
  const s = plugin.preScore?.(state, pi, nodes);
  if (s?.code === 'Skip') return 'skip';
  const scores = nodes.map((n) => ({ name: n.name, score: plugin.score!(state, pi, n) }));
  plugin.normalizeScore?.(state, pi, scores);
  return scores;
}
