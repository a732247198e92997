// One scheduling profile: the plugins of each extension point in order, score weights, and the
// runners (pkg/scheduler/framework/runtime/framework.go: NewFramework, expandMultiPointPlugins,
// getScoreWeights, RunPreFilterPlugins, RunFilterPlugins, RunFilterPluginsWithNominatedPods,
// RunPostFilterPlugins, RunPreScorePlugins, RunScorePlugins).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../core/rng';
import type { KubeSchedulerProfile, ExtensionPoint } from './config';
import { EXTENSION_POINTS } from './config';
import type { NodeInfo } from './node-info';
import { CycleState, type Handle, type NodeScore, type NodeToStatus, type Plugin, type PluginFactory, type PostFilterResult, type QueuedPodLike } from './plugin-api';
import type { PodInfo } from './pod-info';
import { IN_TREE_REGISTRY } from './plugins/registry';
import { isRejected, isSuccess, status, type Status } from './status';

const IMPLEMENTS: Record<ExtensionPoint, (p: Plugin) => boolean> = {
  preEnqueue: (p) => !!p.preEnqueue,
  queueSort: (p) => !!p.less,
  preFilter: (p) => !!p.preFilter,
  filter: (p) => !!p.filter,
  postFilter: (p) => !!p.postFilter,
  preScore: (p) => !!p.preScore,
  score: (p) => !!p.score,
  reserve: () => false,
  permit: () => false,
  preBind: () => false,
  bind: (p) => !!p.bind,
  postBind: () => false,
};

export interface PluginScores {
  /** Per score plugin, in order: raw, normalized and weighted score of each node (index-aligned). */
  plugins: { name: string; weight: number; skipped: boolean; raw: number[]; normalized: number[] }[];
  totals: number[];
}

export class Profile implements Handle {
  readonly schedulerName: string;
  readonly percentageOfNodesToScore: number | null;
  readonly plugins: Record<ExtensionPoint, Plugin[]>;
  readonly weights = new Map<string, number>();

  constructor(
    readonly config: KubeSchedulerProfile,
    registry: Record<string, PluginFactory> = IN_TREE_REGISTRY,
  ) {
    this.schedulerName = config.schedulerName;
    this.percentageOfNodesToScore = config.percentageOfNodesToScore ?? null;
    const argsOf = (name: string) => config.pluginConfig.find((pc) => pc.name === name)?.args ?? {};
    const needed = new Set<string>((config.plugins.multiPoint?.enabled ?? []).map((p) => p.name));
    for (const ep of EXTENSION_POINTS) for (const p of config.plugins[ep]?.enabled ?? []) needed.add(p.name);
    const instances = new Map<string, Plugin>();
    for (const name of needed) {
      const f = registry[name];
      if (!f) throw new Error(`${name} does not exist`);
      instances.set(name, f(argsOf(name)));
    }
    this.plugins = {} as Record<ExtensionPoint, Plugin[]>;
    for (const ep of EXTENSION_POINTS) {
      const set = config.plugins[ep] ?? {};
      const explicit = (set.enabled ?? []).map((p) => p.name);
      const disabled = new Set((set.disabled ?? []).map((p) => p.name));
      let order: string[];
      if (disabled.has('*')) order = explicit;
      else {
        // Overrides (multiPoint plugins also named for this point) keep the explicit order,
        // then the remaining multiPoint plugins, then the other explicit ones.
        const override: string[] = [];
        const multi: string[] = [];
        for (const p of config.plugins.multiPoint?.enabled ?? []) {
          const inst = instances.get(p.name)!;
          if (!IMPLEMENTS[ep](inst) || disabled.has(p.name)) continue;
          if (explicit.includes(p.name)) {
            if (!override.includes(p.name)) override.push(p.name);
            continue;
          }
          if (multi.includes(p.name)) throw new Error(`plugin "${p.name}" already registered as "${ep}"`);
          multi.push(p.name);
        }
        order = [...override];
        for (const n of [...multi, ...explicit]) if (!order.includes(n)) order.push(n);
      }
      this.plugins[ep] = order.map((n) => instances.get(n)!).filter((p) => IMPLEMENTS[ep](p));
    }
    // Score weights: an explicit Score entry wins over multiPoint; 0 means 1.
    for (const p of [...(config.plugins.score?.enabled ?? []), ...(config.plugins.multiPoint?.enabled ?? [])]) {
      if (!instances.get(p.name)?.score || this.weights.has(p.name)) continue;
      this.weights.set(p.name, p.weight || 1);
    }
    if (this.plugins.queueSort.length !== 1) throw new Error('one queue sort plugin required for profile with scheduler name ' + JSON.stringify(this.schedulerName));
  }

  pluginNames(ep: ExtensionPoint): string[] {
    return this.plugins[ep].map((p) => p.name);
  }

  less(a: QueuedPodLike, b: QueuedPodLike): boolean {
    return this.plugins.queueSort[0].less!(a, b);
  }

  runPreEnqueue(pod: Pod): Status | null {
    for (const p of this.plugins.preEnqueue) {
      const s = p.preEnqueue!(pod);
      if (!isSuccess(s)) return { ...s!, plugin: p.name };
    }
    return null;
  }

  /** RunPreFilterPlugins: the merged node set, the first rejecting status, plugins that narrowed nodes. */
  runPreFilter(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { nodeNames: Set<string> | null; status: Status | null; pluginsWithNodes: string[] } {
    let nodeNames: Set<string> | null = null;
    let returned: Status | null = null;
    const withNodes: string[] = [];
    for (const p of this.plugins.preFilter) {
      const { result, status: s } = p.preFilter!(state, pod, nodes);
      if (s?.code === 'Skip') {
        state.skipFilter.add(p.name);
        continue;
      }
      if (!isSuccess(s)) {
        const st = { ...s!, plugin: p.name };
        if (st.code === 'UnschedulableAndUnresolvable') return { nodeNames: null, status: st, pluginsWithNodes: withNodes };
        if (st.code === 'Unschedulable') {
          returned = st;
          continue;
        }
        return { nodeNames: null, status: { code: 'Error', reasons: [`running PreFilter plugin "${p.name}": ${st.reasons.join(', ')}`], plugin: p.name }, pluginsWithNodes: withNodes };
      }
      if (result?.nodeNames) {
        withNodes.push(p.name);
        const prev: Set<string> | null = nodeNames;
        nodeNames = prev === null ? new Set<string>(result.nodeNames) : new Set<string>(Array.from(prev as Set<string>).filter((n: string) => result.nodeNames!.has(n)));
        if (nodeNames.size === 0) {
          const msg = withNodes.length === 1 ? `node(s) didn't satisfy plugin ${withNodes[0]}` : `node(s) didn't satisfy plugin(s) [${withNodes.join(' ')}] simultaneously`;
          return { nodeNames, status: status('UnschedulableAndUnresolvable', msg), pluginsWithNodes: withNodes };
        }
      }
    }
    return { nodeNames, status: returned, pluginsWithNodes: withNodes };
  }

  /** RunFilterPlugins: the first plugin that rejects the node decides. */
  runFilter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const active = (state.activeFilters ??= this.plugins.filter.filter((p) => !state.skipFilter.has(p.name)));
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      const s = p.filter!(state, pod, node);
      if (!isSuccess(s)) {
        if (!isRejected(s)) return { code: 'Error', reasons: s!.reasons, plugin: p.name };
        return { ...s!, plugin: p.name };
      }
    }
    return null;
  }

  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, add: PodInfo, node: NodeInfo): void {
    for (const p of this.plugins.preFilter) if (!state.skipFilter.has(p.name)) p.addPod?.(state, pod, add, node);
  }

  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, remove: PodInfo, node: NodeInfo): void {
    for (const p of this.plugins.preFilter) if (!state.skipFilter.has(p.name)) p.removePod?.(state, pod, remove, node);
  }

  /**
   * Filters with equal-or-higher-priority nominated pods counted on the node; when that passes,
   * again without them (inter-pod affinity may need the difference).
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const nominated = state.cache.hasNominatedPods()
      ? state.cache.nominatedPodsFor(node.name).filter((pi) => pi.priority >= pod.priority && pi.key !== pod.key)
      : [];
    if (nominated.length === 0) return this.runFilter(state, pod, node);
    const nodeWith = node.clone();
    const stateWith = state.clone();
    for (const pi of nominated) {
      nodeWith.addPod(pi);
      this.runPreFilterExtensionAddPod(stateWith, pod, pi, nodeWith);
    }
    const first = this.runFilter(stateWith, pod, nodeWith);
    if (!isSuccess(first)) return first;
    return this.runFilter(state, pod, node);
  }

  runPostFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus, rng: Rng): { result: PostFilterResult | null; status: Status } {
    let result: PostFilterResult | null = null;
    const reasons: string[] = [];
    let rejector: string | undefined;
    for (const p of this.plugins.postFilter) {
      const { result: r, status: s } = p.postFilter!(state, pod, statuses, this, rng);
      if (isSuccess(s)) return { result: r, status: { code: 'Success', reasons: [], plugin: p.name } };
      if (s!.code === 'UnschedulableAndUnresolvable') return { result: r, status: { ...s!, plugin: p.name } };
      if (!isRejected(s)) return { result: null, status: { ...s!, code: 'Error', plugin: p.name } };
      if (r) result = r;
      reasons.push(...s!.reasons);
      rejector ??= p.name;
    }
    return { result, status: { code: 'Unschedulable', reasons, plugin: rejector } };
  }

  /** RunPreScorePlugins then RunScorePlugins (score, normalize, weight) over the feasible nodes. */
  runScoring(state: CycleState, pod: PodInfo, nodes: NodeInfo[], keepDetail = true): PluginScores {
    for (const p of this.plugins.preScore) {
      const s = p.preScore!(state, pod, nodes);
      if (s?.code === 'Skip') state.skipScore.add(p.name);
      else if (!isSuccess(s)) throw new Error(`running PreScore plugin "${p.name}": ${s!.reasons.join(', ')}`);
    }
    const totals = new Array<number>(nodes.length).fill(0);
    const plugins: PluginScores['plugins'] = [];
    for (const p of this.plugins.score) {
      const weight = this.weights.get(p.name) ?? 1;
      if (state.skipScore.has(p.name)) {
        plugins.push({ name: p.name, weight, skipped: true, raw: [], normalized: [] });
        continue;
      }
      const scores: NodeScore[] = new Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) scores[i] = { name: nodes[i].name, score: p.score!(state, pod, nodes[i]) };
      const raw = keepDetail ? scores.map((s) => s.score) : [];
      p.normalizeScore?.(state, pod, scores);
      for (let i = 0; i < nodes.length; i++) {
        const v = scores[i].score;
        if (v > 100 || v < 0) throw new Error(`plugin "${p.name}" returns an invalid score ${v}, it should in the range of [0, 100] after normalizing`);
        totals[i] += v * weight;
      }
      plugins.push({ name: p.name, weight, skipped: false, raw, normalized: keepDetail ? scores.map((s) => s.score) : [] });
    }
    return { plugins, totals };
  }
}

export function newCycleState(cache: CycleState['cache']): CycleState {
  return new CycleState(cache);
}
