// PodTopologySpread (plugins/podtopologyspread/{common,filtering,scoring,plugin}.go): hard
// constraints (DoNotSchedule) filter on skew, soft ones (ScheduleAnyway) score; pods without
// constraints get the system defaults (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway)
// when a Service, RC, ReplicaSet or StatefulSet selects them.
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { MAX_NODE_SCORE, type CycleState, type NodeScore, type Plugin, type StateData } from '../plugin-api';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';
import { doNotScheduleTaint, findUntoleratedTaint, requiredNodeMatcher } from '../node-selector';
import { skip, unresolvable, unschedulable } from '../status';
import { countMatching, defaultSelector, fromLabelSelector, podCounts, type PodSelector } from './spread-selector';
import { goRound } from './node-resources';

export const SPREAD_REASON = "node(s) didn't match pod topology spread constraints";
export const SPREAD_LABEL_REASON = `${SPREAD_REASON} (missing required label)`;
const HOSTNAME = 'kubernetes.io/hostname';

export interface PodTopologySpreadArgs {
  defaultingType: 'System' | 'List';
  defaultConstraints: TopologySpreadConstraint[];
}

/** config.SystemDefaultConstraints (apis/config/v1/defaults.go). */
export const SYSTEM_DEFAULT_CONSTRAINTS: TopologySpreadConstraint[] = [
  { maxSkew: 3, topologyKey: HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
];

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
  selector: PodSelector;
}

function filterConstraints(list: TopologySpreadConstraint[], pod: Pod, action: string): Constraint[] {
  const labels = pod.metadata?.labels ?? {};
  return list
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      minDomains: c.minDomains ?? 1,
      honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
      selector: fromLabelSelector(c.labelSelector, c.matchLabelKeys, labels),
    }));
}

function constraintsFor(pod: PodInfo, state: CycleState, args: PodTopologySpreadArgs, action: string): Constraint[] {
  const own = pod.pod.spec?.topologySpreadConstraints ?? [];
  if (own.length > 0) return filterConstraints(own, pod.pod, action);
  const defaults = args.defaultingType === 'System' ? SYSTEM_DEFAULT_CONSTRAINTS : args.defaultConstraints;
  const cs = filterConstraints(defaults, pod.pod, action);
  if (cs.length === 0) return [];
  const sel = defaultSelector(pod.pod, state.cache);
  if (sel.empty) return [];
  return cs.map((c) => ({ ...c, selector: sel }));
}

const hasAllKeys = (node: Node, cs: Constraint[]) => cs.every((c) => c.topologyKey in (node.metadata?.labels ?? {}));

type Matcher = ((node: Node) => boolean) | null;

function matchInclusion(c: Constraint, pod: Pod, node: Node, required: Matcher): boolean {
  if (c.honorAffinity && required && !required(node)) return false;
  if (c.honorTaints && findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaint)) return false;
  return true;
}

class FilterState implements StateData {
  private mins: (number | null)[];
  constructor(
    readonly constraints: Constraint[],
    readonly matchNum: Map<string, number>[],
  ) {
    this.mins = constraints.map(() => null);
  }
  clone() {
    return new FilterState(this.constraints, this.matchNum.map((m) => new Map(m)));
  }
  /** minMatchNum: the global minimum, 0 when there are fewer domains than minDomains. */
  min(i: number): number {
    const m = this.matchNum[i];
    if (m.size < this.constraints[i].minDomains) return 0;
    let v = this.mins[i];
    if (v === null) {
      v = Infinity;
      for (const n of m.values()) if (n < v) v = n;
      this.mins[i] = v === Infinity ? 0 : v;
      v = this.mins[i]!;
    }
    return v;
  }
  update(p: PodInfo, preemptor: PodInfo, node: NodeInfo, delta: number): void {
    if (p.namespace !== preemptor.namespace || !hasAllKeys(node.node, this.constraints)) return;
    this.constraints.forEach((c, i) => {
      if (!c.selector.matches(p.labels) || !matchInclusion(c, preemptor.pod, node.node, requiredNodeMatcher(preemptor.pod))) return;
      const v = node.labels[c.topologyKey];
      this.matchNum[i].set(v, (this.matchNum[i].get(v) ?? 0) + delta);
      this.mins[i] = null;
    });
  }
}

class ScoreState implements StateData {
  constructor(
    readonly constraints: Constraint[],
    readonly ignored: Set<string>,
    readonly counts: Map<string, number>[],
    readonly weights: number[],
  ) {}
  clone() {
    return this;
  }
}

const FILTER_KEY = 'PreFilterPodTopologySpread';
const SCORE_KEY = 'PreScorePodTopologySpread';

export const podTopologySpread = (args: PodTopologySpreadArgs): Plugin => ({
  name: 'PodTopologySpread',
  preFilter(state, pod, nodes) {
    const cs = constraintsFor(pod, state, args, 'DoNotSchedule');
    if (cs.length === 0) return { status: skip() };
    const matchNum = cs.map(() => new Map<string, number>());
    const required = requiredNodeMatcher(pod.pod);
    for (const n of nodes) {
      if (!hasAllKeys(n.node, cs)) continue;
      cs.forEach((c, i) => {
        if (!matchInclusion(c, pod.pod, n.node, required)) return;
        const v = n.labels[c.topologyKey];
        matchNum[i].set(v, (matchNum[i].get(v) ?? 0) + countMatching(n, c.selector, pod.namespace));
      });
    }
    state.write(FILTER_KEY, new FilterState(cs, matchNum));
    return { status: null };
  },
  addPod(state, pod, add, node) {
    state.read<FilterState>(FILTER_KEY)?.update(add, pod, node, 1);
  },
  removePod(state, pod, remove, node) {
    state.read<FilterState>(FILTER_KEY)?.update(remove, pod, node, -1);
  },
  filter(state, pod, node) {
    const s = state.read<FilterState>(FILTER_KEY);
    if (!s) return null;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in node.labels)) return unresolvable(SPREAD_LABEL_REASON);
      const self = c.selector.matches(pod.labels) ? 1 : 0;
      const skew = (s.matchNum[i].get(node.labels[c.topologyKey]) ?? 0) + self - s.min(i);
      if (skew > c.maxSkew) return unschedulable(SPREAD_REASON);
    }
    return null;
  },
  preScore(state, pod, filtered) {
    const all = state.cache.nodeInfos();
    if (filtered.length === 0 || all.length === 0) return null;
    const cs = constraintsFor(pod, state, args, 'ScheduleAnyway');
    if (cs.length === 0) return skip();
    // With the system defaults, nodes missing a topology key still count (requireAllTopologies=false).
    const requireAll = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0 || args.defaultingType !== 'System';
    const ignored = new Set<string>();
    const counts = cs.map(() => new Map<string, number>());
    const sizes = cs.map(() => 0);
    for (const n of filtered) {
      if (requireAll && !hasAllKeys(n.node, cs)) {
        ignored.add(n.name);
        continue;
      }
      cs.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME) return;
        const v = n.labels[c.topologyKey] ?? '';
        if (!counts[i].has(v)) {
          counts[i].set(v, 0);
          sizes[i]++;
        }
      });
    }
    const required = requiredNodeMatcher(pod.pod);
    const spreadByDomain = cs.some((c) => c.topologyKey !== HOSTNAME);
    for (let j = 0; spreadByDomain && j < all.length; j++) {
      const n = all[j];
      if ((required && !required(n.node)) || (requireAll && !hasAllKeys(n.node, cs))) continue;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i];
        if (c.topologyKey === HOSTNAME || !matchInclusion(c, pod.pod, n.node, required)) continue;
        const v = n.labels[c.topologyKey] ?? '';
        const cur = counts[i].get(v);
        if (cur === undefined) continue;
        counts[i].set(v, cur + countMatching(n, c.selector, pod.namespace));
      }
    }
    const weights = cs.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? filtered.length - ignored.size : sizes[i]) + 2));
    state.write(SCORE_KEY, new ScoreState(cs, ignored, counts, weights));
    return null;
  },
  score(state, pod, node) {
    const s = state.read<ScoreState>(SCORE_KEY);
    if (!s || s.ignored.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const v = node.labels[c.topologyKey];
      if (v === undefined) continue;
      const cnt = c.topologyKey === HOSTNAME ? countMatching(node, c.selector, pod.namespace) : (s.counts[i].get(v) ?? 0);
      score += cnt * s.weights[i] + (c.maxSkew - 1);
    }
    return goRound(score);
  },
  normalizeScore(state, _pod, scores: NodeScore[]) {
    const s = state.read<ScoreState>(SCORE_KEY);
    if (!s) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (const sc of scores) {
      if (s.ignored.has(sc.name)) continue;
      if (sc.score < min) min = sc.score;
      if (sc.score > max) max = sc.score;
    }
    for (const sc of scores) {
      if (s.ignored.has(sc.name)) sc.score = 0;
      else if (max === 0) sc.score = MAX_NODE_SCORE;
      else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
    }
  },
});

export { podCounts };
