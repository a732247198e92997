// Chain names exactly as kube-proxy derives them (pkg/proxy/iptables/proxier.go: portProtoHash,
// servicePortEndpointChainName) and the "ns/name:port" service-port string
// (pkg/proxy/types.go ServicePortName.String).
import { base32, sha256 } from './sha256';
import { boundedMemo } from './memo';

const encoder = new TextEncoder();

/** First 16 base32 characters of SHA-256(text): the part after "KUBE-SVC-" etc. (memoised: every sync hashes the same names again). */
export const chainHash = boundedMemo(50_000, (text: string): string => base32(sha256(encoder.encode(text))).slice(0, 16));

export type ChainPrefix = 'KUBE-SVC-' | 'KUBE-SVL-' | 'KUBE-EXT-' | 'KUBE-FW-' | 'KUBE-SEP-';

/** "ns/name:port", or "ns/name" when the port has no name (as ServicePortName.String does). */
export function servicePortNameString(namespace: string, name: string, portName: string | undefined): string {
  return portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`;
}

/**
 * A per-service-port chain name: prefix + hash of (service port name + lower-case protocol).
 * e.g. servicePortChainName('KUBE-SVC-', 'default/kubernetes:https', 'TCP') = 'KUBE-SVC-NPX46M4PTMTKRN6Y'.
 */
export function servicePortChainName(prefix: Exclude<ChainPrefix, 'KUBE-SEP-'>, servicePortName: string, protocol: string): string {
  return prefix + chainHash(servicePortName + protocol.toLowerCase());
}

/** KUBE-SEP-* name: the hash also covers the endpoint "ip:port" (IPv6 as "[ip]:port"). */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + chainHash(servicePortName + protocol.toLowerCase() + endpoint);
}

export interface ServicePortChains {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

export function serviceChains(servicePortName: string, protocol: string): ServicePortChains {
  return {
    svc: servicePortChainName('KUBE-SVC-', servicePortName, protocol),
    svl: servicePortChainName('KUBE-SVL-', servicePortName, protocol),
    ext: servicePortChainName('KUBE-EXT-', servicePortName, protocol),
    fw: servicePortChainName('KUBE-FW-', servicePortName, protocol),
  };
}
