// EndpointSlices -> per-service-port endpoint lists (pkg/proxy/endpointslicecache.go) and the
// choice of usable endpoints for Cluster and Local traffic policy (pkg/proxy/topology.go
// CategorizeEndpoints, with the PreferSameTrafficDistribution gate on, as in v1.34).
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { canonicalIP, familyOfCanonical, joinHostPort, type IPFamily } from './ip';
import { endpointChainName } from './names';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './servicePorts';

export interface EndpointInfo {
  ip: string;
  port: number;
  /** "ip:port" ("[ip]:port" for IPv6): Endpoint.String(). */
  endpoint: string;
  nodeName: string;
  zone: string;
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  zoneHints: string[];
  nodeHints: string[];
}

/** Key of a service port as the endpoints cache groups it: "ns/name" + port name + protocol. */
export function endpointsKey(namespace: string, service: string, portName: string, protocol: string): string {
  return `${namespace}/${service}\u0000${portName}\u0000${protocol}`;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * Builds the endpoints map: per service port, endpoints deduplicated by "ip:port" (a local copy
 * wins) and sorted by that string, as endpointsMapFromEndpointInfo does.
 */
export function buildEndpointsMap(slices: EndpointSlice[], family: IPFamily, nodeName: string): Map<string, EndpointInfo[]> {
  const sets = new Map<string, Map<string, EndpointInfo>>();
  for (const slice of slices) {
    const service = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    const namespace = slice.metadata?.namespace ?? 'default';
    if (!service) continue;
    for (const port of slice.ports ?? []) {
      // A nil port name is ignored; "" is the unnamed port. Port 0 / missing is invalid.
      if (port.name === undefined || port.name === null) continue;
      if (!port.port) continue;
      const key = endpointsKey(namespace, service, port.name, port.protocol ?? 'TCP');
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Map()));
      for (const ep of slice.endpoints ?? []) {
        const first = ep.addresses?.[0];
        if (!first) continue;
        const ip = canonicalIP(first);
        if (!ip || familyOfCanonical(ip) !== family) continue;
        const epNode = ep.nodeName ?? '';
        const isLocal = nodeName !== '' && epNode === nodeName;
        const hints = ep.hints as { forZones?: { name: string }[]; forNodes?: { name: string }[] } | undefined;
        const info: EndpointInfo = {
          ip,
          port: port.port,
          endpoint: joinHostPort(ip, port.port),
          nodeName: epNode,
          zone: ep.zone ?? '',
          isLocal,
          ready: ep.conditions?.ready ?? true,
          serving: ep.conditions?.serving ?? true,
          terminating: ep.conditions?.terminating ?? false,
          zoneHints: (hints?.forZones ?? []).map((z) => z.name),
          nodeHints: (hints?.forNodes ?? []).map((n) => n.name),
        };
        if (!set.has(info.endpoint) || isLocal) set.set(info.endpoint, info);
      }
    }
  }
  const out = new Map<string, EndpointInfo[]>();
  for (const [key, set] of sets) {
    if (set.size === 0) continue;
    out.set(key, [...set.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0)));
  }
  return out;
}

export function endpointsFor(map: Map<string, EndpointInfo[]>, sp: ServicePortInfo): EndpointInfo[] {
  return map.get(endpointsKey(sp.namespace, sp.name, sp.portName, sp.protocol)) ?? [];
}

export interface CategorizedEndpoints {
  clusterEndpoints: EndpointInfo[];
  localEndpoints: EndpointInfo[];
  allReachableEndpoints: EndpointInfo[];
  hasAnyEndpoints: boolean;
  /** '' | 'PreferSameZone' | 'PreferSameNode' */
  topologyMode: string;
  /** Local policy fell back to serving-but-terminating endpoints. */
  usedTerminatingLocal: boolean;
  /** Cluster policy fell back to serving-but-terminating endpoints. */
  usedTerminatingCluster: boolean;
}

function topologyModeFromHints(endpoints: EndpointInfo[], nodeName: string, zone: string): string {
  let hasForNode = false, allNodeHints = true, hasForZone = false, allZoneHints = true;
  for (const ep of endpoints) {
    if (!ep.ready) continue;
    if (ep.nodeHints.length === 0) allNodeHints = false;
    else if (ep.nodeHints.includes(nodeName)) hasForNode = true;
    if (ep.zoneHints.length === 0) allZoneHints = false;
    else if (ep.zoneHints.includes(zone)) hasForZone = true;
  }
  if (allNodeHints && hasForNode) return 'PreferSameNode';
  if (allZoneHints && hasForZone) return 'PreferSameZone';
  return '';
}

function availableForTopology(ep: EndpointInfo, mode: string, nodeName: string, zone: string): boolean {
  if (mode === '') return true;
  if (mode === 'PreferSameNode') return ep.nodeHints.includes(nodeName);
  if (mode === 'PreferSameZone') return ep.zoneHints.includes(zone);
  return false;
}

export function categorizeEndpoints(endpoints: EndpointInfo[], sp: ServicePortInfo, nodeName: string, nodeZone: string): CategorizedEndpoints {
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  let topologyMode = '';
  let usedTerminatingLocal = false;
  let usedTerminatingCluster = false;
  const result = (all: EndpointInfo[]): CategorizedEndpoints => ({
    clusterEndpoints, localEndpoints, allReachableEndpoints: all, hasAnyEndpoints, topologyMode, usedTerminatingLocal, usedTerminatingCluster,
  });

  if (usesClusterEndpoints(sp)) {
    topologyMode = topologyModeFromHints(endpoints, nodeName, nodeZone);
    clusterEndpoints = endpoints.filter((ep) => ep.ready && availableForTopology(ep, topologyMode, nodeName, nodeZone));
    if (clusterEndpoints.length === 0) {
      clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
      usedTerminatingCluster = clusterEndpoints.length > 0;
    }
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(sp)) return result(clusterEndpoints);

  let hasLocalReady = false, hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) {
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  } else if (hasLocalServingTerminating) {
    usedTerminatingLocal = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!usesClusterEndpoints(sp)) return result(localEndpoints);
  if (topologyMode === '' && !usedTerminatingLocal) return result(clusterEndpoints);
  // Union of both lists. Upstream builds it from a Go map (random order); we keep the sorted
  // endpoint-string order (simplification for determinism).
  const merged = new Map<string, EndpointInfo>();
  for (const ep of clusterEndpoints) merged.set(ep.endpoint, ep);
  for (const ep of localEndpoints) merged.set(ep.endpoint, ep);
  return result([...merged.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0)));
}

export function sepChainFor(sp: ServicePortInfo, ep: EndpointInfo): string {
  return endpointChainName(sp.nameString, sp.protocol, ep.endpoint);
}
