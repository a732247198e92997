// Per-node aggregate the scheduler filters and scores against (pkg/scheduler/framework/types.go
// NodeInfo): the pods on the node, their summed requests (exact and non-zero), used host ports,
// pods with (anti-)affinity, and the node's images.
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { quantityValue } from '../api/quantity';
import type { HostPort, PodInfo } from './pod-info';
import { hasAffinity } from './pod-info';
import { addResource, cloneResource, emptyResource, resourceFromList, toResourceList, type Resource } from './resources';

export class NodeInfo {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly taints: Taint[];
  readonly allocatable: Resource;
  /** Image name as the node reports it -> size in bytes (node.status.images; not normalized, as upstream). */
  readonly images: Map<string, number>;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  usedPorts: HostPort[] = [];
  requested: Resource = emptyResource();
  nonZeroCPU = 0;
  nonZeroMem = 0;
  /** Memo of per-selector pod counts (PodTopologySpread); cleared whenever the pod list changes. */
  matchCounts = new Map<number, number>();

  constructor(readonly node: Node) {
    this.name = node.metadata?.name ?? '';
    this.labels = node.metadata?.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    this.allocatable = resourceFromList(toResourceList(node.status?.allocatable as Record<string, string> | undefined));
    this.images = new Map();
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) this.images.set(n, quantityValue(img.sizeBytes ?? 0));
    }
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (this.matchCounts.size > 0) this.matchCounts = new Map();
    if (hasAffinity(pi)) this.podsWithAffinity.push(pi);
    if (pi.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(pi);
    addResource(this.requested, pi.requests);
    this.nonZeroCPU += pi.nonZeroCPU;
    this.nonZeroMem += pi.nonZeroMem;
    for (const p of pi.hostPorts) this.usedPorts.push(p);
  }

  removePod(key: string): boolean {
    const i = this.pods.findIndex((p) => p.key === key);
    if (i < 0) return false;
    const pi = this.pods[i];
    this.pods.splice(i, 1);
    if (this.matchCounts.size > 0) this.matchCounts = new Map();
    this.podsWithAffinity = this.podsWithAffinity.filter((p) => p.key !== key);
    this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((p) => p.key !== key);
    addResource(this.requested, pi.requests, -1);
    this.nonZeroCPU -= pi.nonZeroCPU;
    this.nonZeroMem -= pi.nonZeroMem;
    if (pi.hostPorts.length > 0) {
      this.usedPorts = [];
      for (const p of this.pods) for (const hp of p.hostPorts) this.usedPorts.push(hp);
    }
    return true;
  }

  /** A copy whose pod list can change without touching the cache (NodeInfo.Snapshot). */
  clone(): NodeInfo {
    const c = Object.create(NodeInfo.prototype) as NodeInfo;
    Object.assign(c, this);
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.usedPorts = [...this.usedPorts];
    c.requested = cloneResource(this.requested);
    c.matchCounts = new Map();
    return c;
  }
}

/** imagelocality.normalizedImageName: an image without a tag means ":latest". */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}
