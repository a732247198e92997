// kube-controller-manager's node IPAM controller with the range allocator
// (pkg/controller/nodeipam/ipam/range_allocator.go, cidrset/cidr_set.go): each Node without a
// podCIDR gets the next free subnet of --cluster-cidr of size --node-cidr-mask-size. The
// cidrset scans from the subnet after the last one it handed out, wrapping around.
import type { Controller, Plan } from '../types';
import type { KubeObject } from '../../api/types';
import { parseCidr, formatCidr, cidrContains, type Cidr } from '../../network/ip';

export const NODE_IPAM = 'node-ipam-controller';

export function subnetAt(cluster: Cidr, maskSize: number, index: number): string {
  const bits = cluster.family === 4 ? 32 : 128;
  const network = cluster.network + (BigInt(index) << BigInt(bits - maskSize));
  return formatCidr({ family: cluster.family, network, prefix: maskSize });
}

export function createNodeIpamController(clusterCIDR: string, maskSize: number): Controller {
  const cluster = parseCidr(clusterCIDR);
  const total = 2 ** Math.min(30, maskSize - cluster.prefix);
  let nextCandidate = 0;
  return {
    name: NODE_IPAM,
    watches: ['Node'],
    keysFor: (e) => (e.type !== 'DELETED' && !e.object.spec?.podCIDR ? [e.name] : []),
    initialKeys: (listers) => listers.list('Node').filter((n) => !n.spec?.podCIDR).map((n) => n.metadata.name!),
    reconcile(key, { listers }): Plan {
      const node = listers.get('Node', '', key);
      if (!node || node.spec?.podCIDR) return { writes: [] };
      const used = new Set(listers.list('Node').map((n: KubeObject) => n.spec?.podCIDR).filter(Boolean));
      for (let i = 0; i < total; i++) {
        const index = (nextCandidate + i) % total;
        const candidate = subnetAt(cluster, maskSize, index);
        if (used.has(candidate)) continue;
        nextCandidate = (index + 1) % total;
        const next = structuredClone(node);
        next.spec = { ...(next.spec ?? {}), podCIDR: candidate, podCIDRs: [candidate] };
        return { writes: [{ op: 'update', object: next, reason: 'CIDRAssigned' }] };
      }
      return {
        writes: [{ op: 'event', involved: node, type: 'Normal', reason: 'CIDRNotAvailable', message: `Node ${key} status is now: CIDRNotAvailable` }],
      };
    },
  };
}

/** Whether a podCIDR given in a Node manifest lies inside the cluster CIDR (else flannel cannot route it). */
export function podCidrInCluster(clusterCIDR: string, podCIDR: string): boolean {
  const inner = parseCidr(podCIDR);
  return cidrContains(clusterCIDR, formatCidr({ ...inner, prefix: inner.family === 4 ? 32 : 128 }));
}
