// Pod and node resource arithmetic as the scheduler sees it:
// component-helpers/resource/helpers.go (PodRequests, AggregateContainerRequests) and
// pkg/scheduler/framework/types.go (Resource, calculateResource with the non-zero defaults).
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { milliValue, quantityValue } from '../api/quantity';

/** pkg/scheduler/util/pod_resources.go: DefaultMilliCPURequest and DefaultMemoryRequest. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** framework.Resource: cpu in milli-units, memory and ephemeral storage in bytes, scalars as integers. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  scalar: Record<string, number>;
}

export const emptyResource = (): Resource => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: {} });

type ResourceList = Record<string, number>;

/** Converts a ResourceList to numbers: cpu in milli-units, everything else by Value(). */
export function toResourceList(list: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = {};
  if (!list) return out;
  for (const [name, q] of Object.entries(list)) out[name] = name === 'cpu' ? milliValue(q) : quantityValue(q);
  return out;
}

export function resourceFromList(list: ResourceList): Resource {
  const r = emptyResource();
  for (const [name, v] of Object.entries(list)) {
    if (name === 'cpu') r.milliCPU = v;
    else if (name === 'memory') r.memory = v;
    else if (name === 'ephemeral-storage') r.ephemeralStorage = v;
    else if (name === 'pods') r.allowedPodNumber = v;
    else if (isScalarResourceName(name)) r.scalar[name] = v;
  }
  return r;
}

/**
 * pkg/scheduler/util IsScalarResourceName: extended resources (domain-prefixed, not
 * kubernetes.io/), hugepages-*, attachable-volumes-* and requests.* quota names.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  if (!name.includes('/')) return false;
  if (name.startsWith('requests.')) return false;
  const domain = name.slice(0, name.indexOf('/'));
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

function add(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function max(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of Object.entries(from)) if (!(k in into) || v > into[k]) into[k] = v;
}

function containerRequests(c: Container, nonMissing: ResourceList | null): ResourceList {
  const reqs = toResourceList(c.resources?.requests as Record<string, string> | undefined);
  if (nonMissing) for (const [k, v] of Object.entries(nonMissing)) if (!(k in reqs)) reqs[k] = v;
  return reqs;
}

/**
 * AggregateContainerRequests: app containers plus restartable (sidecar) init containers, and
 * at least the largest "init container in flight" (each init container plus the sidecars
 * started before it).
 */
function aggregateContainerRequests(pod: Pod, nonMissing: ResourceList | null): ResourceList {
  const reqs: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) add(reqs, containerRequests(c, nonMissing));
  const sidecars: ResourceList = {};
  const initMax: ResourceList = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecars, r);
      max(initMax, sidecars);
    } else {
      const inFlight: ResourceList = {};
      add(inFlight, r);
      add(inFlight, sidecars);
      max(initMax, inFlight);
    }
  }
  max(reqs, initMax);
  return reqs;
}

/** Only cpu and memory may be set at pod level (IsSupportedPodLevelResource). */
const POD_LEVEL = ['cpu', 'memory'];

/** PodRequests: container aggregate, pod-level cpu/memory where set, plus spec.overhead. */
export function podRequestList(pod: Pod, nonMissing: ResourceList | null = null): ResourceList {
  const reqs = aggregateContainerRequests(pod, nonMissing);
  const podLevel = toResourceList((pod.spec as any)?.resources?.requests);
  for (const name of POD_LEVEL) if (name in podLevel) reqs[name] = podLevel[name];
  add(reqs, toResourceList(pod.spec?.overhead as Record<string, string> | undefined));
  return reqs;
}

export interface PodResourceSummary {
  /** podRequestList without and with the non-zero defaults (cpu in milli-units). */
  requestList: Record<string, number>;
  nonZeroList: Record<string, number>;
  /** What the Fit filter compares with allocatable: exact requests, no defaults. */
  requests: Resource;
  /** Requests with 100m / 200Mi filled in for containers that set none: used by scoring only. */
  nonZeroCPU: number;
  nonZeroMem: number;
}

export function podResources(pod: Pod): PodResourceSummary {
  const requestList = podRequestList(pod);
  const nonZeroList = podRequestList(pod, { cpu: DEFAULT_MILLI_CPU_REQUEST, memory: DEFAULT_MEMORY_REQUEST });
  return { requestList, nonZeroList, requests: resourceFromList(requestList), nonZeroCPU: nonZeroList.cpu ?? 0, nonZeroMem: nonZeroList.memory ?? 0 };
}

export function addResource(into: Resource, r: Resource, sign = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
}

export function cloneResource(r: Resource): Resource {
  return { ...r, scalar: { ...r.scalar } };
}

/** A named resource's amount in a Resource (cpu in milli-units). */
export function resourceAmount(r: Resource, name: string): number {
  switch (name) {
    case 'cpu':
      return r.milliCPU;
    case 'memory':
      return r.memory;
    case 'ephemeral-storage':
      return r.ephemeralStorage;
    case 'pods':
      return r.allowedPodNumber;
    default:
      return r.scalar[name] ?? 0;
  }
}
