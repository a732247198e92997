// Services -> the per-family "service port" records kube-proxy programs
// (pkg/proxy/servicechangetracker.go serviceToServiceMap, pkg/proxy/serviceport.go
// newBaseServiceInfo, pkg/api/v1/service/util.go ExternalPolicyLocal/InternalPolicyLocal/NeedsHealthCheck).
import type { Service } from 'kubernetes-types/core/v1';
import { canonicalCIDR, canonicalIP, ipFamilyOf, type IPFamily } from './ip';
import { serviceChains, servicePortNameString, type ServicePortChains } from './names';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ServicePortInfo {
  namespace: string;
  name: string;
  portName: string;
  protocol: Protocol;
  /** "ns/name:port" (or "ns/name" for an unnamed port). */
  nameString: string;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  /** VIP-mode load-balancer ingress IPs of this family. */
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: string[];
  sessionAffinityClientIP: boolean;
  stickyMaxAgeSeconds: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  healthCheckNodePort: number;
  trafficDistribution?: string;
  chains: ServicePortChains;
}

export function externallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
}

/** Cluster endpoints are needed for Cluster internal policy, or to short-circuit external traffic. */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || externallyAccessible(sp);
}

export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && externallyAccessible(sp));
}

function clusterIPForFamily(svc: Service, family: IPFamily): string | undefined {
  const ips = svc.spec?.clusterIPs && svc.spec.clusterIPs.length > 0 ? svc.spec.clusterIPs : svc.spec?.clusterIP ? [svc.spec.clusterIP] : [];
  for (const ip of ips) {
    if (ipFamilyOf(ip) === family) return canonicalIP(ip);
  }
  return undefined;
}

/** ShouldSkipService: headless, no cluster IP, or ExternalName services are not proxied. */
export function shouldSkipService(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') return true;
  return svc.spec?.type === 'ExternalName';
}

export function servicePortsFor(svc: Service, family: IPFamily): ServicePortInfo[] {
  if (shouldSkipService(svc)) return [];
  const clusterIP = clusterIPForFamily(svc, family);
  if (!clusterIP) return [];
  const spec = svc.spec ?? {};
  const namespace = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  const type = spec.type ?? 'ClusterIP';
  const externalPolicyLocal = (type === 'LoadBalancer' || type === 'NodePort') && spec.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = spec.internalTrafficPolicy === 'Local';
  const clientIP = spec.sessionAffinity === 'ClientIP';
  const externalIPs = (spec.externalIPs ?? [])
    .map((ip) => canonicalIP(ip))
    .filter((ip): ip is string => !!ip && ipFamilyOf(ip) === family);
  const sourceRanges = (spec.loadBalancerSourceRanges ?? [])
    .map((c) => canonicalCIDR(c))
    .filter((c): c is string => !!c && ipFamilyOf(c.split('/')[0]) === family);
  const lbVIPs: string[] = [];
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (!ing.ip) continue;
    // Proxy-mode load balancers are not programmed (proxyutil.IsVIPMode).
    if (ing.ipMode === 'Proxy') continue;
    const ip = canonicalIP(ing.ip);
    if (ip && ipFamilyOf(ip) === family) lbVIPs.push(ip);
  }
  const needsHealthCheck = type === 'LoadBalancer' && externalPolicyLocal;
  const out: ServicePortInfo[] = [];
  for (const port of spec.ports ?? []) {
    const protocol = (port.protocol ?? 'TCP') as Protocol;
    const nameString = servicePortNameString(namespace, name, port.name);
    out.push({
      namespace,
      name,
      portName: port.name ?? '',
      protocol,
      nameString,
      clusterIP,
      port: port.port,
      nodePort: port.nodePort ?? 0,
      externalIPs,
      loadBalancerVIPs: lbVIPs,
      loadBalancerSourceRanges: sourceRanges,
      sessionAffinityClientIP: clientIP,
      // Defaulted by the API server to 10800 when ClientIP affinity is set.
      stickyMaxAgeSeconds: clientIP ? spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800 : 0,
      externalPolicyLocal,
      internalPolicyLocal,
      healthCheckNodePort: needsHealthCheck ? spec.healthCheckNodePort ?? 0 : 0,
      trafficDistribution: spec.trafficDistribution,
      chains: serviceChains(nameString, protocol),
    });
  }
  return out;
}

/**
 * All service ports of one family. kube-proxy walks a Go map (random order); we sort by
 * "ns/name:port" then protocol so the output is deterministic (simplification).
 */
export function collectServicePorts(services: Service[], family: IPFamily): ServicePortInfo[] {
  const all = services.flatMap((s) => servicePortsFor(s, family));
  return all.sort((a, b) => (a.nameString < b.nameString ? -1 : a.nameString > b.nameString ? 1 : a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
}
