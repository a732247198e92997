// kubeglass dns FILE... --query NAME [--type A|AAAA|SRV|PTR|CNAME] [--from ns/pod] [--json]
import { parseArgs } from 'node:util';
import { lookupWithSearch, resolve, type DnsAnswer, type RRType } from '../../engine/network/dns';
import { reverseName, tryParseIp } from '../../engine/network/ip';
import { UsageError } from '../io';
import type { CliIO } from '../main';
import { COMMON_OPTIONS, loadNetwork } from './network';

export const DNS_HELP = `Usage: kubeglass dns FILE... --query NAME [--type A|AAAA|SRV|PTR|CNAME] [--from ns/pod] [--json] [--seed N] [--until 10m]

Runs the manifests, then asks the cluster DNS (CoreDNS's kubernetes plugin) like dig would.
With --from the pod's resolv.conf search list is walked first, as its resolver does; without,
NAME is taken as fully qualified. An IP with --type PTR is turned into its reverse name.
Exit 1 when nothing answers (NXDOMAIN or no records).`;

const TYPES: RRType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME'];

function answerText(a: DnsAnswer): string {
  const lines = [`;; ${a.qname} ${a.qtype}: status ${a.rcode}`];
  const section = (title: string, list: DnsAnswer['answer']) => {
    if (list.length) lines.push('', `;; ${title} SECTION:`, ...list.map((r) => r.text));
  };
  section('ANSWER', a.answer);
  section('ADDITIONAL', a.extra);
  section('AUTHORITY', a.authority);
  if (a.note) lines.push('', `;; ${a.note}`);
  return lines.join('\n');
}

export function dnsCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { ...COMMON_OPTIONS, query: { type: 'string' }, type: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.help) {
    io.out(DNS_HELP);
    return 0;
  }
  if (!values.query) throw new UsageError('--query NAME is required');
  const qtype = (values.type ?? 'A').toUpperCase() as RRType;
  if (!TYPES.includes(qtype)) throw new UsageError(`--type must be one of ${TYPES.join(', ')}, got "${values.type}"`);
  const loaded = loadNetwork(positionals, values, io);
  const { dns } = loaded.net;
  const query = qtype === 'PTR' && tryParseIp(values.query) ? reverseName(values.query) : values.query;
  let answer: DnsAnswer | null;
  let attempts: { name: string; summary: string }[] | undefined;
  let resolvConf: string | undefined;
  if (values.from) {
    const key = values.from.includes('/') ? values.from : `default/${values.from}`;
    const conf = dns.resolvConfs[key];
    if (!conf) {
      io.err(`kubeglass dns: pod ${key} not found (or not running)`);
      return 1;
    }
    resolvConf = conf.text;
    const search = lookupWithSearch(query, conf.text, dns.db, qtype);
    attempts = search.attempts.map((a) => ({ name: a.name, summary: a.summary }));
    answer = search.final?.answer ?? search.attempts.at(-1)?.answer ?? null;
  } else {
    answer = resolve(dns.db, query, qtype);
  }
  const found = !!answer && answer.answer.length > 0;
  if (values.json) {
    io.out(JSON.stringify({
      query, type: qtype, ...(values.from ? { from: values.from, resolvConf, attempts } : {}),
      rcode: answer?.rcode ?? 'NXDOMAIN',
      answer: answer?.answer.map((r) => r.text) ?? [], extra: answer?.extra.map((r) => r.text) ?? [],
      authority: answer?.authority.map((r) => r.text) ?? [], ...(answer?.note ? { note: answer.note } : {}),
    }));
  } else {
    const lines: string[] = [];
    if (resolvConf) lines.push(`;; resolv.conf of ${values.from}:`, ...resolvConf.trimEnd().split('\n').map((l) => `;;   ${l}`));
    for (const a of attempts ?? []) lines.push(`;; tried ${a.summary}`);
    if (answer) lines.push(answerText(answer));
    io.out(lines.join('\n'));
  }
  if (!found) {
    io.err(`kubeglass dns: ${query} (${qtype}): ${answer?.rcode === 'NOERROR' ? 'no records' : answer?.rcode ?? 'NXDOMAIN'}`);
    return 1;
  }
  return loaded.failed ? 1 : 0;
}
