// What the scheduler precomputes once per pod (pkg/scheduler/framework/types.go PodInfo,
// AffinityTerm, WeightedAffinityTerm, getNamespacesFromPodAffinityTerm).
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { matchesSelector } from '../api/selectors';
import { podResources, type Resource } from './resources';

export interface AffinityTerm {
  topologyKey: string;
  namespaces: Set<string>;
  /** null: no namespaceSelector (matches no namespace by labels); {} matches all. */
  namespaceSelector: LabelSelector | null;
  /** null: no labelSelector (matches no pod). */
  selector: LabelSelector | null;
  weight: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  pod: Pod;
  key: string;
  namespace: string;
  labels: Record<string, string>;
  requests: Resource;
  /** PodRequests as a list, exact and with the scoring defaults (cpu in milli-units). */
  requestList: Record<string, number>;
  nonZeroList: Record<string, number>;
  nonZeroCPU: number;
  nonZeroMem: number;
  priority: number;
  hostPorts: HostPort[];
  requiredAffinityTerms: AffinityTerm[];
  requiredAntiAffinityTerms: AffinityTerm[];
  preferredAffinityTerms: AffinityTerm[];
  preferredAntiAffinityTerms: AffinityTerm[];
  terminating: boolean;
  /** status.startTime as ms for victim ordering; unknown start sorts as now. */
  startTime: number | null;
}

export const podKey = (pod: Pod): string => `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;

function mergeLabelKeys(term: PodAffinityTerm, podLabels: Record<string, string>): LabelSelector | null {
  const sel = term.labelSelector ?? null;
  const match = (term as any).matchLabelKeys as string[] | undefined;
  const mismatch = (term as any).mismatchLabelKeys as string[] | undefined;
  if (!sel || (!match?.length && !mismatch?.length)) return sel;
  // matchLabelKeys / mismatchLabelKeys become In / NotIn requirements on the pod's own values
  // (the API server merges them on create since v1.33; merging again is harmless).
  const exprs = [...(sel.matchExpressions ?? [])];
  for (const k of match ?? []) if (k in podLabels) exprs.push({ key: k, operator: 'In', values: [podLabels[k]] });
  for (const k of mismatch ?? []) if (k in podLabels) exprs.push({ key: k, operator: 'NotIn', values: [podLabels[k]] });
  return { ...sel, matchExpressions: exprs };
}

function toTerm(term: PodAffinityTerm, pod: Pod, weight: number): AffinityTerm {
  const ns = pod.metadata?.namespace ?? 'default';
  const namespaces = new Set<string>();
  if ((term.namespaces ?? []).length === 0 && term.namespaceSelector == null) namespaces.add(ns);
  else for (const n of term.namespaces ?? []) namespaces.add(n);
  return {
    topologyKey: term.topologyKey,
    namespaces,
    namespaceSelector: term.namespaceSelector ?? null,
    selector: mergeLabelKeys(term, pod.metadata?.labels ?? {}),
    weight,
  };
}

const required = (terms: PodAffinityTerm[] | undefined, pod: Pod) => (terms ?? []).map((t) => toTerm(t, pod, 1));
const preferred = (terms: WeightedPodAffinityTerm[] | undefined, pod: Pod) =>
  (terms ?? []).map((t) => toTerm(t.podAffinityTerm, pod, t.weight));

/** AffinityTerm.Matches: namespace (by name or namespace labels) and label selector. */
export function termMatches(term: AffinityTerm, pod: PodInfo, nsLabels: Record<string, string> | undefined): boolean {
  if (!term.namespaces.has(pod.namespace)) {
    if (term.namespaceSelector == null || !matchesSelector(term.namespaceSelector, nsLabels ?? {})) return false;
  }
  return matchesSelector(term.selector, pod.labels);
}

export type PriorityResolver = (pod: Pod) => number;

export function newPodInfo(pod: Pod, priorityOf: PriorityResolver): PodInfo {
  const res = podResources(pod);
  const aff = pod.spec?.affinity;
  const hostPorts: HostPort[] = [];
  // Host ports of app containers and restartable init (sidecar) containers (schedutil.GetHostPorts).
  const portContainers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of portContainers) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      hostPorts.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  const start = pod.status?.startTime ?? pod.metadata?.creationTimestamp;
  return {
    pod,
    key: podKey(pod),
    namespace: pod.metadata?.namespace ?? 'default',
    labels: pod.metadata?.labels ?? {},
    requests: res.requests,
    requestList: res.requestList,
    nonZeroList: res.nonZeroList,
    nonZeroCPU: res.nonZeroCPU,
    nonZeroMem: res.nonZeroMem,
    priority: priorityOf(pod),
    hostPorts,
    requiredAffinityTerms: required(aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, pod),
    requiredAntiAffinityTerms: required(aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, pod),
    preferredAffinityTerms: preferred(aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pod),
    preferredAntiAffinityTerms: preferred(aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pod),
    terminating: pod.metadata?.deletionTimestamp != null,
    startTime: start ? parseTimestamp(start) : null,
  };
}

export const hasAffinity = (p: PodInfo): boolean =>
  p.requiredAffinityTerms.length + p.requiredAntiAffinityTerms.length + p.preferredAffinityTerms.length + p.preferredAntiAffinityTerms.length > 0;

/** RFC 3339 timestamp to ms since the epoch, without the (banned) Date global. */
export function parseTimestamp(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  // days_from_civil (H. Hinnant)
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  let ms = ((days * 24 + h) * 60 + mi) * 60000 + se * 1000 + (m[7] ? Math.floor(Number('0.' + m[7]) * 1000) : 0);
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    ms -= sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6))) * 60000;
  }
  return ms;
}
