// kube-proxy's rules as pure functions: chain names, the iptables-mode rule model and its two
// renderings (iptables-restore payload, iptables-save view), IPVS mode, and a packet tracer.
export type { KubeProxyConfig, DetectLocalMode, ProxyInput, ResolvedConfig } from './config';
export { resolveConfig } from './config';
export type { IPFamily } from './ip';
export type {
  EndpointChoice, IptablesRule, JumpRule, ProxyRules, RuleMeta, RuleRole, ServicePortRules, ServiceRef, TableName, TableRules,
} from './model';
export { chainHash, endpointChainName, serviceChains, servicePortChainName, servicePortNameString } from './names';
export type { ChainPrefix, ServicePortChains } from './names';
export { sha256, sha256Hex, base32 } from './sha256';
export { probabilityString, savedProbabilityString, goHex08, formatFixed } from './format';
export { buildProxyRules, iptablesJumpRules, LARGE_CLUSTER_ENDPOINTS_THRESHOLD } from './iptablesRules';
export { renderRestore } from './restore';
export { renderSave, saveRuleArgs } from './save';
export type { SaveExtras, ExtraRule } from './save';
export { parseRuleArgs } from './ruleArgs';
export type { ParsedRule, MatchModule, MatchOption, HeaderMatch } from './ruleArgs';
export { buildIpvs, DUMMY_INTERFACE } from './ipvs';
export type { IpvsState, VirtualServer, RealServer, Ipset } from './ipvs';
export { renderIpvsadm } from './ipvsadm';
export { tracePacket, findServiceRule } from './trace';
export type { TracePacket, TraceHop, TraceResult } from './trace';
