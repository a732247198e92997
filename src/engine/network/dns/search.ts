// The search-list walk a pod's resolver does before it gets an answer (glibc res_search, which
// nslookup/dig +search follow): a name with a trailing dot is tried as is; a name with at least
// `ndots` dots is tried as is first, then with each search domain; otherwise each search domain
// first and the bare name last. The walk stops at the first answer; NXDOMAIN and empty (NODATA)
// answers move on to the next candidate.
import type { DnsDatabase, RRType } from './records';
import { resolve, type DnsAnswer } from './resolve';
import { parseResolvConf, type ParsedResolvConf } from './resolvConf';

export interface SearchAttempt {
  name: string;
  answer: DnsAnswer;
  /** One-line summary, e.g. "web.default.svc.cluster.local.: NXDOMAIN". */
  summary: string;
}

export interface SearchResult {
  query: string;
  ndots: number;
  attempts: SearchAttempt[];
  /** The attempt that answered, or null when every candidate failed. */
  final: SearchAttempt | null;
}

function ndotsOf(options: string[]): number {
  let n = 1; // glibc default
  for (const o of options) {
    const m = /^ndots:(\d+)$/.exec(o);
    if (m) n = Math.min(15, Number(m[1]));
  }
  return n;
}

export function searchCandidates(name: string, conf: ParsedResolvConf): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const ndots = ndotsOf(conf.options);
  const searched = conf.searches.filter((s) => s !== '.' && s !== '').map((s) => `${name}.${s}.`);
  return dots >= ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`];
}

function summarize(a: DnsAnswer): string {
  if (a.rcode === 'FORWARDED') return `${a.qname}: forwarded upstream (not simulated)`;
  if (a.rcode === 'NXDOMAIN') return `${a.qname}: NXDOMAIN`;
  if (a.answer.length === 0) return `${a.qname}: NOERROR, no ${a.qtype} records`;
  return `${a.qname}: ${a.answer.map((r) => `${r.type} ${r.data}`).join(', ')}`;
}

/**
 * Walks the search list for `name` with the pod's resolv.conf (text or parsed) against the
 * cluster DNS. Names outside the cluster zone are marked forwarded; the walk treats a forwarded
 * candidate as NXDOMAIN unless it is the last one.
 */
export function lookupWithSearch(
  name: string,
  conf: string | ParsedResolvConf,
  db: DnsDatabase,
  qtype: RRType = 'A',
): SearchResult {
  const parsed = typeof conf === 'string' ? parseResolvConf(conf) : conf;
  const candidates = searchCandidates(name, parsed);
  const attempts: SearchAttempt[] = [];
  let final: SearchAttempt | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const answer = resolve(db, candidates[i], qtype);
    const attempt = { name: candidates[i], answer, summary: summarize(answer) };
    attempts.push(attempt);
    const last = i === candidates.length - 1;
    if ((answer.rcode === 'NOERROR' && answer.answer.length > 0) || (answer.rcode === 'FORWARDED' && last)) {
      final = attempt;
      break;
    }
  }
  return { query: name, ndots: ndotsOf(parsed.options), attempts, final };
}
