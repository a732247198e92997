// InterPodAffinity (plugins/interpodaffinity/{filtering,scoring,plugin}.go): required pod
// affinity / anti-affinity of the incoming pod, required anti-affinity of existing pods, and
// preferred terms of both sides scored per topology domain.
import type { Plugin, StateData } from '../plugin-api';
import { MAX_NODE_SCORE } from '../plugin-api';
import type { NodeInfo } from '../node-info';
import { termMatches, type AffinityTerm, type PodInfo } from '../pod-info';
import { skip, unresolvable, unschedulable } from '../status';
import type { SchedulerCache } from '../cache';

export const EXISTING_ANTI_AFFINITY_REASON = "node(s) didn't satisfy existing pods anti-affinity rules";
export const AFFINITY_REASON = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_REASON = "node(s) didn't match pod anti-affinity rules";

export interface InterPodAffinityArgs {
  hardPodAffinityWeight: number;
  ignorePreferredTermsOfExistingPods?: boolean;
}

type Counts = Map<string, number>; // "key\u0000value" -> count
const tp = (k: string, v: string) => `${k}\u0000${v}`;
const bump = (m: Counts, k: string, d: number) => {
  const v = (m.get(k) ?? 0) + d;
  if (v === 0) m.delete(k);
  else m.set(k, v);
};

class FilterState implements StateData {
  constructor(
    readonly existingAnti: Counts,
    readonly affinity: Counts,
    readonly antiAffinity: Counts,
    readonly nsLabels: Record<string, string>,
  ) {}
  clone() {
    return new FilterState(new Map(this.existingAnti), new Map(this.affinity), new Map(this.antiAffinity), this.nsLabels);
  }
  /** updateWithPod: account for a pod added to / removed from `node`. */
  update(p: PodInfo, pod: PodInfo, node: NodeInfo, d: number, cache: SchedulerCache): void {
    for (const t of p.requiredAntiAffinityTerms) {
      if (t.topologyKey in node.labels && termMatches(t, pod, this.nsLabels)) bump(this.existingAnti, tp(t.topologyKey, node.labels[t.topologyKey]), d);
    }
    const ns = cache.namespaceLabels(p.namespace);
    for (const t of pod.requiredAffinityTerms) {
      if (t.topologyKey in node.labels && termMatches(t, p, ns)) bump(this.affinity, tp(t.topologyKey, node.labels[t.topologyKey]), d);
    }
    for (const t of pod.requiredAntiAffinityTerms) {
      if (t.topologyKey in node.labels && termMatches(t, p, ns)) bump(this.antiAffinity, tp(t.topologyKey, node.labels[t.topologyKey]), d);
    }
  }
}

class ScoreState implements StateData {
  constructor(readonly topologyScore: Map<string, Map<string, number>>) {}
  clone() {
    return this;
  }
}

const FILTER_KEY = 'PreFilterInterPodAffinity';
const SCORE_KEY = 'PreScoreInterPodAffinity';

function podMatchesAllAffinityTerms(terms: AffinityTerm[], pod: PodInfo, nsLabels: Record<string, string>): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, nsLabels));
}

export const interPodAffinity = (args: InterPodAffinityArgs): Plugin => ({
  name: 'InterPodAffinity',
  preFilter(state, pod, nodes) {
    const nsLabels = state.cache.namespaceLabels(pod.namespace);
    const fs = new FilterState(new Map(), new Map(), new Map(), nsLabels);
    for (const n of nodes) {
      for (const p of n.podsWithRequiredAntiAffinity) {
        for (const t of p.requiredAntiAffinityTerms) {
          if (t.topologyKey in n.labels && termMatches(t, pod, nsLabels)) bump(fs.existingAnti, tp(t.topologyKey, n.labels[t.topologyKey]), 1);
        }
      }
    }
    if (fs.existingAnti.size === 0 && pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0) {
      return { status: skip() };
    }
    if (pod.requiredAffinityTerms.length + pod.requiredAntiAffinityTerms.length > 0) {
      for (const n of nodes) {
        for (const p of n.pods) {
          const ns = state.cache.namespaceLabels(p.namespace);
          for (const t of pod.requiredAffinityTerms) {
            if (t.topologyKey in n.labels && termMatches(t, p, ns)) bump(fs.affinity, tp(t.topologyKey, n.labels[t.topologyKey]), 1);
          }
          for (const t of pod.requiredAntiAffinityTerms) {
            if (t.topologyKey in n.labels && termMatches(t, p, ns)) bump(fs.antiAffinity, tp(t.topologyKey, n.labels[t.topologyKey]), 1);
          }
        }
      }
    }
    state.write(FILTER_KEY, fs);
    return { status: null };
  },
  addPod(state, pod, add, node) {
    state.read<FilterState>(FILTER_KEY)?.update(add, pod, node, 1, state.cache);
  },
  removePod(state, pod, remove, node) {
    state.read<FilterState>(FILTER_KEY)?.update(remove, pod, node, -1, state.cache);
  },
  filter(state, pod, node) {
    const s = state.read<FilterState>(FILTER_KEY);
    if (!s) return null;
    // satisfyPodAffinity: every term's topology label present and a matching pod in that domain,
    // unless no pod anywhere matches and the pod matches its own terms (first of a group).
    let podsExist = true;
    for (const t of pod.requiredAffinityTerms) {
      if (!(t.topologyKey in node.labels)) return unresolvable(AFFINITY_REASON);
      if ((s.affinity.get(tp(t.topologyKey, node.labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
    }
    if (!podsExist && !(s.affinity.size === 0 && podMatchesAllAffinityTerms(pod.requiredAffinityTerms, pod, s.nsLabels))) {
      return unresolvable(AFFINITY_REASON);
    }
    for (const t of pod.requiredAntiAffinityTerms) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && (s.antiAffinity.get(tp(t.topologyKey, v)) ?? 0) > 0) return unschedulable(ANTI_AFFINITY_REASON);
    }
    if (s.existingAnti.size > 0) {
      for (const [k, v] of Object.entries(node.labels)) if ((s.existingAnti.get(tp(k, v)) ?? 0) > 0) return unschedulable(EXISTING_ANTI_AFFINITY_REASON);
    }
    return null;
  },
  preScore(state, pod) {
    const hasConstraints = pod.preferredAffinityTerms.length + pod.preferredAntiAffinityTerms.length > 0;
    if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return skip();
    const nodes = state.cache.nodeInfos();
    const nsLabels = state.cache.namespaceLabels(pod.namespace);
    const topo = new Map<string, Map<string, number>>();
    const add = (t: AffinityTerm, weight: number, target: PodInfo, targetNs: Record<string, string>, node: NodeInfo, mult: number) => {
      if (!(t.topologyKey in node.labels) || !termMatches(t, target, targetNs)) return;
      let m = topo.get(t.topologyKey);
      if (!m) topo.set(t.topologyKey, (m = new Map()));
      const v = node.labels[t.topologyKey];
      m.set(v, (m.get(v) ?? 0) + weight * mult);
    };
    for (const n of nodes) {
      if (Object.keys(n.labels).length === 0) continue;
      const pods = hasConstraints ? n.pods : n.podsWithAffinity;
      for (const ex of pods) {
        const exNs = state.cache.namespaceLabels(ex.namespace);
        for (const t of pod.preferredAffinityTerms) add(t, t.weight, ex, exNs, n, 1);
        for (const t of pod.preferredAntiAffinityTerms) add(t, t.weight, ex, exNs, n, -1);
        if (args.hardPodAffinityWeight > 0) for (const t of ex.requiredAffinityTerms) add(t, args.hardPodAffinityWeight, pod, nsLabels, n, 1);
        if (!args.ignorePreferredTermsOfExistingPods) {
          for (const t of ex.preferredAffinityTerms) add(t, t.weight, pod, nsLabels, n, 1);
          for (const t of ex.preferredAntiAffinityTerms) add(t, t.weight, pod, nsLabels, n, -1);
        }
      }
    }
    if (topo.size === 0) return skip();
    state.write(SCORE_KEY, new ScoreState(topo));
    return null;
  },
  score(state, _pod, node) {
    const s = state.read<ScoreState>(SCORE_KEY);
    if (!s) return 0;
    let score = 0;
    for (const [k, values] of s.topologyScore) {
      const v = node.labels[k];
      if (v !== undefined) score += values.get(v) ?? 0;
    }
    return score;
  },
  normalizeScore(state, _pod, scores) {
    const s = state.read<ScoreState>(SCORE_KEY);
    if (!s || s.topologyScore.size === 0) return;
    let min = Infinity;
    let max = -Infinity;
    for (const sc of scores) {
      if (sc.score > max) max = sc.score;
      if (sc.score < min) min = sc.score;
    }
    const diff = max - min;
    for (const sc of scores) sc.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((sc.score - min) / diff)) : 0;
  },
});
