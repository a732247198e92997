// buildIpvs: kube-proxy's IPVS mode for one node and family — addresses bound to kube-ipvs0,
// virtual and real servers, ipset contents and the iptables rules that use them
// (pkg/proxy/ipvs/proxier.go syncProxyRules, syncEndpoint).
import { buildEndpointsMap, categorizeEndpoints, endpointsFor } from './endpoints';
import { ipFamilyOf, joinHostPort } from './ip';
import { localDetectorFor } from './localDetector';
import { resolveConfig, type ProxyInput } from './config';
import type { ProxyRules, ServiceRef } from './model';
import { matchingNodeIPs, nodeIPs, nodePortAddressesFor } from './nodeAddresses';
import { writeIpvsIptablesRules, type LbNoNodeAccess } from './ipvsRules';
import { collectServicePorts } from './servicePorts';
import { IPSETS, ipPortEntry, ipPortIPEntry, ipPortNetEntry, ipsetName, type IpsetKey, type IpsetType } from './ipvsSets';
import { cidrContains } from './ip';

export const DUMMY_INTERFACE = 'kube-ipvs0';

export interface RealServer {
  address: string;
  port: number;
  weight: number;
  forward: 'Masq';
  endpoint: string;
}

export interface VirtualServer {
  address: string;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  scheduler: string;
  /** Session affinity: IPVS persistence timeout in seconds. */
  persistentTimeout?: number;
  kind: 'clusterIP' | 'externalIP' | 'loadBalancer' | 'nodePort';
  service: ServiceRef;
  realServers: RealServer[];
}

export interface Ipset {
  name: string;
  type: IpsetType;
  comment: string;
  entries: string[];
}

export interface IpvsState {
  family: ProxyRules['family'];
  dummyInterface: string;
  /** Addresses bound to kube-ipvs0, sorted. */
  boundAddresses: string[];
  virtualServers: VirtualServer[];
  ipsets: Ipset[];
  /** The iptables rules IPVS mode writes (mode 'ipvs'). */
  rules: ProxyRules;
  notes: string[];
}

export function buildIpvs(input: ProxyInput): IpvsState {
  const { node, family } = input;
  const config = resolveConfig({ ...input.config, mode: 'ipvs' }, family, node);
  const nodeName = node.metadata?.name ?? '';
  const nodeZone = node.metadata?.labels?.['topology.kubernetes.io/zone'] ?? '';
  const detector = localDetectorFor(input.config, node, family);
  const npa = nodePortAddressesFor(input.config.nodePortAddresses, family, node);
  const servicePorts = collectServicePorts(input.services, family);
  const endpointsMap = buildEndpointsMap(input.endpointSlices, family, nodeName);
  const nodeAddresses = nodeIPs(node, family);
  const nodePortIPs = npa.matchAll ? nodeAddresses : matchingNodeIPs(npa, node, family).filter((ip) => ip !== '127.0.0.1' && ip !== '::1');
  const primaryNodeIP = nodeAddresses[0];

  const entries = new Map<IpsetKey, Set<string>>((Object.keys(IPSETS) as IpsetKey[]).map((k) => [k, new Set<string>()]));
  const add = (key: IpsetKey, entry: string) => entries.get(key)!.add(entry);
  const bound = new Set<string>();
  const virtualServers: VirtualServer[] = [];
  const lbNoNodeAccess: LbNoNodeAccess[] = [];

  for (const sp of servicePorts) {
    const proto = sp.protocol.toLowerCase();
    const service: ServiceRef = { namespace: sp.namespace, name: sp.name, portName: sp.portName, protocol: sp.protocol, nameString: sp.nameString };
    const all = endpointsFor(endpointsMap, sp);
    for (const ep of all) if (ep.isLocal) add('loopBack', ipPortIPEntry(ep.ip, proto, ep.port, ep.ip));
    const cat = categorizeEndpoints(all, sp, nodeName, nodeZone);
    // syncEndpoint: Local policy uses local endpoints, falling back to cluster ones (PR 97081).
    const realServers = (onlyLocal: boolean) => {
      const eps = onlyLocal && cat.localEndpoints.length > 0 ? cat.localEndpoints : cat.clusterEndpoints;
      return eps.map((ep) => ({ address: ep.ip, port: ep.port, weight: 1, forward: 'Masq' as const, endpoint: joinHostPort(ep.ip, ep.port) }));
    };
    const vs = (address: string, port: number, kind: VirtualServer['kind'], onlyLocal: boolean) => {
      virtualServers.push({
        address, port, protocol: sp.protocol, scheduler: config.ipvsScheduler,
        persistentTimeout: sp.sessionAffinityClientIP ? sp.stickyMaxAgeSeconds : undefined,
        kind, service, realServers: realServers(onlyLocal),
      });
    };

    add('clusterIP', ipPortEntry(sp.clusterIP, proto, sp.port));
    vs(sp.clusterIP, sp.port, 'clusterIP', sp.internalPolicyLocal);
    bound.add(sp.clusterIP);

    for (const ip of sp.externalIPs) {
      add(sp.externalPolicyLocal ? 'externalIPLocal' : 'externalIP', ipPortEntry(ip, proto, sp.port));
      vs(ip, sp.port, 'externalIP', sp.externalPolicyLocal);
      if (!nodeAddresses.includes(ip)) bound.add(ip);
    }

    for (const lbip of sp.loadBalancerVIPs) {
      const entry = ipPortEntry(lbip, proto, sp.port);
      add('loadBalancer', entry);
      if (sp.externalPolicyLocal) add('loadBalancerLocal', entry);
      if (sp.loadBalancerSourceRanges.length > 0) {
        add('loadBalancerFW', entry);
        let allowFromNode = false;
        for (const cidr of sp.loadBalancerSourceRanges) {
          add('loadBalancerSourceCIDR', ipPortNetEntry(lbip, proto, sp.port, cidr));
          if (primaryNodeIP && cidrContains(cidr, primaryNodeIP)) allowFromNode = true;
        }
        if (allowFromNode) add('loadBalancerSourceIP', ipPortIPEntry(lbip, proto, sp.port, lbip));
        else lbNoNodeAccess.push({ ip: lbip, protocol: proto, port: sp.port });
      }
      vs(lbip, sp.port, 'loadBalancer', sp.externalPolicyLocal);
      if (!nodeAddresses.includes(lbip)) bound.add(lbip);
    }

    if (sp.nodePort !== 0 && nodePortIPs.length > 0) {
      const npEntries = sp.protocol === 'SCTP' ? nodePortIPs.map((ip) => ipPortEntry(ip, proto, sp.nodePort)) : [String(sp.nodePort)];
      const setKey = ({ TCP: 'nodePortTCP', UDP: 'nodePortUDP', SCTP: 'nodePortSCTP' } as const)[sp.protocol];
      const localKey = ({ TCP: 'nodePortLocalTCP', UDP: 'nodePortLocalUDP', SCTP: 'nodePortLocalSCTP' } as const)[sp.protocol];
      for (const e of npEntries) add(setKey, e);
      if (sp.externalPolicyLocal) for (const e of npEntries) add(localKey, e);
      for (const ip of nodePortIPs) vs(ip, sp.nodePort, 'nodePort', sp.externalPolicyLocal);
    }
    if (sp.healthCheckNodePort !== 0) add('healthCheckNodePort', String(sp.healthCheckNodePort));
  }
  for (const ip of bound) add('ipvsIPs', ip);

  const ipsets: Ipset[] = (Object.keys(IPSETS) as IpsetKey[]).map((key) => ({
    name: ipsetName(key, family),
    type: IPSETS[key].type,
    comment: IPSETS[key].comment,
    entries: [...entries.get(key)!].sort(),
  }));
  const nonEmpty = (key: IpsetKey) => entries.get(key)!.size > 0;
  const rules = writeIpvsIptablesRules({ config, detector, family, nodeName, nonEmpty, lbNoNodeAccess });
  return {
    family,
    dummyInterface: DUMMY_INTERFACE,
    boundAddresses: [...bound].filter((ip) => ipFamilyOf(ip) === family).sort(),
    virtualServers,
    ipsets,
    rules,
    notes: [
      'NodePort virtual servers are created on the node\'s status addresses only (real nodes also use bridge and other interface addresses).',
      'Connection counters (ActiveConn/InActConn) are always 0.',
    ],
  };
}
