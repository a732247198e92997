// Parsing the two ends of a trace: the source ("ns/pod", "node/NAME", an outside IP) and the
// destination ("IP", "IP:port", "[v6]:port", a DNS name, an http(s) URL).
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetNamespace } from '../cni';
import type { ClusterNetwork, NodeNetworkEntry } from '../clusterNetwork';
import { formatIp, ipEquals, tryParseIp } from '../ip';

export type Source =
  | { kind: 'pod'; key: string; entry: NodeNetworkEntry; ns: NetNamespace; ip: string }
  | { kind: 'node'; key: string; entry: NodeNetworkEntry }
  | { kind: 'external'; key: string; ip: string };

export type Destination =
  | { kind: 'address'; ip: string; port?: number }
  | { kind: 'name'; name: string; port?: number }
  | { kind: 'url'; url: string; scheme: 'http' | 'https' };

const podKey = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

function podSource(net: ClusterNetwork, pod: Pod): Source | { error: string } {
  const key = podKey(pod);
  const entry = net.nodes.find((n) => n.name === pod.spec?.nodeName);
  if (!entry) return { error: `pod ${key} is not running on a node with a network (node ${pod.spec?.nodeName ?? '<none>'})` };
  if (pod.spec?.hostNetwork) return { kind: 'node', key, entry };
  const ns = entry.network.netns.find((n) => n.name === key);
  if (!ns || !pod.status?.podIP) return { error: `pod ${key} has no IP yet (its sandbox network is not set up)` };
  return { kind: 'pod', key, entry, ns, ip: formatIp(pod.status.podIP) };
}

export function parseSource(net: ClusterNetwork, from: string): Source | { error: string } {
  if (from.startsWith('node/')) {
    const name = from.slice(5);
    const entry = net.nodes.find((n) => n.name === name);
    return entry ? { kind: 'node', key: from, entry } : { error: `node ${name} not found (or it has no network yet)` };
  }
  const ip = tryParseIp(from);
  if (ip) {
    const text = formatIp(ip);
    const pod = net.objects.pods.find((p) => !p.spec?.hostNetwork && p.status?.podIP && tryParseIp(p.status.podIP) && ipEquals(p.status.podIP, text) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (pod) return podSource(net, pod);
    const node = net.nodes.find((n) => n.info.internalIp === text);
    if (node) return { kind: 'node', key: `node/${node.name}`, entry: node };
    return { kind: 'external', key: text, ip: text };
  }
  const key = from.includes('/') ? from : `default/${from}`;
  const pod = net.objects.pods.find((p) => podKey(p) === key);
  if (!pod) return { error: `pod ${key} not found` };
  return podSource(net, pod);
}

export function parseDestination(to: string, port?: number): Destination | { error: string } {
  const url = /^(https?):\/\//i.exec(to);
  if (url) return { kind: 'url', url: to, scheme: url[1].toLowerCase() as 'http' | 'https' };
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(to);
  if (v6 && tryParseIp(v6[1])) return { kind: 'address', ip: formatIp(v6[1]), port: Number(v6[2]) };
  if (tryParseIp(to)) return { kind: 'address', ip: formatIp(to), port };
  const hostPort = /^([^:]+):(\d+)$/.exec(to);
  if (hostPort) {
    if (tryParseIp(hostPort[1])) return { kind: 'address', ip: formatIp(hostPort[1]), port: Number(hostPort[2]) };
    return { kind: 'name', name: hostPort[1], port: Number(hostPort[2]) };
  }
  if (/^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9.])?$/.test(to)) return { kind: 'name', name: to, port };
  return { error: `cannot read destination "${to}": expected an IP, IP:port, a DNS name or an http(s) URL` };
}

/** A sensible port when none was given: the Service's first port for a ClusterIP, else 80. */
export function defaultPort(net: ClusterNetwork, ip: string): { port: number; note?: string } {
  const svc = net.objects.services.find((s) => (s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])).some((c) => tryParseIp(c) && ipEquals(c, ip)));
  const first = svc?.spec?.ports?.[0];
  if (first) return { port: first.port, note: `no port given: using ${svc!.metadata?.name}'s first port ${first.port}` };
  return { port: 80, note: 'no port given: using 80' };
}
