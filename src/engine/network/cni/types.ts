// The node data plane as data: network namespaces with their interfaces, routes, neighbours and
// bridge FDB, as `ip addr`, `ip route`, `ip neigh` and `bridge fdb` would show them on the node.

export type CniKind = 'flannel' | 'bridge' | 'calico';

export interface CniConfig {
  kind: CniKind;
  /** The cluster pod network (kube-controller-manager --cluster-cidr / flannel Network). */
  clusterCidr: string;
  /** calico only: encapsulate cross-node traffic in IP-in-IP (tunl0). Default true, as the calico.yaml manifest. */
  ipip?: boolean;
  /** flannel only: VXLAN VNI (default 1, device flannel.<VNI>). */
  vni?: number;
  /** MTU of the nodes' physical interface (default 1500). */
  hostMtu?: number;
}

export interface NodeNetInfo {
  name: string;
  internalIp: string;
  podCidr: string;
  /** Prefix of the node's LAN (default 24); the LAN gateway is assumed to be its first address. */
  lanPrefix?: number;
}

export interface PodNetInfo {
  namespace: string;
  name: string;
  uid: string;
  /** status.podIP; a pod without one has no sandbox network yet and is skipped. */
  ip?: string;
  hostNetwork?: boolean;
  /** Sandbox (pause) container ID first; the CNI plugin sees this one as CNI_CONTAINERID. */
  containerIds?: string[];
}

export interface NodeNetworkInput {
  cni: CniConfig;
  node: NodeNetInfo;
  /** Every node of the cluster (this one included or not): routes/ARP/FDB point at the others. */
  nodes: NodeNetInfo[];
  pods: PodNetInfo[];
}

export type InterfaceType = 'physical' | 'loopback' | 'bridge' | 'veth' | 'vxlan' | 'ipip' | 'dummy';

export interface NetInterface {
  name: string;
  type: InterfaceType;
  /** CIDR-notation addresses, as `ip -br addr` lists them. */
  addresses: string[];
  mtu: number;
  /** The bridge this port is enslaved to. */
  master: string | null;
  /** The other end of a veth: "<netns>:<ifname>". */
  peer: string | null;
  mac?: string;
  /** Bridge port hairpin mode (the bridge plugin's hairpinMode). */
  hairpin?: boolean;
  /** net.ipv4.conf.<if>.proxy_arp = 1 (Calico answers ARP for 169.254.1.1 on cali*). */
  proxyArp?: boolean;
  /** vxlan attributes, as `ip -d link show flannel.1` prints them. */
  vxlan?: { id: number; local: string; dev: string; dstport: number; nolearning: boolean };
}

/** One route of the main table; `text` is the `ip route` line. */
export interface RouteEntry {
  /** "default", a CIDR, or a host address (shown without /32). */
  dst: string;
  type?: 'blackhole';
  via?: string;
  dev?: string;
  proto?: 'kernel' | 'bird' | 'static';
  scope?: 'link' | 'host';
  src?: string;
  onlink?: boolean;
  text: string;
}

export interface NeighbourEntry {
  ip: string;
  dev: string;
  lladdr: string;
  state: 'PERMANENT' | 'REACHABLE' | 'STALE';
  text: string;
}

export interface FdbEntry {
  mac: string;
  dev: string;
  dst?: string;
  master?: string;
  flags: string[];
  text: string;
}

export interface NetNamespace {
  /** "host" or "<namespace>/<pod>". */
  name: string;
  /** Pods that share this namespace (hostNetwork pods share "host"). */
  pods: string[];
  interfaces: NetInterface[];
  routes: RouteEntry[];
  neighbours: NeighbourEntry[];
  fdb: FdbEntry[];
}

export interface IptablesSave {
  nat: string[];
  filter: string[];
}

export interface NodeNetwork {
  node: string;
  cni: CniKind;
  netns: NetNamespace[];
  /** Rules the CNI itself installs (not kube-proxy's), as iptables-save lines per table. */
  iptables: IptablesSave;
  /** /run/flannel/subnet.env for flannel, else null. */
  subnetEnv: string | null;
  /** Where the simulation differs from a real node, for the UI to show. */
  simplifications: string[];
}
