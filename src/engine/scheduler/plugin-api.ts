// The plugin interfaces (pkg/scheduler/framework/interface.go, kube-scheduler/framework): each
// plugin implements the extension points it needs. Plugins read the cluster from the cycle
// state's cache and keep per-cycle data in the cycle state (CycleState), which preemption clones.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../core/rng';
import type { SchedulerCache } from './cache';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { Status } from './status';

/** framework.MaxNodeScore */
export const MAX_NODE_SCORE = 100;

export interface StateData {
  clone(): StateData;
}

export class CycleState {
  readonly data = new Map<string, StateData>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run. */
  skipFilter = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score does not run. */
  skipScore = new Set<string>();
  /** The Filter plugins that run this cycle (set by the framework after PreFilter). */
  activeFilters: Plugin[] | null = null;
  constructor(readonly cache: SchedulerCache) {}

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  write(key: string, d: StateData): void {
    this.data.set(key, d);
  }
  clone(): CycleState {
    const c = new CycleState(this.cache);
    for (const [k, v] of this.data) c.data.set(k, v.clone());
    c.skipFilter = new Set(this.skipFilter);
    c.skipScore = new Set(this.skipScore);
    c.activeFilters = this.activeFilters;
    return c;
  }
}

/** PreFilterResult: a set of node names the pod may go to; null means all nodes. */
export interface PreFilterResult {
  nodeNames: Set<string> | null;
}

export interface NodeScore {
  name: string;
  score: number;
}

/** NodeToStatus: the status of each evaluated node, and one status for all absent nodes. */
export class NodeToStatus {
  readonly map = new Map<string, Status>();
  constructor(public absent: Status) {}
  get(name: string): Status {
    return this.map.get(name) ?? this.absent;
  }
  set(name: string, s: Status): void {
    this.map.set(name, s);
  }
}

export interface PostFilterResult {
  nominatedNodeName: string | null;
  victims: PodInfo[];
  clearNominated: PodInfo[];
}

/** What a plugin can ask of the framework (framework.Handle). */
export interface Handle {
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, add: PodInfo, node: NodeInfo): void;
  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, remove: PodInfo, node: NodeInfo): void;
}

export interface Plugin {
  readonly name: string;
  preEnqueue?(pod: Pod): Status | null;
  /** QueueSort: true when a should be popped before b. */
  less?(a: QueuedPodLike, b: QueuedPodLike): boolean;
  preFilter?(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { result?: PreFilterResult; status: Status | null };
  addPod?(state: CycleState, pod: PodInfo, add: PodInfo, node: NodeInfo): void;
  removePod?(state: CycleState, pod: PodInfo, remove: PodInfo, node: NodeInfo): void;
  filter?(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
  postFilter?(
    state: CycleState,
    pod: PodInfo,
    statuses: NodeToStatus,
    handle: Handle,
    rng: Rng,
  ): { result: PostFilterResult | null; status: Status | null };
  preScore?(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): Status | null;
  score?(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  normalizeScore?(state: CycleState, pod: PodInfo, scores: NodeScore[]): void;
  /** Marks a Bind plugin (DefaultBinder); binding itself is the caller's job. */
  bind?(): null;
}

export interface QueuedPodLike {
  pod: Pod;
  priority: number;
  /** Virtual ms when the pod was first added to the queue. */
  timestamp: number;
}

export type PluginFactory = (args: any) => Plugin;

/** helper.DefaultNormalizeScore: scale to [0, max], optionally reversed. */
export function defaultNormalizeScore(max: number, reverse: boolean, scores: NodeScore[]): void {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = max;
    return;
  }
  for (const s of scores) {
    let v = Math.trunc((max * s.score) / maxCount);
    if (reverse) v = max - v;
    s.score = v;
  }
}
