// The cluster's machines: what ClusterConfig (or Node objects in the manifests) says the
// hardware is. A kubelet runs on each and registers its Node.
import type { ClusterConfig, ClusterNodeSpec } from '../api/clusterConfig';
import type { KubeObject } from '../api/types';

export interface Machine {
  name: string;
  role: 'control-plane' | 'worker';
  internalIP: string;
  cpu: string;
  memory: string;
  pods: number;
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: string }[];
  /** A Node object from the manifests, honoured as this machine's registration. */
  nodeObject?: KubeObject;
}

export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/** Machines when the manifests declare no Node: one tainted control plane and workers. */
export function machinesFromConfig(config: ClusterConfig): Machine[] {
  const specs: ClusterNodeSpec[] = Array.isArray(config.nodes)
    ? config.nodes
    : Array.from({ length: Math.max(1, config.nodes) }, (_, i) => ({ role: i === 0 ? 'control-plane' : 'worker' }) as ClusterNodeSpec);
  let workers = 0;
  return specs.map((spec, i) => {
    const role = spec.role ?? (i === 0 ? 'control-plane' : 'worker');
    const name = spec.name ?? (role === 'control-plane' ? (i === 0 ? 'control-plane' : `control-plane-${i}`) : `node-${++workers}`);
    const labels: Record<string, string> = { ...(spec.labels ?? {}) };
    if (spec.zone) labels['topology.kubernetes.io/zone'] = spec.zone;
    if (role === 'control-plane') {
      labels['node-role.kubernetes.io/control-plane'] = '';
      labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    }
    return {
      name,
      role,
      internalIP: nodeIP(i),
      cpu: spec.cpu ?? (role === 'control-plane' ? '2' : '4'),
      memory: spec.memory ?? (role === 'control-plane' ? '4Gi' : '8Gi'),
      pods: spec.pods ?? 110,
      labels,
      taints: spec.taints ?? (role === 'control-plane' ? [CONTROL_PLANE_TAINT] : []),
    };
  });
}

/** Machines from Node objects in the manifests: their own names, labels, taints and capacity. */
export function machinesFromNodes(nodes: KubeObject[]): Machine[] {
  return nodes.map((node, i) => {
    const labels = { ...(node.metadata.labels ?? {}) };
    const isControlPlane = 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels;
    const address = (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
    const capacity = node.status?.capacity ?? {};
    return {
      name: node.metadata.name!,
      role: isControlPlane ? 'control-plane' : 'worker',
      internalIP: address ?? nodeIP(i),
      cpu: capacity.cpu ?? '4',
      memory: capacity.memory ?? '8Gi',
      pods: Number(capacity.pods ?? 110),
      labels,
      taints: node.spec?.taints ?? [],
      nodeObject: node,
    };
  });
}

/** Node addresses on the machines' LAN: 192.168.10.10, .11, ... (then the next /24s). */
export function nodeIP(index: number): string {
  const n = 10 + index;
  return `192.168.${10 + Math.floor(n / 250)}.${n % 250}`;
}
