// The whole data plane of one node for the cluster's CNI: root namespace plus one namespace per
// pod-network pod. hostNetwork pods join the root namespace (no veth, the node's IP).
import { cidrContains, normalizeCidr } from '../ip';
import { bridgeDataplane } from './bridge';
import { buildCalico } from './calico';
import { buildFlannel, flannelIptables, flannelSubnetEnv } from './flannel';
import { HOST_NIC, hostNamespace, otherNodes, podKey, sameLan } from './host';
import { NAMING_SIMPLIFICATIONS } from './names';
import { route, sortRoutes } from './render';
import type { NetNamespace, NodeNetwork, NodeNetworkInput, PodNetInfo } from './types';

function buildPlainBridge(input: NodeNetworkInput, host: NetNamespace, pods: PodNetInfo[], notes: string[]): NetNamespace[] {
  const { node } = input;
  // The bridge plugin only wires its own node; cross-node reachability needs routes to the other
  // nodes' pod CIDRs (host-gw style), which we add when the nodes share a LAN.
  for (const other of otherNodes(node, input.nodes)) {
    if (sameLan(node, other)) {
      host.routes.push(route({ dst: normalizeCidr(other.podCidr), via: other.internalIp, dev: HOST_NIC }));
    } else {
      notes.push(`${other.name} is not on ${node.name}'s LAN: no route to its pods with the plain bridge CNI.`);
    }
  }
  notes.push('bridge: routes to other nodes\' pod CIDRs are host-gw style static routes; the bridge plugin itself adds none.');
  notes.push('bridge: assumes hairpinMode: true and isDefaultGateway: true in the bridge conf (plugin defaults are false); its per-pod CNI-<hash> masquerade chains are not shown.');
  const br = bridgeDataplane(node, pods, { mtu: input.cni.hostMtu ?? 1500, hairpin: true, podRoutes: [] });
  host.interfaces.push(...br.hostInterfaces);
  host.routes.push(...br.hostRoutes);
  host.fdb.push(...br.hostFdb);
  return br.podNamespaces;
}

/** Builds the node's network namespaces, routes, neighbours, FDB and CNI iptables rules. */
export function buildNodeNetwork(input: NodeNetworkInput): NodeNetwork {
  const { cni, node } = input;
  const notes: string[] = [...NAMING_SIMPLIFICATIONS];
  const host = hostNamespace(node, cni.hostMtu ?? 1500);
  const podNet: PodNetInfo[] = [];
  const sorted = [...input.pods].sort((a, b) => (podKey(a) < podKey(b) ? -1 : podKey(a) > podKey(b) ? 1 : 0));
  for (const pod of sorted) {
    if (pod.hostNetwork) {
      host.pods.push(podKey(pod));
    } else if (!pod.ip) {
      notes.push(`${podKey(pod)} has no IP yet (no sandbox network): not shown.`);
    } else {
      if (!cidrContains(node.podCidr, pod.ip)) notes.push(`${podKey(pod)} IP ${pod.ip} is outside ${node.name}'s podCIDR ${node.podCidr}.`);
      podNet.push(pod);
    }
  }
  let pods: NetNamespace[];
  let iptables = { nat: [] as string[], filter: [] as string[] };
  let subnetEnv: string | null = null;
  if (cni.kind === 'flannel') {
    pods = buildFlannel(input, host, podNet);
    iptables = flannelIptables(cni.clusterCidr, node.podCidr);
    subnetEnv = flannelSubnetEnv(cni.clusterCidr, node, (cni.hostMtu ?? 1500) - 50);
    notes.push('flannel: the LAN gateway is assumed to be the first address of the node\'s /24; dynamic ARP entries for local pods are not shown.');
  } else if (cni.kind === 'calico') {
    pods = buildCalico(input, host, podNet);
    notes.push('calico: IPAM is host-local on the node podCIDR (calico "usePodCIDR"), so one block per node; calico-ipam would hand out /26 blocks from the IPPool.');
    notes.push('calico: felix\'s cali-* iptables chains (policy, RPF, masquerade) are not shown.');
  } else {
    pods = buildPlainBridge(input, host, podNet, notes);
  }
  host.routes = sortRoutes(host.routes);
  return { node: node.name, cni: cni.kind, netns: [host, ...pods], iptables, subnetEnv, simplifications: notes };
}

/** The `kubeglass network` JSON shape: text lines as ip/bridge print them. */
export interface NodeNetworkJson {
  node: string;
  netns: {
    name: string;
    interfaces: NetNamespace['interfaces'];
    routes: string[];
    neighbours: string[];
    fdb: string[];
  }[];
}

export function toNetworkJson(net: NodeNetwork): NodeNetworkJson {
  return {
    node: net.node,
    netns: net.netns.map((ns) => ({
      name: ns.name,
      interfaces: ns.interfaces,
      routes: ns.routes.map((r) => r.text),
      neighbours: ns.neighbours.map((n) => n.text),
      fdb: ns.fdb.map((f) => f.text),
    })),
  };
}
