// One connection: the request from a source to dst:port hop by hop, then (if it was
// delivered) the reply back along conntrack's reverse NAT.
import type { Rng } from '../../core/rng';
import type { ClusterNetwork } from '../clusterNetwork';
import type { Source } from './endpoints';
import { localInterface, lookupRoute, sourceAddressFor } from './routing';
import { sendFromExternal, sendFromHost, sendFromPod, sendReply } from './senders';
import { ephemeralPort, hostNs, newState, type TraceState, type WalkEnd } from './state';
import type { PathHop, Protocol } from './types';

export interface LegResult {
  request: PathHop[];
  reply: PathHop[];
  end: WalkEnd;
  notes: string[];
  state: TraceState;
}

function sourceIp(src: Source, dst: string): string {
  if (src.kind === 'pod') return src.ip;
  if (src.kind === 'external') return src.ip;
  const host = hostNs(src.entry);
  if (localInterface(host, dst)) return dst;
  const r = lookupRoute(host.routes, dst);
  return (r && sourceAddressFor(host, r)) ?? src.entry.info.internalIp;
}

/** One connection: the request from `src` to dst:port, then (if delivered) the reply. */
export function traceLeg(net: ClusterNetwork, rng: Rng, src: Source, dst: string, port: number, proto: Protocol): LegResult {
  const st = newState(net, rng, { src: sourceIp(src, dst), dst, sport: ephemeralPort(rng), dport: port, proto });
  if (src.kind === 'pod') st.originPod = src.key;
  if (src.kind === 'pod') sendFromPod(st, src.entry, src.ns);
  else if (src.kind === 'node') sendFromHost(st, src.entry);
  else sendFromExternal(st);
  const end: WalkEnd = st.end ?? { outcome: 'dropped', reason: 'the trace stopped without a verdict' };
  const request = st.hops.slice();
  if (end.outcome === 'delivered') sendReply(st);
  const reply = st.hops.slice(request.length);
  if (end.outcome === 'delivered' && st.end && st.end.outcome !== 'delivered') st.notes.push(`the reply did not make it back: ${st.end.reason}`);
  const notes = [...st.notes];
  const kinds = new Set(st.hops.map((h) => h.kind));
  if (kinds.has('vxlan')) notes.push('The VXLAN outer source port comes from a hash of the inner flow here; the kernel uses its own flow hash.');
  if (kinds.has('ipvs')) notes.push('IPVS rr hands connections to real servers in turn; which one is next depends on earlier connections, so the trace draws one at random.');
  if (kinds.has('conntrack')) notes.push('conntrack entries are printed as `conntrack -L` lists them after the first packet (SYN_SENT, [UNREPLIED]) and after the reply (SYN_RECV).');
  if (net.cni.kind === 'calico') notes.push('calico: felix\'s chains are summarised by the NetworkPolicy hops; its own masquerade (natOutgoing) and RPF chains are not shown.');
  return { request, reply, end, notes, state: st };
}

