// The resolved kube-proxy configuration the rule builders take. Field meanings follow
// KubeProxyConfiguration (pkg/proxy/apis/config/types.go); defaults follow v1alpha1/defaults.go.
import type { IPFamily } from './ip';

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
