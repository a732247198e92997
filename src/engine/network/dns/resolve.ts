// Answers as CoreDNS's kubernetes plugin gives them (coredns plugin/kubernetes/kubernetes.go
// findServices/findPods, parse.go, reverse.go, plugin/backend_lookup.go for A/AAAA/SRV/CNAME and
// SRV weights, handler_test.go for the expected shapes): TTL 5, SRV priority 0 and weight
// floor(100/n) over the n matching service entries, NXDOMAIN/NODATA carrying the zone SOA.
import { formatIp, ipFromReverseName, isIPv4, isIPv6, tryParseIp } from '../ip';
import { addressType, rr, serviceFqdn, srvRecord, type DnsDatabase, type DnsRecord, type RRType } from './records';

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'FORWARDED';

export interface DnsAnswer {
  qname: string;
  qtype: RRType;
  /** FORWARDED: outside the cluster zones, CoreDNS hands it to `forward . /etc/resolv.conf`. */
  rcode: Rcode;
  answer: DnsRecord[];
  extra: DnsRecord[];
  authority: DnsRecord[];
  note?: string;
}

/** One msg.Service the plugin finds: an address (or CNAME target) with a port and a name. */
interface Entry {
  host: string;
  port: number;
  target: string;
  cname: boolean;
}

const fqdnOf = (name: string) => (name.endsWith('.') ? name : `${name}.`).toLowerCase();

export function soaRecord(db: DnsDatabase, zone: string): DnsRecord {
  const z = fqdnOf(zone);
  const d = `${db.clusterDomain}.`;
  return rr(z, 'SOA', db.ttl, `ns.dns.${d} hostmaster.${d} ${db.serial} 7200 1800 86400 ${db.ttl}`);
}

/** parse.go: a label filter "" (any) or equal ignoring case; the leading "_" is already stripped. */
const matches = (want: string, have: string) => want === '' || want === '*' || want.toLowerCase() === have.toLowerCase();

function findServices(db: DnsDatabase, name: string, ns: string, endpoint: string, port: string, proto: string): Entry[] {
  const out: Entry[] = [];
  for (const s of db.services) {
    if (s.name !== name || s.namespace !== ns) continue;
    const fqdn = serviceFqdn(db, s);
    if (s.kind === 'ExternalName') {
      if (endpoint !== '') continue;
      out.push({ host: fqdnOf(s.externalName ?? ''), port: s.ports[0]?.port ?? 0, target: fqdnOf(s.externalName ?? ''), cname: true });
      continue;
    }
    if (s.kind === 'Headless' || endpoint !== '') {
      for (const ep of s.endpoints) {
        if (endpoint !== '' && ep.hostname !== endpoint) continue;
        // Portless headless services still publish their addresses (a placeholder port upstream).
        const ports = ep.ports.length ? ep.ports : [{ name: '', protocol: '', port: -1 }];
        for (const p of ports) {
          if (!(matches(port, p.name) && matches(proto, p.protocol))) continue;
          out.push({ host: ep.ip, port: p.port, target: `${ep.hostname}.${fqdn}`, cname: false });
        }
      }
      continue;
    }
    for (const p of s.ports) {
      if (!(matches(port, p.name) && matches(proto, p.protocol))) continue;
      for (const ip of s.clusterIPs) out.push({ host: ip, port: p.port, target: fqdn, cname: false });
    }
  }
  return out;
}

/** `pods insecure|verified`: a-b-c-d.<ns>.pod.<zone> (parse of the dashed IP as kubernetes.go findPods). */
function findPods(db: DnsDatabase, label: string, ns: string): Entry[] {
  if (db.podsMode === 'disabled' || !db.namespaces.includes(ns)) return [];
  const text = (label.split('-').length - 1 === 3 && !label.includes('--')) ? label.replace(/-/g, '.') : label.replace(/-/g, ':');
  const ip = tryParseIp(text);
  if (!ip) return [];
  const addr = formatIp(ip);
  if (db.podsMode === 'verified' && !db.pods.some((p) => p.namespace === ns && p.ip === addr)) return [];
  return [{ host: addr, port: 0, target: '', cname: false }];
}

function nameExists(db: DnsDatabase, rel: string[]): boolean {
  // rel: labels left of the zone, outermost first (e.g. ["svc", "default"]).
  if (rel.length === 0) return true;
  if (rel.length === 1) return rel[0] === 'svc' || rel[0] === 'pod';
  if (rel.length === 2 && (rel[0] === 'svc' || rel[0] === 'pod')) return db.namespaces.includes(rel[1]);
  return false;
}

function addressRecords(db: DnsDatabase, qname: string, qtype: 'A' | 'AAAA', entries: Entry[], depth: number): DnsRecord[] {
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.cname) {
      out.push(rr(qname, 'CNAME', db.ttl, e.target));
      // A target inside the cluster zone is chased here; anything else goes to the upstream.
      if (depth < 8 && e.target.endsWith(`.${db.clusterDomain}.`)) {
        out.push(...resolveInner(db, e.target, qtype, depth + 1).answer);
      }
      continue;
    }
    if ((qtype === 'A' && !isIPv4(e.host)) || (qtype === 'AAAA' && !isIPv6(e.host))) continue;
    if (seen.has(e.host)) continue;
    seen.add(e.host);
    out.push(rr(qname, qtype, db.ttl, e.host));
  }
  return out;
}

function srvAnswer(db: DnsDatabase, qname: string, entries: Entry[]): { answer: DnsRecord[]; extra: DnsRecord[] } {
  const weight = Math.floor(100 / entries.length);
  const answer: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  const seenSrv = new Set<string>();
  const seenExtra = new Set<string>();
  for (const e of entries) {
    if (e.port < 0) continue;
    const key = `${e.target} ${e.port}`;
    if (!seenSrv.has(key)) {
      seenSrv.add(key);
      answer.push(srvRecord(qname, db.ttl, 0, weight, e.port, e.target));
    }
    if (e.cname) continue;
    const xk = `${e.target} ${e.host}`;
    if (!seenExtra.has(xk)) {
      seenExtra.add(xk);
      extra.push(rr(e.target, addressType(e.host), db.ttl, e.host));
    }
  }
  return { answer, extra };
}

function reverse(db: DnsDatabase, qname: string, qtype: RRType): DnsAnswer {
  const zone = qname.endsWith('.in-addr.arpa.') ? 'in-addr.arpa.' : 'ip6.arpa.';
  const ip = ipFromReverseName(qname);
  let target: string | null = null;
  if (ip) {
    const svc = db.services.find((s) => s.clusterIPs.includes(ip));
    if (svc) target = serviceFqdn(db, svc);
    for (const s of db.services) {
      if (target) break;
      const ep = s.endpoints.find((e) => e.ip === ip);
      if (ep) target = `${ep.hostname}.${serviceFqdn(db, s)}`;
    }
  }
  if (!target) {
    return {
      qname, qtype, rcode: 'NXDOMAIN', answer: [], extra: [], authority: [soaRecord(db, zone)],
      note: 'No Service or endpoint has this IP (with `fallthrough in-addr.arpa ip6.arpa` the query would go on to the next plugin).',
    };
  }
  if (qtype !== 'PTR') return { qname, qtype, rcode: 'NOERROR', answer: [], extra: [], authority: [soaRecord(db, zone)] };
  return { qname, qtype, rcode: 'NOERROR', answer: [rr(qname, 'PTR', db.ttl, target)], extra: [], authority: [] };
}

function resolveInner(db: DnsDatabase, query: string, qtype: RRType, depth: number): DnsAnswer {
  const qname = fqdnOf(query);
  const zone = `${db.clusterDomain}.`;
  if (qname.endsWith('.in-addr.arpa.') || qname.endsWith('.ip6.arpa.')) return reverse(db, qname, qtype);
  if (qname !== zone && !qname.endsWith(`.${zone}`)) {
    return { qname, qtype, rcode: 'FORWARDED', answer: [], extra: [], authority: [], note: `Outside ${zone}: forwarded to the node's upstream resolvers (not simulated).` };
  }
  const rel = qname === zone ? [] : qname.slice(0, -(zone.length + 1)).split('.').reverse();
  const nodata = (): DnsAnswer => ({ qname, qtype, rcode: 'NOERROR', answer: [], extra: [], authority: [soaRecord(db, zone)] });
  const nxdomain = (): DnsAnswer => ({ qname, qtype, rcode: 'NXDOMAIN', answer: [], extra: [], authority: [soaRecord(db, zone)] });
  if (rel.length === 1 && rel[0] === 'dns-version' && qtype === 'TXT') {
    return { qname, qtype, rcode: 'NOERROR', answer: [rr(qname, 'TXT', 28800, '"1.1.0"')], extra: [], authority: [] };
  }
  if (rel.length === 0 && qtype === 'SOA') return { qname, qtype, rcode: 'NOERROR', answer: [soaRecord(db, zone)], extra: [], authority: [] };
  let entries: Entry[] = [];
  if (rel[0] === 'svc' && rel.length >= 3 && rel.length <= 5) {
    const [, ns, svc, a, b] = rel;
    if (rel.length === 3) entries = findServices(db, svc, ns, '', '', '');
    else if (rel.length === 4) entries = findServices(db, svc, ns, a, '', '');
    else if (a.startsWith('_') && b.startsWith('_')) entries = findServices(db, svc, ns, '', b.slice(1), a.slice(1));
  } else if (rel[0] === 'pod' && rel.length === 3) {
    entries = findPods(db, rel[2], rel[1]);
  }
  if (entries.length === 0) return nameExists(db, rel) ? nodata() : nxdomain();
  let answer: DnsRecord[] = [];
  let extra: DnsRecord[] = [];
  if (qtype === 'A' || qtype === 'AAAA') answer = addressRecords(db, qname, qtype, entries, depth);
  else if (qtype === 'SRV') ({ answer, extra } = srvAnswer(db, qname, entries));
  else if (qtype === 'CNAME') answer = entries.filter((e) => e.cname).map((e) => rr(qname, 'CNAME', db.ttl, e.target));
  if (answer.length === 0) return nodata();
  const chasedOutside = entries.some((e) => e.cname && !e.target.endsWith(`.${zone}`)) && qtype !== 'CNAME';
  return {
    qname, qtype, rcode: 'NOERROR', answer, extra, authority: [],
    ...(chasedOutside ? { note: 'The CNAME target is outside the cluster: CoreDNS asks the upstream for it (not simulated).' } : {}),
  };
}

/**
 * Answers one query as the cluster DNS would. `fromPod` ("ns/name") is recorded for display
 * only: without autopath the kubernetes plugin's answer does not depend on the client.
 */
export function resolve(db: DnsDatabase, query: string, qtype: RRType = 'A', fromPod?: string): DnsAnswer & { fromPod?: string } {
  const a = resolveInner(db, query, qtype, 0);
  return fromPod ? { ...a, fromPod } : a;
}
