// Cluster view model: Nodes as containers with their pods inside, and a lane for pods that no
// node has taken yet. A pure function from a snapshot to what the canvas draws.
import type { KubeObject, Snapshot } from '../engine';

export type PodPhaseClass = 'pending' | 'creating' | 'running' | 'ready' | 'succeeded' | 'failed' | 'terminating' | 'unknown';

export interface PodCard {
  id: string;
  namespace: string;
  name: string;
  phase: PodPhaseClass;
  /** Text that says the state without colour (colour is never the only signal). */
  statusText: string;
  system: boolean;
  ip?: string;
}

export interface NodeBox {
  id: string;
  name: string;
  role: 'control-plane' | 'worker';
  ready: boolean;
  unschedulable: boolean;
  internalIP?: string;
  podCIDR?: string;
  taints: string[];
  cpu: { requested: number; allocatable: number };
  memory: { requested: number; allocatable: number };
  pods: PodCard[];
}

export interface ClusterViewModel {
  nodes: NodeBox[];
  unscheduled: PodCard[];
}

export function podCard(pod: KubeObject): PodCard {
  const ns = pod.metadata.namespace ?? 'default';
  const phase = podPhaseClass(pod);
  return {
    id: `Pod/${ns}/${pod.metadata.name}`,
    namespace: ns,
    name: pod.metadata.name ?? '',
    phase,
    statusText: statusText(pod, phase),
    system: ns.startsWith('kube-'),
    ip: pod.status?.podIP,
  };
}

export function podPhaseClass(pod: KubeObject): PodPhaseClass {
  if (pod.metadata.deletionTimestamp) return 'terminating';
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (phase === 'Running') {
    const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
    return ready ? 'ready' : 'running';
  }
  if (phase === 'Pending') return pod.spec?.nodeName ? 'creating' : 'pending';
  return 'unknown';
}

function statusText(pod: KubeObject, phase: PodPhaseClass): string {
  const waiting = (pod.status?.containerStatuses ?? []).find((c: { state?: { waiting?: { reason?: string } } }) => c.state?.waiting?.reason)?.state?.waiting?.reason;
  if (waiting) return waiting;
  switch (phase) {
    case 'pending':
      return 'Pending';
    case 'creating':
      return 'ContainerCreating';
    case 'running':
      return 'Running (not ready)';
    case 'ready':
      return 'Running';
    case 'succeeded':
      return 'Completed';
    case 'failed':
      return 'Error';
    case 'terminating':
      return 'Terminating';
    default:
      return 'Unknown';
  }
}

export function buildClusterView(snapshot: Snapshot, quantity: (q: string | undefined, kind: 'cpu' | 'memory') => number): ClusterViewModel {
  const pods = snapshot.objects.Pod ?? [];
  const byNode = new Map<string, KubeObject[]>();
  const unscheduled: PodCard[] = [];
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    if (!node) unscheduled.push(podCard(pod));
    else (byNode.get(node) ?? byNode.set(node, []).get(node)!).push(pod);
  }
  // Machines in natural name order (node-2 before node-10), control-plane first: how a person
  // counts them, unlike kubectl's plain string order.
  const machines = [...(snapshot.objects.Node ?? [])].sort((a, b) => controlPlaneFirst(a) - controlPlaneFirst(b) || naturalCompare(a.metadata.name ?? '', b.metadata.name ?? ''));
  const nodes = machines.map((node): NodeBox => {
    const name = node.metadata.name ?? '';
    const labels = node.metadata.labels ?? {};
    const onNode = byNode.get(name) ?? [];
    const active = onNode.filter((p) => !['Succeeded', 'Failed'].includes(p.status?.phase));
    const sum = (kind: 'cpu' | 'memory') =>
      active.reduce((acc, p) => acc + (p.spec?.containers ?? []).reduce((a: number, c: { resources?: { requests?: Record<string, string> } }) => a + quantity(c.resources?.requests?.[kind], kind), 0), 0);
    const ready = (node.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
    return {
      id: `Node/${name}`,
      name,
      role: 'node-role.kubernetes.io/control-plane' in labels ? 'control-plane' : 'worker',
      ready,
      unschedulable: Boolean(node.spec?.unschedulable),
      internalIP: (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address,
      podCIDR: node.spec?.podCIDR,
      taints: (node.spec?.taints ?? []).map((t: { key: string; value?: string; effect: string }) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      cpu: { requested: sum('cpu'), allocatable: quantity(node.status?.allocatable?.cpu, 'cpu') },
      memory: { requested: sum('memory'), allocatable: quantity(node.status?.allocatable?.memory, 'memory') },
      pods: onNode.map(podCard).sort((a, b) => Number(a.system) - Number(b.system) || (a.name < b.name ? -1 : 1)),
    };
  });
  return { nodes, unscheduled };
}

const controlPlaneFirst = (node: KubeObject): number => ('node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {}) ? 0 : 1);

/** Compares names with their digit runs as numbers: node-2 < node-10. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      // Equal numbers written differently (2, 02) compare on what follows.
      if (Number(x) !== Number(y)) return Number(x) - Number(y);
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
