// A machine's kubelet registering its Node (pkg/kubelet/kubelet_node_status.go initialNode).
import type { Cluster } from '../core/cluster';
import type { Machine } from './machines';
import type { KubeObject } from '../api/types';

export function registerMachine(cluster: Cluster, machine: Machine): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': machine.name,
    'kubernetes.io/os': 'linux',
    ...machine.labels,
  };
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: machine.name, labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec: { ...(machine.taints.length ? { taints: machine.taints } : {}), ...(machine.nodeObject?.spec?.podCIDR ? { podCIDR: machine.nodeObject.spec.podCIDR, podCIDRs: machine.nodeObject.spec.podCIDRs ?? [machine.nodeObject.spec.podCIDR] } : {}) },
    status: {
      capacity: { cpu: machine.cpu, memory: machine.memory, pods: String(machine.pods), 'ephemeral-storage': '61202244Ki', 'hugepages-2Mi': '0' },
      allocatable: { cpu: machine.cpu, memory: machine.memory, pods: String(machine.pods), 'ephemeral-storage': '56403987978', 'hugepages-2Mi': '0' },
      addresses: [
        { type: 'InternalIP', address: machine.internalIP },
        { type: 'Hostname', address: machine.name },
      ],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    },
  };
  return cluster.api.create(node, { component: `kubelet/${machine.name}`, reason: 'RegisteredNode' }, { keepStatus: true });
}
