// The cluster's machines: what ClusterConfig (or Node objects in the manifests) says the
// hardware is. A kubelet runs on each and registers its Node (kubelet/nodeRegistration.ts adds
// the standard labels, kubeadm's control-plane label and taint, capacity and conditions).
import type { ClusterConfig, ClusterNodeSpec } from '../api/clusterConfig';
import type { KubeObject } from '../api/types';

export interface Machine {
  name: string;
  role: 'control-plane' | 'worker';
  internalIP: string;
  spec: ClusterNodeSpec;
  /** A Node object from the manifests, honoured as this machine's registration. */
  nodeObject?: KubeObject;
}

/** Machines when the manifests declare no Node: one control plane and workers. */
export function machinesFromConfig(config: ClusterConfig): Machine[] {
  const specs: ClusterNodeSpec[] = Array.isArray(config.nodes)
    ? config.nodes
    : Array.from({ length: Math.max(1, config.nodes) }, (_, i) => ({ role: i === 0 ? 'control-plane' : 'worker' }) as ClusterNodeSpec);
  let workers = 0;
  return specs.map((spec, i) => {
    const role = spec.role ?? (i === 0 ? 'control-plane' : 'worker');
    const name = spec.name ?? (role === 'control-plane' ? (i === 0 ? 'control-plane' : `control-plane-${i}`) : `node-${++workers}`);
    return {
      name,
      role,
      internalIP: nodeIP(i),
      spec: { cpu: role === 'control-plane' ? '2' : '4', memory: role === 'control-plane' ? '4Gi' : '8Gi', pods: 110, ...spec, name, role },
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
    const role = isControlPlane ? 'control-plane' : 'worker';
    return {
      name: node.metadata.name!,
      role,
      internalIP: address ?? nodeIP(i),
      spec: {
        name: node.metadata.name,
        role,
        cpu: capacity.cpu ?? '4',
        memory: capacity.memory ?? '8Gi',
        pods: Number(capacity.pods ?? 110),
        labels,
        taints: node.spec?.taints ?? [],
        zone: labels['topology.kubernetes.io/zone'],
      },
      nodeObject: node,
    };
  });
}

/** Node addresses on the machines' LAN: 192.168.10.10, .11, ... (then the next /24s). */
export function nodeIP(index: number): string {
  const n = 10 + index;
  return `192.168.${10 + Math.floor(n / 250)}.${n % 250}`;
}
