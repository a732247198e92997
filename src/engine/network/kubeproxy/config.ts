// The resolved kube-proxy configuration the rule builders take. Field meanings follow
// KubeProxyConfiguration (pkg/proxy/apis/config/types.go); defaults follow v1alpha1/defaults.go.
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { goHex08 } from './format';
import type { IPFamily } from './ip';
import { nodePortAddressesFor } from './nodeAddresses';

export type DetectLocalMode = 'ClusterCIDR' | 'NodeCIDR' | 'BridgeInterface' | 'InterfaceNamePrefix';

export interface KubeProxyConfig {
  mode: 'iptables' | 'ipvs';
  /** Comma-separated per-family CIDRs; undefined or '' means no local-traffic detector (ClusterCIDR mode). */
  clusterCIDR?: string;
  /** Default 'ClusterCIDR' (as upstream). */
  detectLocalMode?: DetectLocalMode;
  /** For BridgeInterface mode (detectLocal.bridgeInterface), e.g. 'cni0'. */
  bridgeInterface?: string;
  /** For InterfaceNamePrefix mode (detectLocal.interfaceNamePrefix), e.g. 'veth'. */
  interfaceNamePrefix?: string;
  masqueradeAll: boolean;
  /** Default 14 (mark 0x4000). */
  masqueradeBit?: number;
  /** iptables.localhostNodePorts; default true. Only ever effective for IPv4. */
  localhostNodePorts?: boolean;
  /** CIDRs (or node IPs) NodePorts listen on; empty means all local addresses. */
  nodePortAddresses?: string[];
  /** The node has net.netfilter.nf_conntrack_tcp_be_liberal=1: no INVALID-drop rule. */
  tcpBeLiberal?: boolean;
  /** ipvs.scheduler; default 'rr'. */
  ipvsScheduler?: string;
  kernel: {
    /** nfacct counters could be created (xt_nfacct present). */
    nfacct: boolean;
    /** iptables supports MASQUERADE --random-fully. */
    randomFully: boolean;
  };
}

export interface ResolvedConfig {
  mode: 'iptables' | 'ipvs';
  family: IPFamily;
  masqueradeAll: boolean;
  /** As kube-proxy formats it: fmt.Sprintf("%#08x", 1<<bit), e.g. "0x00004000". */
  masqueradeMark: string;
  masqueradeValue: number;
  localhostNodePorts: boolean;
  nodePortAddresses: string[];
  tcpBeLiberal: boolean;
  ipvsScheduler: string;
  nfacct: boolean;
  randomFully: boolean;
}

export interface ProxyInput {
  node: Node;
  services: Service[];
  endpointSlices: EndpointSlice[];
  config: KubeProxyConfig;
  family: IPFamily;
}

export function resolveConfig(config: KubeProxyConfig, family: IPFamily, node: Node): ResolvedConfig {
  const masqueradeValue = 2 ** (config.masqueradeBit ?? 14);
  const npa = nodePortAddressesFor(config.nodePortAddresses, family, node);
  // NewDualStackProxier passes localhostNodePorts=false to the IPv6 proxier, and NewProxier turns
  // it off when the NodePort addresses exclude 127.0.0.1.
  const localhostNodePorts = family === 'IPv4' && (config.localhostNodePorts ?? true) && npa.containsIPv4Loopback;
  return {
    mode: config.mode,
    family,
    masqueradeAll: config.masqueradeAll,
    masqueradeMark: goHex08(masqueradeValue),
    masqueradeValue,
    localhostNodePorts,
    nodePortAddresses: config.nodePortAddresses ?? [],
    tcpBeLiberal: config.tcpBeLiberal ?? false,
    ipvsScheduler: config.ipvsScheduler || 'rr',
    nfacct: config.kernel.nfacct,
    randomFully: config.kernel.randomFully,
  };
}
