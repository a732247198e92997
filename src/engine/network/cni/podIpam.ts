// The cluster's IPAM as the CNI plugins run it: one host-local allocator per node over the
// node's podCIDR (flannel and the bridge plugin delegate to host-local; Calico in its
// usePodCIDR mode does too). Allocation is keyed by the pod's uid, as host-local keys by
// container ID; pods get addresses in the order they are admitted.
import type { KubeObject } from '../../api/types';
import { HostLocalAllocator } from './hostLocal';

export class ClusterIpam {
  private allocators = new Map<string, HostLocalAllocator>();

  allocate(node: KubeObject | undefined, pod: KubeObject): string | { error: string } {
    const cidr = node?.spec?.podCIDR as string | undefined;
    if (!node || !cidr) return { error: `failed to allocate for range 0: no IP addresses available in range set: node ${node?.metadata.name ?? ''} has no podCIDR yet` };
    let alloc = this.allocators.get(node.metadata.name!);
    if (!alloc) this.allocators.set(node.metadata.name!, (alloc = HostLocalAllocator.forSubnet(cidr)));
    const result = alloc.allocate(pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`, 'eth0');
    return result.ok ? result.ip : { error: result.error };
  }

  release(nodeName: string, pod: KubeObject): void {
    this.allocators.get(nodeName)?.release(pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`, 'eth0');
  }

  /** host-local's on-disk state per node (for the Network view). */
  state(nodeName: string) {
    return this.allocators.get(nodeName)?.state();
  }
}
