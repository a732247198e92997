// The data CoreDNS's kubernetes plugin answers from (coredns plugin/kubernetes/object/service.go,
// object/endpoint.go, object/pod.go): services with their cluster IPs and ports, the ready
// addresses of their EndpointSlices with the hostname each is published under, and pod IPs.
// buildDnsRecords also lists every record the plugin would serve, for the UI.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { formatIp, ipToDashed, isIPv6, isIp } from '../ip';

export type RRType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'TXT' | 'SOA';

/** One resource record; `text` is the zone-file line miekg/dns prints (tab separated). */
export interface DnsRecord {
  name: string;
  type: RRType;
  ttl: number;
  data: string;
  srv?: { priority: number; weight: number; port: number; target: string };
  text: string;
}

export interface DnsPort {
  name: string;
  protocol: string;
  port: number;
}

export interface DnsEndpoint {
  ip: string;
  /** endpoint.hostname, or the dashed IP CoreDNS uses when there is none ("10-244-1-5"). */
  hostname: string;
  ports: DnsPort[];
}

export interface DnsService {
  namespace: string;
  name: string;
  kind: 'ClusterIP' | 'Headless' | 'ExternalName';
  clusterIPs: string[];
  externalName?: string;
  ports: DnsPort[];
  /** Ready endpoints only: CoreDNS skips addresses whose conditions.ready is false. */
  endpoints: DnsEndpoint[];
}

/** How the `pods` option of the kubernetes plugin answers <a-b-c-d>.<ns>.pod.<zone>. */
export type PodsMode = 'disabled' | 'insecure' | 'verified';

export interface DnsDatabase {
  /** "cluster.local" (no trailing dot). */
  clusterDomain: string;
  ttl: number;
  podsMode: PodsMode;
  serial: number;
  namespaces: string[];
  services: DnsService[];
  pods: { namespace: string; name: string; ip: string }[];
  /** Every record the plugin would serve (service, endpoint, SRV, CNAME and PTR records). */
  records: DnsRecord[];
  notes: string[];
}

export interface DnsOptions {
  /** Default "insecure", as kubeadm's Corefile (`pods insecure`). */
  podsMode?: PodsMode;
  /** Default 5 (plugin default ttl). */
  ttl?: number;
  /** SOA serial; CoreDNS uses the time of the last API change, we take a fixed number. */
  serial?: number;
  /** Namespaces that exist; defaults to those of the services and pods. */
  namespaces?: string[];
}

export function rr(name: string, type: RRType, ttl: number, data: string, srv?: DnsRecord['srv']): DnsRecord {
  return { name, type, ttl, data, ...(srv ? { srv } : {}), text: `${name}\t${ttl}\tIN\t${type}\t${data}` };
}

export function srvRecord(name: string, ttl: number, priority: number, weight: number, port: number, target: string): DnsRecord {
  return rr(name, 'SRV', ttl, `${priority} ${weight} ${port} ${target}`, { priority, weight, port, target });
}

export const addressType = (ip: string): RRType => (isIPv6(ip) ? 'AAAA' : 'A');

function toDnsService(svc: Service, slices: EndpointSlice[], pods: Pod[]): DnsService {
  const namespace = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  const spec = svc.spec ?? {};
  const ports = (spec.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port }));
  if (spec.type === 'ExternalName') {
    return { namespace, name, kind: 'ExternalName', clusterIPs: [], externalName: spec.externalName, ports, endpoints: [] };
  }
  const ips = (spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : []).filter(isIp).map((ip) => formatIp(ip));
  const headless = spec.clusterIP === 'None' || ips.length === 0;
  const endpoints: DnsEndpoint[] = [];
  const owned = slices.filter(
    (s) => (s.metadata?.namespace ?? 'default') === namespace && s.metadata?.labels?.['kubernetes.io/service-name'] === name,
  );
  for (const slice of owned) {
    const epPorts = (slice.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port ?? 0 }));
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      let hostname = ep.hostname;
      // The EndpointSlice controller publishes spec.hostname when spec.subdomain names the service.
      if (!hostname && ep.targetRef?.kind === 'Pod') {
        const pod = pods.find((p) => p.metadata?.namespace === namespace && p.metadata?.name === ep.targetRef?.name);
        if (pod?.spec?.hostname && pod.spec.subdomain === name) hostname = pod.spec.hostname;
      }
      for (const addr of ep.addresses ?? []) {
        if (!isIp(addr)) continue;
        endpoints.push({ ip: formatIp(addr), hostname: hostname || ipToDashed(addr), ports: epPorts });
      }
    }
  }
  return { namespace, name, kind: headless ? 'Headless' : 'ClusterIP', clusterIPs: headless ? [] : ips, ports, endpoints };
}

export function serviceFqdn(db: Pick<DnsDatabase, 'clusterDomain'>, svc: Pick<DnsService, 'name' | 'namespace'>): string {
  return `${svc.name}.${svc.namespace}.svc.${db.clusterDomain}.`;
}

/** Turns API objects into the plugin's view (records are listed by buildDnsRecords in zone.ts). */
export function buildDnsDatabase(
  services: Service[],
  endpointSlices: EndpointSlice[],
  pods: Pod[],
  clusterDomain = 'cluster.local',
  options: DnsOptions = {},
): DnsDatabase {
  const domain = clusterDomain.replace(/\.$/, '').toLowerCase();
  const svcs = services.map((s) => toDnsService(s, endpointSlices, pods));
  const podList = pods
    .filter((p) => p.status?.podIP && !p.spec?.hostNetwork)
    .map((p) => ({ namespace: p.metadata?.namespace ?? 'default', name: p.metadata?.name ?? '', ip: formatIp(p.status!.podIP!) }));
  const namespaces = options.namespaces ?? [...new Set([...svcs.map((s) => s.namespace), ...podList.map((p) => p.namespace)])].sort();
  const serial = options.serial ?? 1;
  return {
    clusterDomain: domain, ttl: options.ttl ?? 5, podsMode: options.podsMode ?? 'insecure', serial,
    namespaces, services: svcs, pods: podList, records: [],
    notes: [`SOA serial is fixed at ${serial}; CoreDNS uses the time of the last change it saw.`],
  };
}
