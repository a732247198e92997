// buildDnsRecords: the plugin's view of the cluster plus every record it serves, listed by asking
// resolve() for each name the objects define, so the list can never disagree with the answers.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { reverseName } from '../ip';
import { buildDnsDatabase, serviceFqdn, type DnsDatabase, type DnsOptions, type DnsRecord, type RRType } from './records';
import { resolve } from './resolve';

export function buildDnsRecords(
  services: Service[],
  endpointSlices: EndpointSlice[],
  pods: Pod[],
  clusterDomain = 'cluster.local',
  options: DnsOptions = {},
): DnsDatabase {
  const db = buildDnsDatabase(services, endpointSlices, pods, clusterDomain, options);
  const queries: [string, RRType][] = [];
  for (const s of db.services) {
    const fqdn = serviceFqdn(db, s);
    if (s.kind === 'ExternalName') {
      queries.push([fqdn, 'CNAME']);
      continue;
    }
    queries.push([fqdn, 'A'], [fqdn, 'AAAA']);
    const named = new Map<string, string>();
    for (const p of [...s.ports, ...s.endpoints.flatMap((e) => e.ports)]) {
      if (p.name) named.set(`_${p.name}._${p.protocol.toLowerCase()}.${fqdn}`, p.name);
    }
    for (const q of named.keys()) queries.push([q, 'SRV']);
    for (const host of new Set(s.endpoints.map((e) => `${e.hostname}.${fqdn}`))) queries.push([host, 'A'], [host, 'AAAA']);
    for (const ip of [...s.clusterIPs, ...s.endpoints.map((e) => e.ip)]) queries.push([reverseName(ip), 'PTR']);
  }
  const seen = new Set<string>();
  const records: DnsRecord[] = [];
  for (const [q, t] of queries) {
    for (const rec of resolve(db, q, t).answer) {
      if (seen.has(rec.text)) continue;
      seen.add(rec.text);
      records.push(rec);
    }
  }
  return { ...db, records };
}
