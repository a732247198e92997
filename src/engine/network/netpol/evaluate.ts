// NetworkPolicy verdicts with the rule that decided, following the API semantics in
// kubernetes/kubernetes staging/src/k8s.io/api/networking/v1/types.go and the reference
// behaviour in test/e2e/network/netpol (truth tables):
// - a pod is isolated in a direction only if some policy in its namespace selects it and lists
//   that direction in policyTypes (default: Ingress, plus Egress when spec.egress is non-empty);
// - allowed traffic is the union of all rules of all selecting policies; order never matters;
// - within one peer podSelector and namespaceSelector AND; peers of one rule OR; an empty or
//   absent from/to matches every peer; an empty or absent ports list matches every port;
// - a connection is allowed only if the source's egress AND the destination's ingress allow it.
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { cidrContains, formatIp, isCidr, tryParseIp } from '../ip';
import { selectorMatches } from './selector';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type PodRef = string | { namespace: string; name: string };

/** One end of a connection: a pod ("ns/name") or a bare IP (outside the cluster, or a node). */
export interface TrafficEnd {
  pod?: PodRef;
  ip?: string;
}

export interface EvaluateInput {
  src: TrafficEnd;
  dst: TrafficEnd;
  port: number;
  protocol?: Protocol;
  policies: NetworkPolicy[];
  pods: Pod[];
  namespaces: Namespace[];
}

/** Which rule let the traffic through: indexes into spec.ingress/egress, from/to, and ports. */
export interface RuleMatch {
  policy: string;
  rule: number;
  /** Index in from/to; null when the rule has no peers (matches all). */
  peer: number | null;
  /** Index in ports; null when the rule has no ports (matches all). */
  port: number | null;
}

export interface Decision {
  direction: 'Ingress' | 'Egress';
  /** The end this direction is about (dst for Ingress, src for Egress), "ns/name" or an IP. */
  subject: string;
  /** True when some policy selects the subject pod for this direction. */
  isolated: boolean;
  allowed: boolean;
  /** Policies ("ns/name") that select the subject for this direction, sorted. */
  selectingPolicies: string[];
  allowedBy: RuleMatch | null;
  reason: string;
}

export interface NetpolVerdict {
  allowed: boolean;
  ingress: Decision;
  egress: Decision;
  notes: string[];
}

interface ResolvedEnd {
  label: string;
  pod: Pod | null;
  ips: string[];
}

const keyOfPod = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;
const keyOfPolicy = (p: NetworkPolicy) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

export function podIps(pod: Pod): string[] {
  const list = (pod.status?.podIPs ?? []).map((x) => x.ip).filter((x): x is string => !!x);
  if (list.length === 0 && pod.status?.podIP) list.push(pod.status.podIP);
  return list.map((ip) => formatIp(ip));
}

function refKey(ref: PodRef): string {
  return typeof ref === 'string' ? (ref.includes('/') ? ref : `default/${ref}`) : `${ref.namespace}/${ref.name}`;
}

function resolveEnd(end: TrafficEnd, pods: Pod[], notes: string[]): ResolvedEnd {
  if (end.pod !== undefined) {
    const key = refKey(end.pod);
    const pod = pods.find((p) => keyOfPod(p) === key);
    if (!pod) throw new Error(`pod ${key} not found`);
    if (pod.spec?.hostNetwork) {
      notes.push(`${key} uses the host network: NetworkPolicy does not select it; it is seen by its node IP.`);
      return { label: key, pod: null, ips: podIps(pod) };
    }
    return { label: key, pod, ips: podIps(pod) };
  }
  if (end.ip === undefined || !tryParseIp(end.ip)) throw new Error('a traffic end needs a pod or a valid ip');
  const ip = formatIp(end.ip);
  const owner = pods.find((p) => !p.spec?.hostNetwork && podIps(p).includes(ip));
  return owner ? { label: keyOfPod(owner), pod: owner, ips: [ip] } : { label: ip, pod: null, ips: [ip] };
}

/** Namespace labels, with kubernetes.io/metadata.name that the API server always sets. */
function namespaceLabels(name: string, namespaces: Namespace[]): Record<string, string> {
  const ns = namespaces.find((n) => n.metadata?.name === name);
  return { ...(ns?.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

/** spec.policyTypes, or its default (networking/v1 types.go). */
export function effectivePolicyTypes(spec: NetworkPolicySpec | undefined): ('Ingress' | 'Egress')[] {
  if (spec?.policyTypes && spec.policyTypes.length > 0) return spec.policyTypes as ('Ingress' | 'Egress')[];
  return (spec?.egress?.length ?? 0) > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerMatches(peer: NetworkPolicyPeer, policyNs: string, other: ResolvedEnd, namespaces: Namespace[]): boolean {
  if (peer.ipBlock) {
    if (!isCidr(peer.ipBlock.cidr)) return false;
    const inside = (ip: string) =>
      cidrContains(peer.ipBlock!.cidr, ip) && !(peer.ipBlock!.except ?? []).some((ex) => isCidr(ex) && cidrContains(ex, ip));
    return other.ips.some(inside);
  }
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  if (!other.pod) return false;
  const podNs = other.pod.metadata?.namespace ?? 'default';
  const nsOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(podNs, namespaces))
    : podNs === policyNs;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, other.pod.metadata?.labels) : true;
  return nsOk && podOk;
}

function portMatches(rulePort: NetworkPolicyPort, port: number, protocol: Protocol, dstPod: Pod | null): boolean {
  if ((rulePort.protocol ?? 'TCP') !== protocol) return false;
  const p = rulePort.port;
  if (p === undefined || p === null) return true;
  if (typeof p === 'number') {
    return rulePort.endPort !== undefined ? port >= p && port <= rulePort.endPort : port === p;
  }
  if (/^\d+$/.test(p)) return port === Number(p);
  // A named port is resolved on the destination pod's container ports (name and protocol).
  if (!dstPod) return false;
  for (const c of [...(dstPod.spec?.containers ?? []), ...(dstPod.spec?.initContainers ?? [])]) {
    for (const cp of c.ports ?? []) {
      if (cp.name === p && (cp.protocol ?? 'TCP') === protocol && cp.containerPort === port) return true;
    }
  }
  return false;
}

function decide(
  direction: 'Ingress' | 'Egress',
  subject: ResolvedEnd,
  other: ResolvedEnd,
  dst: ResolvedEnd,
  port: number,
  protocol: Protocol,
  policies: NetworkPolicy[],
  namespaces: Namespace[],
): Decision {
  const base = { direction, subject: subject.label };
  if (!subject.pod) {
    return {
      ...base, isolated: false, allowed: true, selectingPolicies: [], allowedBy: null,
      reason: `${subject.label} is not a pod network endpoint: no ${direction.toLowerCase()} policy applies`,
    };
  }
  const ns = subject.pod.metadata?.namespace ?? 'default';
  const selecting = policies
    .filter((p) => (p.metadata?.namespace ?? 'default') === ns)
    .filter((p) => effectivePolicyTypes(p.spec).includes(direction))
    .filter((p) => selectorMatches(p.spec?.podSelector ?? {}, subject.pod!.metadata?.labels))
    .sort((a, b) => (keyOfPolicy(a) < keyOfPolicy(b) ? -1 : 1));
  const names = selecting.map(keyOfPolicy);
  if (selecting.length === 0) {
    return {
      ...base, isolated: false, allowed: true, selectingPolicies: [], allowedBy: null,
      reason: `no NetworkPolicy selects ${subject.label} for ${direction}: not isolated, all traffic allowed`,
    };
  }
  for (const pol of selecting) {
    const rules = (direction === 'Ingress' ? pol.spec?.ingress : pol.spec?.egress) ?? [];
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r] as { from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] };
      const peers = (direction === 'Ingress' ? rule.from : rule.to) ?? [];
      let peer: number | null = null;
      if (peers.length > 0) {
        const i = peers.findIndex((p) => peerMatches(p, ns, other, namespaces));
        if (i < 0) continue;
        peer = i;
      }
      let portIdx: number | null = null;
      const ports = rule.ports ?? [];
      if (ports.length > 0) {
        const i = ports.findIndex((p) => portMatches(p, port, protocol, dst.pod));
        if (i < 0) continue;
        portIdx = i;
      }
      const where = `${direction.toLowerCase()} rule ${r}${peer === null ? ' (all peers)' : ` peer ${peer}`}${portIdx === null ? ' (all ports)' : ` port ${portIdx}`}`;
      return {
        ...base, isolated: true, allowed: true, selectingPolicies: names,
        allowedBy: { policy: keyOfPolicy(pol), rule: r, peer, port: portIdx },
        reason: `${subject.label} is isolated for ${direction}; allowed by ${keyOfPolicy(pol)} ${where}`,
      };
    }
  }
  return {
    ...base, isolated: true, allowed: false, selectingPolicies: names, allowedBy: null,
    reason: `${subject.label} is isolated for ${direction} by ${names.join(', ')}; no rule allows ${other.label} on ${protocol}/${port}`,
  };
}

/** Whether traffic from src to dst on protocol/port is allowed, and which rules decided. */
export function evaluateNetworkPolicy(input: EvaluateInput): NetpolVerdict {
  const notes: string[] = [];
  const protocol = input.protocol ?? 'TCP';
  const src = resolveEnd(input.src, input.pods, notes);
  const dst = resolveEnd(input.dst, input.pods, notes);
  if (src.pod && src.pod === dst.pod) {
    notes.push('A pod reaching its own IP is evaluated like any other peer; the API has no loopback exception and plugins differ.');
  }
  const egress = decide('Egress', src, dst, dst, input.port, protocol, input.policies, input.namespaces);
  const ingress = decide('Ingress', dst, src, dst, input.port, protocol, input.policies, input.namespaces);
  if ([...input.policies].some((p) => [...(p.spec?.ingress ?? []), ...(p.spec?.egress ?? [])].some((r: any) =>
    [...(r.from ?? []), ...(r.to ?? [])].some((peer: NetworkPolicyPeer) => peer.ipBlock)))) {
    notes.push('ipBlock is matched against pod IPs too; the API leaves this to the plugin (Calico does so).');
  }
  return { allowed: ingress.allowed && egress.allowed, ingress, egress, notes };
}
