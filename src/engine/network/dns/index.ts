// Cluster DNS: CoreDNS kubernetes-plugin records and answers, pod resolv.conf, search-list walks.
export {
  buildDnsDatabase,
  rr,
  srvRecord,
  serviceFqdn,
  type DnsDatabase,
  type DnsEndpoint,
  type DnsOptions,
  type DnsPort,
  type DnsRecord,
  type DnsService,
  type PodsMode,
  type RRType,
} from './records';
export { buildDnsRecords } from './zone';
export { resolve, soaRecord, type DnsAnswer, type Rcode } from './resolve';
export { resolvConf, parseResolvConf, formatResolvConf, type ParsedResolvConf, type PodResolvConf } from './resolvConf';
export { lookupWithSearch, searchCandidates, type SearchAttempt, type SearchResult } from './search';
