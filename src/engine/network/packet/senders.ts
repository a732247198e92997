// Where a packet starts: in a pod's namespace (its routes, then the veth into the host), on a
// node itself (locally generated: nat OUTPUT instead of PREROUTING), or at a client outside the
// cluster (it can only reach node addresses and load-balancer IPs).
import type { NetNamespace } from '../cni';
import type { NodeNetworkEntry } from '../clusterNetwork';
import { ipEquals, tryParseIp } from '../ip';
import { atHost, egress, ipvsForward, ipvsService, routeOrDrop } from './hostStack';
import { applyDnat, nfPacket, parseHostPort, runHook, undoDnat } from './nat';
import { localInterface, localRouteText, lookupRoute } from './routing';
import { finish, hop, hostNs, nodeByIp, nodeEntry, type TraceState } from './state';

export function sendFromPod(st: TraceState, entry: NodeNetworkEntry, ns: NetNamespace): void {
  const node = entry.name;
  const r = lookupRoute(ns.routes, st.pkt.dst);
  if (!r) {
    hop(st, { node, netns: ns.name, device: 'eth0', kind: 'drop', text: `no route to ${st.pkt.dst} in ${ns.name}` });
    finish(st, { outcome: 'dropped', reason: `${ns.name} has no route to ${st.pkt.dst}` });
    return;
  }
  hop(st, { node, netns: ns.name, device: r.dev ?? 'eth0', kind: 'route', text: r.text });
  const host = hostNs(entry);
  const veth = host.interfaces.find((i) => i.peer === `${ns.name}:eth0`);
  const vethName = veth?.name ?? 'veth?';
  hop(st, { node, netns: 'host', device: vethName, kind: 'veth', text: `${ns.name} eth0 -> ${vethName} (veth pair into the host namespace)` });
  let inIface = vethName;
  if (veth?.master) {
    const bridge = host.interfaces.find((i) => i.name === veth.master);
    const gw = bridge?.addresses[0]?.split('/')[0];
    inIface = veth.master;
    const onLink = r.via === undefined;
    hop(st, {
      node, netns: 'host', device: veth.master, kind: 'bridge',
      text: onLink
        ? `${vethName} is a port of ${veth.master}: the frame for ${st.pkt.dst} is bridged, and br_netfilter hands it to iptables`
        : `${vethName} is a port of ${veth.master}: the frame is for the gateway ${gw}, so it goes up to the host's IP stack`,
    });
  }
  atHost(st, entry, inIface);
}

/** A packet the node itself sends (or a hostNetwork pod): routing, nat OUTPUT, filter OUTPUT, POSTROUTING. */
export function sendFromHost(st: TraceState, entry: NodeNetworkEntry): void {
  const node = entry.name;
  const host = hostNs(entry);
  if (st.direction === 'request') {
    const dstLocal = !!localInterface(host, st.pkt.dst);
    const first = lookupRoute(host.routes, st.pkt.dst);
    const res = runHook(st, node, 'nat', 'OUTPUT', nfPacket(st, { srcLocal: true, dstLocal, outIface: first?.dev }), first?.dev ?? 'lo');
    if (st.end) return;
    if (res?.verdict === 'DNAT' && res.toDestination) applyDnat(st, node, parseHostPort(res.toDestination), first?.dev ?? 'lo', `DNAT to ${res.toDestination}`);
    else if (ipvsService(st, entry)) return ipvsForward(st, entry, 'lo', true);
  }
  const local = localInterface(host, st.pkt.dst);
  if (local) {
    hop(st, { node, netns: 'host', device: 'lo', kind: 'route', text: localRouteText(st.pkt.dst, local.name), note: 'a local address: the packet loops back into this node' });
    if (st.direction === 'reply') undoDnat(st, node, 'lo');
    atHostLocal(st, entry);
    return;
  }
  const r = routeOrDrop(st, node, host.routes);
  if (!r) return;
  if (st.direction === 'request') {
    runHook(st, node, 'filter', 'OUTPUT', nfPacket(st, { srcLocal: true, outIface: r.dev }), r.dev ?? '');
    if (st.end) return;
  }
  egress(st, entry, r, true);
}

/** Local delivery of a node-originated packet (to itself). */
function atHostLocal(st: TraceState, entry: NodeNetworkEntry): void {
  const who = st.direction === 'reply' ? 'reply delivered to' : 'delivered to';
  hop(st, { node: entry.name, netns: 'host', device: 'lo', kind: 'deliver', text: `${who} node ${entry.name} ${st.pkt.dst}:${st.pkt.dport}/${st.pkt.proto}` });
  finish(st, { outcome: 'delivered', reason: `delivered to node ${entry.name}`, at: `node/${entry.name}`, location: { kind: 'host', node: entry.name } });
}

/** Which node an outside client's packet reaches: the node owning the IP, or (load-balancer / external IPs) the announcing node. */
function entryNodeFor(st: TraceState, ip: string): { entry: NodeNetworkEntry; note?: string } | undefined {
  const owner = nodeByIp(st, ip);
  if (owner) return { entry: owner };
  const svc = st.net.objects.services.find((s) =>
    (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip && tryParseIp(i.ip) && ipEquals(i.ip, ip)) ||
    (s.spec?.externalIPs ?? []).some((e) => tryParseIp(e) && ipEquals(e, ip)));
  const first = [...st.net.nodes].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
  if (svc && first) {
    return { entry: first, note: `${ip} belongs to Service ${svc.metadata?.namespace}/${svc.metadata?.name}; the network delivers it to ${first.name} (a load balancer or L2 announcer picks a node; here the first one).` };
  }
  return undefined;
}

export function sendFromExternal(st: TraceState): void {
  const target = entryNodeFor(st, st.pkt.dst);
  if (!target) {
    hop(st, { node: '', netns: 'external', device: '', kind: 'drop', text: `${st.pkt.dst} is not reachable from outside the cluster`, note: 'pod and ClusterIP addresses are not routed on the nodes\' network; outside clients reach node IPs (NodePort, hostPort) and load-balancer IPs' });
    finish(st, { outcome: 'dropped', reason: `${st.pkt.dst} is not reachable from outside the cluster` });
    return;
  }
  if (target.note) st.notes.push(target.note);
  hop(st, { node: '', netns: 'external', device: '', kind: 'route', text: `${st.pkt.src} -> ${st.pkt.dst}: the client's network delivers it to ${target.entry.name} eth0` });
  atHost(st, target.entry, 'eth0');
}

/** Starts the reply where the request was delivered: addresses and ports swapped, conntrack kept. */
export function sendReply(st: TraceState): void {
  const at = st.end?.location;
  if (!at || (at.kind === 'external' && !at.node)) return;
  const entry = nodeEntry(st, at.node!);
  if (!entry) return;
  st.direction = 'reply';
  st.end = undefined;
  st.mark = 0;
  st.pkt = { src: st.pkt.dst, dst: st.pkt.src, sport: st.pkt.dport, dport: st.pkt.sport, proto: st.pkt.proto };
  if (at.kind === 'external') {
    // The outside host answers the address it saw; the network brings that back to the node.
    hop(st, { node: '', netns: 'external', device: '', kind: 'route', text: `${st.pkt.src} answers ${st.pkt.dst}: the reply comes back to ${entry.name} eth0` });
    return atHost(st, entry, 'eth0');
  }
  if (at.kind === 'host') return sendFromHost(st, entry);
  const ns = entry.network.netns.find((n) => n.name === at.netns);
  if (ns) sendFromPod(st, entry, ns);
}
