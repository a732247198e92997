// Network view: each node's data plane as the CNI leaves it (engine src/engine/network/cni):
// eth0 on the LAN, the cni0 bridge, one veth pair per pod (host end a bridge port, pod end the
// pod's eth0), the overlay device (flannel.1 VXLAN, calico tunl0 IP-in-IP) with a link to each
// peer node it tunnels to, and the route tables as detail text. Interfaces are nodes, links are edges.
import type { KubeObject, Snapshot } from '../engine';
import { buildNodeNetwork, type CniConfig, type NetInterface, type NetNamespace, type NodeNetInfo, type NodeNetwork, type PodNetInfo } from '../engine/network/cni';
import { normalizeCidr } from '../engine/network/ip';
import { keepConnected, type Graph, type GraphEdge, type GraphNode } from './graph';

export const LAN_NODE = 'net:lan';

const nodeGroup = (node: string) => `net:${node}`;
const ifaceId = (node: string, netns: string, ifname: string) => `net:${node}:${netns}:${ifname}`;

/** The inputs buildNodeNetwork needs, read from Node and Pod objects of a snapshot. */
export function nodeNetworkInputs(snapshot: Snapshot): { nodes: NodeNetInfo[]; podsByNode: Map<string, PodNetInfo[]> } {
  const nodes: NodeNetInfo[] = (snapshot.objects.Node ?? [])
    .map((n) => ({
      name: n.metadata.name ?? '',
      internalIp: (n.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '',
      podCidr: n.spec?.podCIDR ?? '',
    }))
    .filter((n) => n.internalIp && n.podCidr);
  const podsByNode = new Map<string, PodNetInfo[]>();
  for (const pod of snapshot.objects.Pod ?? []) {
    const node = pod.spec?.nodeName;
    if (!node) continue;
    (podsByNode.get(node) ?? podsByNode.set(node, []).get(node)!).push(podNetInfo(pod));
  }
  return { nodes, podsByNode };
}

function podNetInfo(pod: KubeObject): PodNetInfo {
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid ?? '',
    ip: pod.status?.podIP,
    hostNetwork: Boolean(pod.spec?.hostNetwork),
  };
}

/** Every node's network for the cluster's CNI (nodes without a podCIDR yet are skipped). */
export function nodeNetworksFromSnapshot(snapshot: Snapshot, cni: CniConfig): NodeNetwork[] {
  const { nodes, podsByNode } = nodeNetworkInputs(snapshot);
  return nodes.map((node) => buildNodeNetwork({ cni, node, nodes, pods: podsByNode.get(node.name) ?? [] }));
}

export interface NetworkOptions {
  /** Internal IPs by node name, to find which node an overlay peer is (from FDB/route targets). */
  nodeIps?: Record<string, string>;
  /** Show kube-system/kube-flannel pods' veths too. Default true (they are on the wire as well). */
  includeSystem?: boolean;
}

/** What `ip -br addr` would say first: the addresses, or for a bridge port its master. */
function ifaceStatus(i: NetInterface): string {
  if (i.addresses.length) return i.addresses.join(' ');
  if (i.master) return `master ${i.master}${i.hairpin ? ' · hairpin on' : ''}`;
  if (i.proxyArp) return 'proxy_arp 1';
  return 'no address';
}

function hostIfaceLines(i: NetInterface): string[] {
  const lines = [`mtu ${i.mtu}${i.mac ? ` · ${i.mac}` : ''}`];
  if (i.vxlan) lines.push(`vxlan id ${i.vxlan.id} dstport ${i.vxlan.dstport} dev ${i.vxlan.dev}`);
  return lines;
}

/** Devices that carry traffic off the node (uplinks), as opposed to the pod-facing ones. */
const UPLINK_TYPES = new Set(['physical', 'vxlan', 'ipip']);

export function buildNetworkGraph(networks: NodeNetwork[], opts: NetworkOptions = {}): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const ipToNode = new Map(Object.entries(opts.nodeIps ?? {}).map(([n, ip]) => [ip, n]));
  for (const net of networks) {
    const eth0 = net.netns[0]?.interfaces.find((i) => i.name === 'eth0');
    const ip = eth0?.addresses[0]?.split('/')[0];
    if (ip && !ipToNode.has(ip)) ipToNode.set(ip, net.node);
  }
  const lans = [...new Set(networks.flatMap((n) => n.netns[0]?.interfaces.filter((i) => i.type === 'physical').flatMap((i) => i.addresses.map(normalizeCidr)) ?? []))].sort();
  nodes.push({ id: LAN_NODE, kind: 'LAN', label: lans.join(', ') || 'LAN', status: 'neutral', statusText: `${ipToNode.size} nodes` });
  const notes = new Set<string>();
  for (const net of networks) {
    net.simplifications.forEach((n) => notes.add(`${net.node}: ${n}`));
    const group = nodeGroup(net.node);
    nodes.push({ id: group, kind: 'Node', label: net.node, ref: `Node/${net.node}`, status: 'neutral', statusText: net.cni, group: true });
    const host = net.netns.find((ns) => ns.name === 'host') ?? net.netns[0];
    nodes.push({ id: `net:${net.node}:routes`, kind: 'ip route', label: 'root netns', status: 'neutral', statusText: `${host.routes.length} routes`, details: host.routes.map((r) => r.text), parent: group });
    for (const i of host.interfaces) {
      if (i.type === 'loopback') continue;
      nodes.push({ id: ifaceId(net.node, 'host', i.name), kind: i.type, label: i.name, status: 'ok', statusText: ifaceStatus(i), lines: hostIfaceLines(i), parent: group });
    }
    const routesId = `net:${net.node}:routes`;
    for (const i of host.interfaces) {
      const id = ifaceId(net.node, 'host', i.name);
      if (i.master) edges.push({ id: `port:${id}`, source: id, target: ifaceId(net.node, 'host', i.master), kind: 'bridge-port', status: 'neutral' });
      // Traffic from pods reaches the host's routing table through the bridge, or (calico) straight from its veth.
      if (i.type === 'bridge' || (i.type === 'veth' && !i.master)) edges.push({ id: `lookup:${id}`, source: id, target: routesId, kind: 'route', status: 'neutral' });
      if (i.type === 'physical') edges.push({ id: `lan:${id}`, source: id, target: LAN_NODE, kind: 'lan', status: 'neutral', label: i.addresses[0] });
      if (i.vxlan) edges.push({ id: `encap:${id}`, source: id, target: ifaceId(net.node, 'host', i.vxlan.dev), kind: 'encap', status: 'neutral', label: `VXLAN in UDP ${i.vxlan.dstport}` });
    }
    // The routing table sends each destination out of a device: one edge per uplink, labelled with its destinations.
    const byDev = new Map<string, string[]>();
    for (const r of host.routes) if (r.dev) (byDev.get(r.dev) ?? byDev.set(r.dev, []).get(r.dev)!).push(r.dst);
    for (const [dev, dsts] of byDev) {
      const iface = host.interfaces.find((i) => i.name === dev);
      if (!iface || !UPLINK_TYPES.has(iface.type)) continue;
      edges.push({ id: `route:${net.node}:${dev}`, source: routesId, target: ifaceId(net.node, 'host', dev), kind: 'route', status: 'neutral', label: dsts.join(', ') });
    }
    addOverlayLinks(net, host, ipToNode, edges);
    for (const ns of net.netns) {
      if (ns === host) continue;
      if (opts.includeSystem === false && ns.pods.every((p) => p.startsWith('kube-'))) continue;
      addPodNamespace(net.node, ns, group, nodes, edges);
    }
  }
  return { nodes, edges: keepConnected(nodes, edges), direction: 'DOWN', notes: [...notes] };
}

function addPodNamespace(node: string, ns: NetNamespace, group: string, nodes: GraphNode[], edges: GraphEdge[]) {
  const eth0 = ns.interfaces.find((i) => i.name === 'eth0');
  if (!eth0) return;
  const id = ifaceId(node, ns.name, 'eth0');
  const [podNs, podName] = ns.name.split('/');
  nodes.push({
    id,
    kind: 'pod eth0',
    label: podName,
    ref: `Pod/${podNs}/${podName}`,
    status: 'ok',
    statusText: ifaceStatus(eth0),
    lines: [`mtu ${eth0.mtu}`],
    // Every pod's table is the same three routes but for its own src: on hover, not on the card.
    hint: ['ip route:', ...ns.routes.map((r) => r.text)].join('\n'),
    parent: group,
  });
  // The peer string is "<netns>:<ifname>"; the host end lives in the root namespace.
  const [peerNs, peerIf] = (eth0.peer ?? '').split(':');
  if (peerNs === 'host' && peerIf) {
    // Drawn pod -> host so the pods sit above the host devices in the top-down layout.
    edges.push({ id: `veth:${id}`, source: id, target: ifaceId(node, 'host', peerIf), kind: 'veth', bidirectional: true, status: 'neutral', label: 'veth pair' });
  }
}

/** Overlay links from the data the CNI programs: VXLAN FDB entries (dst = peer node IP) or IPIP routes via tunl0. */
function addOverlayLinks(net: NodeNetwork, host: NetNamespace, ipToNode: Map<string, string>, edges: GraphEdge[]) {
  const link = (dev: string, peerIp: string, kind: string, label: string) => {
    const peer = ipToNode.get(peerIp);
    if (!peer) return;
    // One edge per node pair, from the node whose name sorts first, so the link is drawn once.
    const [a, b] = [net.node, peer].sort();
    const id = `overlay:${dev}:${a}<->${b}`;
    if (edges.some((e) => e.id === id)) return;
    edges.push({ id, source: ifaceId(a, 'host', dev), target: ifaceId(b, 'host', dev), kind, bidirectional: true, overlay: true, status: 'neutral', label: `${label} ${a} ↔ ${b}` });
  };
  for (const f of host.fdb) {
    const dev = host.interfaces.find((i) => i.name === f.dev);
    if (dev?.vxlan && f.dst) link(dev.name, f.dst, 'vxlan', `VXLAN VNI ${dev.vxlan.id}`);
  }
  for (const r of host.routes) {
    const dev = host.interfaces.find((i) => i.name === r.dev);
    if (dev?.type === 'ipip' && r.via) link(dev.name, r.via, 'ipip', 'IP-in-IP');
  }
}
