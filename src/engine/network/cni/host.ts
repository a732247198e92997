// What every node's root network namespace has before any CNI runs: lo, the physical NIC with
// the node's InternalIP, the LAN route and a default route.
import { cidrContains, formatCidr, nthAddress, parseCidr } from '../ip';
import { derivedMac } from './names';
import { route } from './render';
import type { NetInterface, NetNamespace, NodeNetInfo, PodNetInfo, RouteEntry } from './types';

export const HOST_NETNS = 'host';
export const HOST_NIC = 'eth0';

export function loopback(): NetInterface {
  return { name: 'lo', type: 'loopback', addresses: ['127.0.0.1/8'], mtu: 65536, master: null, peer: null, mac: '00:00:00:00:00:00' };
}

export function lanCidr(node: NodeNetInfo): string {
  return formatCidr(parseCidr(`${node.internalIp}/${node.lanPrefix ?? 24}`));
}

/** The root namespace skeleton: lo + eth0 with the InternalIP, LAN route, default via the LAN's first address. */
export function hostNamespace(node: NodeNetInfo, hostMtu: number): NetNamespace {
  const lan = lanCidr(node);
  const prefix = node.lanPrefix ?? 24;
  const routes: RouteEntry[] = [
    route({ dst: 'default', via: nthAddress(lan, 1), dev: HOST_NIC }),
    route({ dst: lan, dev: HOST_NIC, proto: 'kernel', scope: 'link', src: node.internalIp }),
  ];
  return {
    name: HOST_NETNS,
    pods: [],
    interfaces: [
      loopback(),
      {
        name: HOST_NIC, type: 'physical', addresses: [`${node.internalIp}/${prefix}`], mtu: hostMtu,
        master: null, peer: null, mac: derivedMac(`${node.name}/${HOST_NIC}`),
      },
    ],
    routes,
    neighbours: [],
    fdb: [],
  };
}

/** True when two nodes share the LAN, so a route can point straight at the other node. */
export function sameLan(a: NodeNetInfo, b: NodeNetInfo): boolean {
  return cidrContains(lanCidr(a), b.internalIp);
}

export const podKey = (p: PodNetInfo) => `${p.namespace}/${p.name}`;

/** CNI_CONTAINERID: the sandbox container, or the pod UID when the caller has no container IDs. */
export const sandboxId = (p: PodNetInfo) => p.containerIds?.[0] ?? p.uid;

/** The other nodes, in name order, with this node removed. */
export function otherNodes(self: NodeNetInfo, nodes: NodeNetInfo[]): NodeNetInfo[] {
  return nodes.filter((n) => n.name !== self.name).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
