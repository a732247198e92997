// The data model of kube-proxy's rules: tables -> chains -> rules, each rule carrying the
// argument list kube-proxy writes and metadata linking it to the Service / endpoint it serves,
// so a view can highlight "the rule that moved this packet" and a tracer can choose endpoints.
import type { IPFamily } from './ip';
import type { Protocol } from './servicePorts';

export type TableName = 'filter' | 'nat' | 'mangle';

export interface ServiceRef {
  namespace: string;
  name: string;
  portName: string;
  protocol: Protocol;
  /** "ns/name:port" */
  nameString: string;
}

export type RuleRole =
  | 'postrouting-return' // KUBE-POSTROUTING: not marked -> RETURN
  | 'postrouting-unmark' // KUBE-POSTROUTING: clear the mark
  | 'postrouting-masquerade' // KUBE-POSTROUTING: MASQUERADE
  | 'mark-masq' // KUBE-MARK-MASQ: set the mark
  | 'localnet-block' // KUBE-FIREWALL
  | 'capture-cluster-ip' // KUBE-SERVICES -> internal chain
  | 'capture-external-ip' // KUBE-SERVICES -> EXT chain
  | 'capture-load-balancer' // KUBE-SERVICES -> FW or EXT chain
  | 'capture-node-port' // KUBE-NODEPORTS -> EXT chain
  | 'capture-localhost-node-port' // KUBE-NODEPORTS (127.0.0.0/8, nfacct) -> EXT chain
  | 'no-endpoints-reject' // filter REJECT
  | 'no-local-endpoints-drop' // filter DROP
  | 'firewall-drop' // KUBE-PROXY-FIREWALL DROP
  | 'health-check-accept' // filter KUBE-NODEPORTS ACCEPT
  | 'masquerade-off-cluster' // KUBE-SVC/SVL: mark traffic not from the cluster
  | 'masquerade-all' // KUBE-SVC/SVL with masqueradeAll
  | 'external-masquerade' // KUBE-EXT: masquerade (Cluster policy)
  | 'external-pod-shortcut' // KUBE-EXT: pod traffic -> KUBE-SVC
  | 'external-local-masquerade' // KUBE-EXT: node-originated traffic masquerade
  | 'external-local-shortcut' // KUBE-EXT: node-originated traffic -> KUBE-SVC
  | 'external-to-policy' // KUBE-EXT -> policy chain
  | 'firewall-allow' // KUBE-FW: allowed source -> KUBE-EXT
  | 'firewall-fallthrough' // KUBE-FW: comment-only last rule
  | 'affinity-check' // KUBE-SVC/SVL: -m recent --rcheck
  | 'endpoint-select' // KUBE-SVC/SVL -> KUBE-SEP (maybe -m statistic)
  | 'hairpin-masquerade' // KUBE-SEP: from the endpoint itself -> KUBE-MARK-MASQ
  | 'dnat' // KUBE-SEP: DNAT
  | 'nodeports-jump' // KUBE-SERVICES last rule -> KUBE-NODEPORTS
  | 'forward-invalid-drop'
  | 'forward-accept-marked'
  | 'forward-accept-established'
  | 'builtin-jump' // PREROUTING/OUTPUT/... -> KUBE-*
  | 'ipvs'; // a rule of IPVS mode (see meta.ipset)

export interface RuleMeta {
  role: RuleRole;
  service?: ServiceRef;
  /** "ip:port" of the endpoint this rule selects / DNATs to. */
  endpoint?: string;
  /** The written `--probability` value ("0.3333333333"), on endpoint-select rules that have one. */
  probability?: string;
  /** Overall chance that a new connection lands on `endpoint` (1/n), on endpoint-select rules. */
  share?: number;
  /** The ipset an IPVS-mode rule matches. */
  ipset?: string;
}

export interface IptablesRule {
  table: TableName;
  chain: string;
  /** Arguments after "-A CHAIN", exactly as kube-proxy passes them (quoted comments included). */
  args: string[];
  /** The comment text without quotes, if any. */
  comment?: string;
  /** The jump target (chain or ACCEPT/DROP/REJECT/DNAT/...); '' for a comment-only rule. */
  target: string;
  meta: RuleMeta;
}

export interface TableRules {
  /** ":CHAIN - [0:0]" lines in the order kube-proxy writes them. */
  chains: string[];
  /** "-A" lines in the order kube-proxy writes them. */
  rules: IptablesRule[];
}

/** A rule kube-proxy installs with `iptables -I` (EnsureRule Prepend) outside iptables-restore. */
export interface JumpRule {
  table: TableName;
  chain: string;
  args: string[];
  target: string;
}

export interface EndpointChoice {
  endpoint: string;
  ip: string;
  port: number;
  sepChain: string;
  nodeName: string;
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** As written on the KUBE-SVC/SVL rule; undefined on the last (unconditional) rule. */
  probability?: string;
  /** 1/n: the overall chance a new connection is sent here. */
  share: number;
}

export interface ServicePortRules {
  service: ServiceRef;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  sessionAffinitySeconds: number;
  internalTrafficPolicy: 'Cluster' | 'Local';
  externalTrafficPolicy: 'Cluster' | 'Local';
  hasEndpoints: boolean;
  hasInternalEndpoints: boolean;
  hasExternalEndpoints: boolean;
  /** The chains that exist for this port (undefined when not written). */
  chains: { svc?: string; svl?: string; ext?: string; fw?: string };
  /** Where ClusterIP traffic goes (KUBE-SVC-* or KUBE-SVL-*), if anywhere. */
  internalChain?: string;
  /** Where external traffic goes (KUBE-EXT-*), if anywhere. */
  externalChain?: string;
  clusterEndpoints: EndpointChoice[];
  localEndpoints: EndpointChoice[];
  /** '' or the traffic-distribution mode kube-proxy applied. */
  topologyMode: string;
}

export interface ProxyRules {
  mode: 'iptables' | 'ipvs';
  family: IPFamily;
  nodeName: string;
  masqueradeMark: string;
  filter: TableRules;
  nat: TableRules;
  /** Built-in chain jumps (PREROUTING -> KUBE-SERVICES ...) in the order kube-proxy ensures them. */
  jumps: JumpRule[];
  /** Chains created with `iptables -N` (canaries), per table. */
  ensuredChains: { table: TableName; chain: string }[];
  services: ServicePortRules[];
  localDetector: string;
  /** Where and how this model simplifies real kube-proxy, for the UI to show. */
  notes: string[];
}
