// The scheduler's view of the cluster, kept up to date incrementally (pkg/scheduler/backend/cache
// cache.go, node_tree.go, snapshot.go). Nodes are listed in node-tree order: one node per zone
// in turn, zones and nodes in the order they were added, as upstream's snapshot lists them.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { NodeInfo } from './node-info';
import { newPodInfo, podKey, type PodInfo } from './pod-info';
import type { ClusterObjects, SchedulingSnapshot } from './types';

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const REGION_LABELS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

/** utilnode.GetZoneKey: region + ":\x00:" + zone, "" when the node has neither label. */
export function zoneKey(node: Node): string {
  const l = node.metadata?.labels ?? {};
  const zone = ZONE_LABELS.map((k) => l[k]).find((v) => v) ?? '';
  const region = REGION_LABELS.map((k) => l[k]).find((v) => v) ?? '';
  if (!zone && !region) return '';
  return `${region}:\x00:${zone}`;
}

export class SchedulerCache {
  private nodes = new Map<string, NodeInfo>();
  private zones: string[] = [];
  private tree = new Map<string, string[]>();
  private list: NodeInfo[] | null = null;
  private podNode = new Map<string, string>();
  private orphans = new Map<string, PodInfo[]>();
  private nominatedPods = new Map<string, PodInfo>();
  /** Image name -> number of nodes that have it (ImageStateSummary.NumNodes). */
  readonly imageNodes = new Map<string, number>();
  objects: Required<ClusterObjects> = emptyObjects();
  private nsLabels = new Map<string, Record<string, string>>();
  /** Bumped on every change, so callers can tell whether cached work is stale. */
  generation = 0;

  static fromSnapshot(s: SchedulingSnapshot): SchedulerCache {
    const c = new SchedulerCache();
    c.setObjects(s);
    for (const n of s.nodes) c.addNode(n);
    for (const p of s.pods) c.addPod(p);
    return c;
  }

  setObjects(o: ClusterObjects): void {
    this.objects = { ...emptyObjects(), ...stripNodesPods(o) };
    this.nsLabels = new Map(this.objects.namespaces.map((n) => [n.metadata?.name ?? '', n.metadata?.labels ?? {}]));
    this.generation++;
  }

  namespaceLabels(ns: string): Record<string, string> {
    return this.nsLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  }

  /** Pod priority as admission resolves it: spec.priority, else its PriorityClass, else the global default, else 0. */
  readonly priorityOf = (pod: Pod): number => {
    if (typeof pod.spec?.priority === 'number') return pod.spec.priority;
    const pcs = this.objects.priorityClasses;
    const name = pod.spec?.priorityClassName;
    const pc = name ? pcs.find((p) => p.metadata?.name === name) : pcs.find((p) => p.globalDefault);
    return pc?.value ?? 0;
  };

  /** spec.preemptionPolicy, else the PriorityClass's, else PreemptLowerPriority. */
  preemptionPolicyOf(pod: Pod): string {
    if (pod.spec?.preemptionPolicy) return pod.spec.preemptionPolicy;
    const pcs = this.objects.priorityClasses;
    const name = pod.spec?.priorityClassName;
    const pc = name ? pcs.find((p) => p.metadata?.name === name) : pcs.find((p) => p.globalDefault);
    return pc?.preemptionPolicy ?? 'PreemptLowerPriority';
  }

  newPodInfo(pod: Pod): PodInfo {
    return newPodInfo(pod, this.priorityOf);
  }

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    if (this.nodes.has(name)) return this.updateNode(node);
    const ni = new NodeInfo(node);
    for (const pi of this.orphans.get(name) ?? []) ni.addPod(pi);
    this.orphans.delete(name);
    this.nodes.set(name, ni);
    this.addImages(ni, 1);
    const z = zoneKey(node);
    if (!this.tree.has(z)) {
      this.tree.set(z, []);
      this.zones.push(z);
    }
    this.tree.get(z)!.push(name);
    this.list = null;
    this.generation++;
  }

  updateNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const old = this.nodes.get(name);
    if (!old) return this.addNode(node);
    const ni = new NodeInfo(node);
    for (const pi of old.pods) ni.addPod(pi);
    this.addImages(old, -1);
    this.addImages(ni, 1);
    this.nodes.set(name, ni);
    if (zoneKey(old.node) !== zoneKey(node)) {
      this.removeFromTree(name, zoneKey(old.node));
      const z = zoneKey(node);
      if (!this.tree.has(z)) {
        this.tree.set(z, []);
        this.zones.push(z);
      }
      this.tree.get(z)!.push(name);
    }
    this.list = null;
    this.generation++;
  }

  removeNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    this.addImages(ni, -1);
    this.nodes.delete(name);
    if (ni.pods.length > 0) this.orphans.set(name, ni.pods);
    this.removeFromTree(name, zoneKey(ni.node));
    this.list = null;
    this.generation++;
  }

  private removeFromTree(name: string, z: string): void {
    const arr = this.tree.get(z);
    if (!arr) return;
    const i = arr.indexOf(name);
    if (i >= 0) arr.splice(i, 1);
    if (arr.length === 0) {
      this.tree.delete(z);
      this.zones.splice(this.zones.indexOf(z), 1);
    }
  }

  private addImages(ni: NodeInfo, d: number): void {
    for (const name of ni.images.keys()) {
      const n = (this.imageNodes.get(name) ?? 0) + d;
      if (n <= 0) this.imageNodes.delete(name);
      else this.imageNodes.set(name, n);
    }
  }

  /** Adds or replaces a pod: assigned pods count on their node, others may be nominated. */
  addPod(pod: Pod): void {
    const key = podKey(pod);
    if (this.podNode.has(key) || this.nominatedPods.has(key)) this.removePod(key);
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      // Finished pods no longer hold resources (the cache drops them on update).
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      const pi = this.newPodInfo(pod);
      const ni = this.nodes.get(nodeName);
      if (ni) ni.addPod(pi);
      else this.orphans.set(nodeName, [...(this.orphans.get(nodeName) ?? []), pi]);
      this.podNode.set(key, nodeName);
    } else if (pod.status?.nominatedNodeName) {
      this.nominatedPods.set(key, this.newPodInfo(pod));
    }
    this.generation++;
  }

  updatePod(pod: Pod): void {
    this.addPod(pod);
  }

  removePod(podOrKey: Pod | string): void {
    const key = typeof podOrKey === 'string' ? podOrKey : podKey(podOrKey);
    const nodeName = this.podNode.get(key);
    if (nodeName !== undefined) {
      const ni = this.nodes.get(nodeName);
      if (ni) ni.removePod(key);
      const orph = this.orphans.get(nodeName);
      if (orph) this.orphans.set(nodeName, orph.filter((p) => p.key !== key));
      this.podNode.delete(key);
    }
    this.nominatedPods.delete(key);
    this.generation++;
  }

  /** The node a pod is bound to, if the cache knows it. */
  nodeOf(key: string): string | undefined {
    return this.podNode.get(key);
  }

  get(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  get numNodes(): number {
    return this.nodes.size;
  }

  /** All nodes in node-tree order (nodeTree.list). */
  nodeInfos(): NodeInfo[] {
    if (this.list) return this.list;
    const out: NodeInfo[] = [];
    const total = this.nodes.size;
    for (let i = 0; out.length < total; i++) {
      for (const z of this.zones) {
        const arr = this.tree.get(z)!;
        if (i < arr.length) out.push(this.nodes.get(arr[i])!);
      }
    }
    this.list = out;
    return out;
  }

  /** Pods nominated to a node (status.nominatedNodeName) that are not bound yet. */
  nominatedPodsFor(nodeName: string): PodInfo[] {
    const out: PodInfo[] = [];
    for (const pi of this.nominatedPods.values()) if (pi.pod.status?.nominatedNodeName === nodeName) out.push(pi);
    return out;
  }

  hasNominatedPods(): boolean {
    return this.nominatedPods.size > 0;
  }
}

function emptyObjects(): Required<ClusterObjects> {
  return {
    pvcs: [],
    pvs: [],
    storageClasses: [],
    priorityClasses: [],
    services: [],
    replicaSets: [],
    statefulSets: [],
    replicationControllers: [],
    namespaces: [],
  };
}

function stripNodesPods(o: ClusterObjects & { nodes?: unknown; pods?: unknown }): ClusterObjects {
  const { nodes: _n, pods: _p, ...rest } = o;
  const out: ClusterObjects = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (out as any)[k] = v;
  return out;
}
