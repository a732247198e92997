// A node's root network namespace as the packet meets it: PREROUTING (kube-proxy's DNAT), the
// routing decision, INPUT or FORWARD filtering, POSTROUTING (masquerade), then out of a device:
// into a local pod through cni0 / a cali* veth, to another node through flannel.1 (VXLAN),
// tunl0 (IP-in-IP) or eth0 (host-gw), or out of the cluster. Replies take the same stages with
// conntrack instead of the nat table (netfilter only consults nat for a connection's first packet).
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeNetworkEntry } from '../clusterNetwork';
import type { RouteEntry } from '../cni';
import type { VirtualServer } from '../kubeproxy';
import { applyDnat, applyMasquerade, nfPacket, parseHostPort, runHook, undoDnat, undoSnat } from './nat';
import { egressPolicy, ingressPolicy } from './policy';
import { localInterface, localRouteText, lookupRoute } from './routing';
import { finish, hop, hostNs, nodeByIp, type TraceState } from './state';

const MAX_NODE_VISITS = 8;

/** The packet arrives in the node's root namespace on `inIface`. */
export function atHost(st: TraceState, entry: NodeNetworkEntry, inIface: string): void {
  if (st.end) return;
  const node = entry.name;
  const visits = st.hops.filter((h) => h.node === node && h.kind === 'route').length;
  if (visits > MAX_NODE_VISITS) {
    finish(st, { outcome: 'dropped', reason: `routing loop through ${node}` });
    return;
  }
  const host = hostNs(entry);
  if (st.direction === 'reply') {
    undoSnat(st, node, inIface);
  } else {
    const dstLocal = !!localInterface(host, st.pkt.dst);
    const res = runHook(st, node, 'nat', 'PREROUTING', nfPacket(st, { inIface, dstLocal }), inIface);
    if (st.end) return;
    if (res?.verdict === 'DNAT' && res.toDestination) applyDnat(st, node, parseHostPort(res.toDestination), inIface, `DNAT to ${res.toDestination}`);
    else if (ipvsService(st, entry)) return ipvsForward(st, entry, inIface, false);
    else if (dstLocal) hostPortDnat(st, entry, inIface);
  }
  routeAndForward(st, entry, inIface);
}

/** IPVS mode: the virtual server for the packet's destination, if kube-proxy created one on this node. */
export function ipvsService(st: TraceState, entry: NodeNetworkEntry): VirtualServer | undefined {
  return entry.ipvs[st.family]?.virtualServers.find((v) => v.address === st.pkt.dst && v.port === st.pkt.dport && v.protocol === st.pkt.proto);
}

/**
 * IPVS mode (pkg/proxy/ipvs): service addresses are bound to the kube-ipvs0 dummy interface, so
 * the packet is local; IPVS takes it in the INPUT hook, picks a real server with the scheduler
 * and sends it on with the destination rewritten (masquerade forwarding) through POSTROUTING.
 */
export function ipvsForward(st: TraceState, entry: NodeNetworkEntry, inIface: string, locallyGenerated: boolean): void {
  const node = entry.name;
  const vs = ipvsService(st, entry)!;
  const dev = vs.kind === 'nodePort' ? (localInterface(hostNs(entry), st.pkt.dst)?.name ?? 'eth0') : 'kube-ipvs0';
  hop(st, { node, netns: 'host', device: dev, kind: 'route', text: localRouteText(st.pkt.dst, dev), note: vs.kind === 'nodePort' ? `a NodePort virtual server on the node address: IPVS takes the packet in INPUT` : `kube-proxy binds ${st.pkt.dst} to ${dev}: the packet is local and IPVS takes it in INPUT` });
  runHook(st, node, 'filter', locallyGenerated ? 'OUTPUT' : 'INPUT', nfPacket(st, { inIface, dstLocal: true, srcLocal: locallyGenerated }), dev);
  if (st.end) return;
  const head = `${vs.protocol}  ${vs.address.includes(':') ? `[${vs.address}]` : vs.address}:${vs.port} ${vs.scheduler}${vs.persistentTimeout !== undefined ? ` persistent ${vs.persistentTimeout}` : ''}`;
  if (vs.realServers.length === 0) {
    hop(st, { node, netns: 'host', device: dev, kind: 'drop', text: head, note: 'the virtual server has no real servers (no ready endpoints): IPVS drops the packet' });
    finish(st, { outcome: 'dropped', reason: `IPVS virtual server ${vs.address}:${vs.port} on ${node} has no real servers` });
    return;
  }
  // Which server rr gives the next connection depends on the connections before; a fresh draw here.
  const rs = vs.realServers[st.rng.intn(vs.realServers.length)];
  hop(st, {
    node, netns: 'host', device: dev, kind: 'ipvs', text: `${head} -> ${rs.endpoint} ${rs.forward} weight ${rs.weight}`,
    note: `ipvsadm -ln: virtual server ${vs.address}:${vs.port} (${vs.service.nameString}) with ${vs.realServers.length} real server(s); ${vs.scheduler} picked ${rs.endpoint}`,
  });
  st.ipvs = { vaddr: vs.address, vport: vs.port };
  applyDnat(st, node, { ip: rs.address, port: rs.port }, dev, `IPVS forwards to ${rs.endpoint}`);
  const host = hostNs(entry);
  if (localInterface(host, st.pkt.dst)) {
    hop(st, { node, netns: 'host', device: 'lo', kind: 'route', text: localRouteText(st.pkt.dst, localInterface(host, st.pkt.dst)!.name) });
    deliverToHost(st, entry);
    return;
  }
  const r = routeOrDrop(st, node, host.routes);
  if (r) egress(st, entry, r, locallyGenerated);
}

/** hostPort: the portmap CNI plugin's DNAT from node:hostPort to the pod. */
function hostPortDnat(st: TraceState, entry: NodeNetworkEntry, inIface: string): void {
  for (const pod of podsOn(st, entry.name)) {
    if (pod.spec?.hostNetwork || !pod.status?.podIP) continue;
    for (const c of pod.spec?.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort !== st.pkt.dport || (p.protocol ?? 'TCP') !== st.pkt.proto) continue;
        const proto = st.pkt.proto.toLowerCase();
        const to = { ip: pod.status.podIP, port: p.containerPort };
        const line = `-A CNI-HOSTPORT-DNAT -p ${proto} -m ${proto} --dport ${p.hostPort} -j DNAT --to-destination ${to.ip}:${to.port}`;
        hop(st, {
          node: entry.name, netns: 'host', device: inIface, kind: 'iptables', text: line,
          rule: { table: 'nat', chain: 'CNI-HOSTPORT-DNAT', line },
          note: `hostPort ${p.hostPort} of ${pod.metadata?.namespace}/${pod.metadata?.name} (portmap plugin; its per-container CNI-DN-<hash> chain is shown as one rule)`,
        });
        applyDnat(st, entry.name, to, inIface, `hostPort DNAT to ${to.ip}:${to.port}`);
        return;
      }
    }
  }
}

/**
 * The host's routing decision for the packet, as a hop; a missing or blackhole route ends the
 * trace as dropped (the kernel answers "network unreachable" or silently discards).
 */
export function routeOrDrop(st: TraceState, node: string, routes: RouteEntry[]): RouteEntry | undefined {
  const r = lookupRoute(routes, st.pkt.dst);
  if (!r || r.type === 'blackhole') {
    if (r) hop(st, { node, netns: 'host', device: '', kind: 'route', text: r.text });
    hop(st, { node, netns: 'host', device: '', kind: 'drop', text: r ? r.text : `no route to ${st.pkt.dst}`, note: r ? 'blackhole route: the kernel discards it' : 'the kernel answers ICMP network unreachable' });
    finish(st, { outcome: 'dropped', reason: `${node} has ${r ? 'a blackhole route' : 'no route'} for ${st.pkt.dst}` });
    return undefined;
  }
  hop(st, { node, netns: 'host', device: r.dev ?? '', kind: 'route', text: r.text });
  return r;
}

export function podsOn(st: TraceState, node: string): Pod[] {
  return st.net.objects.pods.filter((p) => p.spec?.nodeName === node && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

function routeAndForward(st: TraceState, entry: NodeNetworkEntry, inIface: string): void {
  if (st.end) return;
  const node = entry.name;
  const host = hostNs(entry);
  const local = localInterface(host, st.pkt.dst);
  if (local) {
    hop(st, { node, netns: 'host', device: local.name, kind: 'route', text: localRouteText(st.pkt.dst, local.name), note: 'a local address: the packet is for this node (INPUT)' });
    if (st.direction === 'request') runHook(st, node, 'filter', 'INPUT', nfPacket(st, { inIface, dstLocal: true }), inIface);
    else undoDnat(st, node, local.name);
    deliverToHost(st, entry);
    return;
  }
  const r = routeOrDrop(st, node, host.routes);
  if (!r) return;
  runHook(st, node, 'filter', 'FORWARD', nfPacket(st, { inIface, outIface: r.dev }), r.dev ?? '');
  if (st.end) return;
  if (inIface.startsWith('cali') && !egressPolicy(st, node, inIface)) return;
  egress(st, entry, r, false);
}

/** POSTROUTING and out of the route's device. */
export function egress(st: TraceState, entry: NodeNetworkEntry, r: RouteEntry, locallyGenerated: boolean): void {
  if (st.end) return;
  const node = entry.name;
  const host = hostNs(entry);
  const outDev = r.dev ?? 'eth0';
  if (st.direction === 'request') {
    const res = runHook(st, node, 'nat', 'POSTROUTING', nfPacket(st, { outIface: outDev, srcLocal: locallyGenerated }), outDev);
    if (st.end) return;
    if (res?.verdict === 'MASQUERADE') {
      const randomFully = res.decidedBy?.parsed.targetOptions.some((o) => o.name === 'random-fully') ?? false;
      applyMasquerade(st, node, host, outDev, randomFully);
    }
  } else {
    undoDnat(st, node, outDev);
  }
  st.mark = 0; // the skb mark never leaves the node
  if (outDev === 'cni0' || outDev.startsWith('cali')) deliverLocalPod(st, entry, outDev);
  else if (outDev.startsWith('flannel.')) vxlan(st, entry, r);
  else if (outDev === 'tunl0') ipip(st, entry, r);
  else outOfEth0(st, entry, r);
}

function deliverLocalPod(st: TraceState, entry: NodeNetworkEntry, outDev: string): void {
  const node = entry.name;
  const host = hostNs(entry);
  const target = entry.network.netns.find((ns) => ns.name !== 'host' && ns.interfaces.some((i) => i.name === 'eth0' && i.addresses.some((a) => a.split('/')[0] === st.pkt.dst)));
  if (!target) {
    hop(st, { node, netns: 'host', device: outDev, kind: 'drop', text: `no pod on ${node} has ${st.pkt.dst}`, note: `ARP for ${st.pkt.dst} on ${outDev} gets no answer; the packet is dropped` });
    finish(st, { outcome: 'dropped', reason: `no pod on ${node} has ${st.pkt.dst}` });
    return;
  }
  const veth = host.interfaces.find((i) => i.peer === `${target.name}:eth0`);
  const vethName = veth?.name ?? outDev;
  if (!ingressPolicy(st, node, vethName, target.name)) return;
  if (outDev === 'cni0') {
    const fdb = host.fdb.find((f) => f.dev === vethName);
    hop(st, { node, netns: 'host', device: 'cni0', kind: 'bridge', text: `cni0 forwards the frame to its port ${vethName}${fdb ? ` (${fdb.text})` : ''}` });
  }
  hop(st, { node, netns: target.name, device: 'eth0', kind: 'veth', text: `${vethName} -> ${target.name} eth0 (veth pair)` });
  hop(st, {
    node, netns: target.name, device: 'eth0', kind: 'deliver',
    text: `${st.direction === 'reply' ? 'reply delivered to' : 'delivered to'} ${target.name} ${st.pkt.dst}:${st.pkt.dport}/${st.pkt.proto}`,
  });
  finish(st, { outcome: 'delivered', reason: `delivered to ${target.name} (${st.pkt.dst}:${st.pkt.dport})`, at: target.name, location: { kind: 'pod', node, netns: target.name } });
}

function deliverToHost(st: TraceState, entry: NodeNetworkEntry): void {
  const node = entry.name;
  const listener = podsOn(st, node).find((p) => p.spec?.hostNetwork && listensOn(p, st.pkt.dport, st.pkt.proto));
  // An endpoint published for this address and port (e.g. default/kubernetes -> the API server) is
  // served by a process on the node even when no pod object shows it.
  const claim = listener ? undefined : st.net.objects.endpointSlices.find((s) =>
    (s.endpoints ?? []).some((e) => (e.addresses ?? []).includes(st.pkt.dst)) && (s.ports ?? []).some((p) => p.port === st.pkt.dport && (p.protocol ?? 'TCP') === st.pkt.proto));
  if (st.direction === 'reply' || listener || claim) {
    const who = listener ? `${listener.metadata?.namespace}/${listener.metadata?.name} (hostNetwork) on ${node}`
      : claim ? `the ${claim.metadata?.namespace}/${claim.metadata?.labels?.['kubernetes.io/service-name'] ?? claim.metadata?.name} endpoint on node ${node}` : `node ${node}`;
    hop(st, { node, netns: 'host', device: 'eth0', kind: 'deliver', text: `${st.direction === 'reply' ? 'reply delivered to' : 'delivered to'} ${who} ${st.pkt.dst}:${st.pkt.dport}/${st.pkt.proto}` });
    finish(st, { outcome: 'delivered', reason: `delivered to ${who}`, at: listener ? `${listener.metadata?.namespace}/${listener.metadata?.name}` : `node/${node}`, location: { kind: 'host', node } });
    return;
  }
  const answer = st.pkt.proto === 'TCP' ? 'a TCP RST (connection refused)' : 'ICMP port unreachable';
  hop(st, { node, netns: 'host', device: 'eth0', kind: 'drop', text: `nothing listens on ${node} ${st.pkt.proto}/${st.pkt.dport}`, note: `no hostNetwork pod declares this port and no Service captured it; the kernel answers ${answer}` });
  finish(st, { outcome: 'rejected', reason: `nothing listens on ${node} ${st.pkt.proto}/${st.pkt.dport}: the kernel answers ${answer}` });
}

/**
 * Whether a hostNetwork pod answers on a port of the node: a declared containerPort, or a port
 * its probes use (kubeadm's static pods declare no ports but probe the ones they serve).
 */
function listensOn(pod: Pod, port: number, proto: string): boolean {
  return (pod.spec?.containers ?? []).some((c) =>
    (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === proto) ||
    (proto === 'TCP' && [c.livenessProbe, c.readinessProbe, c.startupProbe].some((pr) => pr && (pr.httpGet?.port === port || pr.tcpSocket?.port === port))));
}

/** A stable pseudo-random outer source port, as the kernel derives it from the inner flow hash. */
function flowPort(st: TraceState): number {
  let h = 0x811c9dc5;
  for (const ch of `${st.pkt.src}:${st.pkt.sport}>${st.pkt.dst}:${st.pkt.dport}/${st.pkt.proto}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return 32768 + (h % (60999 - 32768 + 1));
}

function vxlan(st: TraceState, entry: NodeNetworkEntry, r: RouteEntry): void {
  const node = entry.name;
  const host = hostNs(entry);
  const dev = r.dev!;
  const iface = host.interfaces.find((i) => i.name === dev);
  const neigh = host.neighbours.find((n) => n.ip === r.via && n.dev === dev);
  const fdb = neigh && host.fdb.find((f) => f.mac === neigh.lladdr && f.dev === dev);
  const remote = fdb?.dst ? nodeByIp(st, fdb.dst) : undefined;
  if (!iface?.vxlan || !neigh || !fdb || !remote) {
    hop(st, { node, netns: 'host', device: dev, kind: 'drop', text: `${dev} has no neighbour/FDB entry for ${r.via}` });
    finish(st, { outcome: 'dropped', reason: `${node} cannot encapsulate for ${r.via}` });
    return;
  }
  const { id, local, dstport } = iface.vxlan;
  const sport = flowPort(st);
  const outer = { src: local, dst: fdb.dst!, proto: 'UDP' as const, sport, dport: dstport, vni: id };
  const outerRoute = lookupRoute(host.routes, fdb.dst!);
  hop(st, {
    node, netns: 'host', device: dev, kind: 'vxlan', outer,
    text: `VXLAN encapsulation: VNI ${id}, outer ${local}:${sport} -> ${fdb.dst}:${dstport}/UDP`,
    note: `neighbour "${neigh.text}", FDB "${fdb.text}"; the outer packet leaves by "${outerRoute?.text ?? 'eth0'}"`,
  });
  hop(st, { node: remote.name, netns: 'host', device: dev, kind: 'vxlan', outer, text: `${remote.name} eth0 receives UDP ${dstport} from ${local}: ${dev} (VNI ${id}) decapsulates the inner packet` });
  atHost(st, remote, dev);
}

function ipip(st: TraceState, entry: NodeNetworkEntry, r: RouteEntry): void {
  const node = entry.name;
  const remote = r.via ? nodeByIp(st, r.via) : undefined;
  const local = entry.info.internalIp;
  if (!remote) {
    hop(st, { node, netns: 'host', device: 'tunl0', kind: 'drop', text: `no node has ${r.via}` });
    finish(st, { outcome: 'dropped', reason: `${node} cannot reach tunnel endpoint ${r.via}` });
    return;
  }
  const outer = { src: local, dst: r.via!, proto: 'IPIP' as const };
  hop(st, { node, netns: 'host', device: 'tunl0', kind: 'ipip', outer, text: `IP-in-IP encapsulation: outer ${local} -> ${r.via} (IP protocol 4)` });
  hop(st, { node: remote.name, netns: 'host', device: 'tunl0', kind: 'ipip', outer, text: `${remote.name} eth0 receives IP protocol 4 from ${local}: tunl0 decapsulates the inner packet` });
  atHost(st, remote, 'tunl0');
}

function outOfEth0(st: TraceState, entry: NodeNetworkEntry, r: RouteEntry): void {
  const nextHop = r.via ?? st.pkt.dst;
  const remote = nodeByIp(st, nextHop);
  if (remote && remote.name !== entry.name) {
    atHost(st, remote, 'eth0');
    return;
  }
  hop(st, { node: '', netns: 'external', device: '', kind: 'deliver', text: `leaves ${entry.name} by ${r.dev ?? 'eth0'} (next hop ${nextHop}) for ${st.pkt.dst}, outside the cluster` });
  finish(st, { outcome: 'delivered', reason: `left the cluster from ${entry.name} towards ${st.pkt.dst}`, at: 'external', location: { kind: 'external', ip: st.pkt.dst, node: entry.name } });
}
