// Which addresses NodePorts answer on (pkg/proxy/util/nodeport_addresses.go). The simulated node's
// "interfaces" are its status addresses plus the loopback address.
import type { Node } from 'kubernetes-types/core/v1';
import { canonicalCIDR, canonicalIP, cidrContains, ipFamilyOf, type IPFamily } from './ip';

export interface NodePortAddresses {
  /** True when no CIDR of this family was given (or a zero CIDR was): match every local address. */
  matchAll: boolean;
  cidrs: string[];
  containsIPv4Loopback: boolean;
}

export function nodePortAddressesFor(input: string[] | undefined, family: IPFamily, node: Node): NodePortAddresses {
  const zero = family === 'IPv4' ? '0.0.0.0/0' : '::/0';
  const expanded: string[] = [];
  for (const raw of input ?? []) {
    // "primary" means the node's primary IPs (cmd/kube-proxy/app/server.go).
    if (raw === 'primary') {
      for (const ip of nodeIPs(node, family)) expanded.push(family === 'IPv4' ? `${ip}/32` : `${ip}/128`);
      continue;
    }
    const canon = canonicalCIDR(raw);
    if (canon && ipFamilyOf(canon.split('/')[0]) === family) expanded.push(canon);
  }
  const cidrs = expanded.length > 0 ? expanded : [zero];
  let matchAll = false;
  let containsIPv4Loopback = false;
  const kept: string[] = [];
  for (const cidr of cidrs) {
    if (family === 'IPv4' && (cidrContains(cidr, '127.0.0.1') || cidr.startsWith('127.'))) containsIPv4Loopback = true;
    if (cidr === zero) {
      matchAll = true;
      break;
    }
    kept.push(cidr);
  }
  return { matchAll, cidrs: kept, containsIPv4Loopback };
}

/** The node's addresses of one family, from status.addresses (InternalIP, then ExternalIP). */
export function nodeIPs(node: Node, family: IPFamily): string[] {
  const out: string[] = [];
  for (const type of ['InternalIP', 'ExternalIP']) {
    for (const a of node.status?.addresses ?? []) {
      if (a.type !== type) continue;
      const ip = canonicalIP(a.address);
      if (ip && ipFamilyOf(ip) === family && !out.includes(ip)) out.push(ip);
    }
  }
  return out;
}

/**
 * GetNodeIPs: local addresses inside the configured CIDRs. Upstream returns them in map order;
 * we sort them (simplification for determinism).
 */
export function matchingNodeIPs(npa: NodePortAddresses, node: Node, family: IPFamily): string[] {
  const local = [family === 'IPv4' ? '127.0.0.1' : '::1', ...nodeIPs(node, family)];
  const hits = local.filter((ip) => npa.cidrs.some((c) => cidrContains(c, ip)));
  return [...new Set(hits)].sort();
}
