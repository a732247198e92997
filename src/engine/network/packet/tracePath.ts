// tracePath: the whole journey of a connection's first packet and of its reply, hop by hop,
// through the cluster the snapshot describes. DNS names are resolved first the way the source
// pod's resolver would (its resolv.conf search list against the cluster DNS); Ingress URLs go
// to the ingress-nginx controller, which opens a second connection to the chosen backend pod.
import type { Rng } from '../../core/rng';
import type { ClusterNetwork } from '../clusterNetwork';
import { lookupWithSearch } from '../dns';
import { isIPv6 } from '../ip';
import { defaultPort, parseDestination, parseSource, type Source } from './endpoints';
import { ingressEntry, ingressLeg } from './ingressPath';
import { traceLeg } from './leg';
import type { DnsResolution, PathTrace, TraceRequest } from './types';

function errorTrace(req: TraceRequest, error: string, extra: Partial<PathTrace> = {}): PathTrace {
  return { request: req, outcome: 'error', reason: error, hops: [], notes: [], ...extra };
}

function resolveName(net: ClusterNetwork, rng: Rng, src: Source, name: string): DnsResolution | { error: string } {
  if (src.kind !== 'pod') return { error: `DNS names are resolved with a pod's resolv.conf: trace from a pod ("ns/name"), not from ${src.key}` };
  const conf = net.dns.resolvConfs[src.key];
  if (!conf) return { error: `no resolv.conf for ${src.key}` };
  const qtype = isIPv6(src.ip) ? 'AAAA' : 'A';
  const result = lookupWithSearch(name, conf.text, net.dns.db, qtype);
  const attempts = result.attempts.map((a) => a.summary);
  const addresses = (result.final?.answer.answer ?? []).filter((r) => r.type === qtype).map((r) => r.data);
  if (addresses.length === 0) return { error: `${name} does not resolve from ${src.key}: ${attempts.join('; ')}` };
  // kubeadm's Corefile has the `loadbalance` plugin: A/AAAA answers come back in a shuffled order.
  const picked = addresses.length > 1 ? addresses[rng.intn(addresses.length)] : addresses[0];
  return { query: name, qtype, resolvConf: conf.text, attempts, addresses, picked };
}

export function tracePath(req: TraceRequest, net: ClusterNetwork, rng: Rng): PathTrace {
  const proto = req.protocol ?? 'TCP';
  const src = parseSource(net, req.from);
  if ('error' in src) return errorTrace(req, src.error);
  const dst = parseDestination(req.to, req.port);
  if ('error' in dst) return errorTrace(req, dst.error);
  const notes: string[] = [];

  if (dst.kind === 'url') {
    const entry = ingressEntry(net, src, dst.scheme);
    if ('error' in entry) return errorTrace(req, entry.error);
    return ingressLeg(req, net, rng, src, entry, dst.url);
  }

  let ip: string;
  let port = dst.port;
  let resolution: DnsResolution | undefined;
  if (dst.kind === 'name') {
    const r = resolveName(net, rng, src, dst.name);
    if ('error' in r) return errorTrace(req, r.error);
    resolution = r;
    ip = r.picked;
    notes.push(`The DNS query itself (UDP to ${net.dns.serviceIP}:53) is not part of this trace; trace it with --to ${net.dns.serviceIP}:53 --protocol UDP.`);
    if (r.addresses.length > 1) notes.push(`${r.addresses.length} addresses answered; CoreDNS's loadbalance plugin shuffles them, and the client used ${r.picked}.`);
  } else {
    ip = dst.ip;
  }
  if (port === undefined) {
    const d = defaultPort(net, ip);
    port = d.port;
    if (d.note) notes.push(d.note);
  }
  const leg = traceLeg(net, rng, src, ip, port, proto);
  return {
    request: req,
    outcome: leg.end.outcome,
    reason: leg.end.reason,
    hops: [...leg.request, ...leg.reply],
    ...(resolution ? { resolution } : {}),
    ...(leg.end.outcome === 'delivered' && leg.end.at ? { deliveredTo: leg.end.at } : {}),
    notes: [...notes, ...leg.notes],
  };
}
