// The shapes of a packet trace: the request (where from, where to), and the hops the packet
// takes, each naming the network namespace, device and the rule or route that moved it.
import type { RuleMeta } from '../kubeproxy';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface TraceRequest {
  /** "ns/pod", "node/NAME", or an IP address outside the cluster. */
  from: string;
  /** A pod IP, "IP:port", "NodeIP:NodePort", a DNS name ("web", "web.default.svc:80"), or "http(s)://host/path". */
  to: string;
  port?: number;
  protocol?: Protocol;
}

export interface PacketHeader {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  proto: Protocol;
}

export type HopKind = 'route' | 'iptables' | 'ipvs' | 'bridge' | 'vxlan' | 'ipip' | 'veth' | 'conntrack' | 'netpol' | 'deliver' | 'drop';

/** One endpoint-select rule of a KUBE-SVC/KUBE-SVL chain as the packet met it. */
export interface EndpointCandidate {
  endpoint: string;
  /** As kube-proxy wrote it ("0.3333333333"); "1" for the last, unconditional rule. */
  probability: string;
  /** The random number drawn for this rule's `-m statistic`, if it was evaluated. */
  draw?: number;
  taken: boolean;
  line: string;
}

export interface PathHop {
  direction: 'request' | 'reply';
  /** The node this happens on; '' outside the cluster. */
  node: string;
  /** "host", "<namespace>/<pod>", or "external". */
  netns: string;
  device: string;
  kind: HopKind;
  /** For iptables hops the rule line exactly as iptables-save prints it; for routes the `ip route` line. */
  text: string;
  /** The packet as it leaves this hop. */
  packet: PacketHeader;
  rule?: { table: string; chain: string; line: string };
  /** kube-proxy's metadata for the rule (service, endpoint, probability), when kube-proxy wrote it. */
  meta?: RuleMeta;
  /** On the endpoint-select hop: every endpoint rule of the chain, with the draws. */
  candidates?: EndpointCandidate[];
  /** Outer header of an encapsulated packet (VXLAN: UDP 8472 between node IPs; IPIP: proto 4). */
  outer?: { src: string; dst: string; proto: 'UDP' | 'IPIP'; sport?: number; dport?: number; vni?: number };
  /** Why, in words, for the UI. */
  note?: string;
}

export interface DnsResolution {
  query: string;
  qtype: 'A' | 'AAAA';
  /** The resolv.conf of the asking pod. */
  resolvConf: string;
  /** Every name tried, in order, with its result ("web.default.svc.cluster.local.: A 10.96.0.20"). */
  attempts: string[];
  /** All addresses of the answer, and the one used. */
  addresses: string[];
  picked: string;
}

export interface IngressHop {
  ingress: string;
  host: string;
  path: string;
  pathType: string;
  backend: string;
  /** The controller pod that proxied, "ns/name". */
  controller: string;
}

export type TraceOutcome = 'delivered' | 'dropped' | 'rejected' | 'error';

export interface PathTrace {
  request: TraceRequest;
  outcome: TraceOutcome;
  /** One sentence: delivered where, or dropped where and why. */
  reason: string;
  hops: PathHop[];
  resolution?: DnsResolution;
  ingress?: IngressHop;
  /** "ns/pod", "node/NAME" or "external" — who finally got the request. */
  deliveredTo?: string;
  notes: string[];
}
