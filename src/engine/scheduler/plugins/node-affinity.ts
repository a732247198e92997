// NodeAffinity (plugins/nodeaffinity/node_affinity.go): spec.nodeSelector and required node
// affinity filter (with matchFields metadata.name narrowing the nodes in PreFilter), the
// scheduler-enforced addedAffinity from NodeAffinityArgs, and preferred terms scored by weight.
import type { NodeAffinity, NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import { defaultNormalizeScore, MAX_NODE_SCORE, type Plugin } from '../plugin-api';
import { nodeSelectorMatches, nodeSelectorTermMatches, podMatchesNodeSelectorAndAffinity } from '../node-selector';
import { skip, unresolvable } from '../status';
import type { NodeInfo } from '../node-info';

export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";
export const ENFORCED_AFFINITY_REASON = "node(s) didn't match scheduler-enforced node affinity";
export const AFFINITY_CONFLICT_REASON = 'pod affinity terms conflict';

export interface NodeAffinityArgs {
  addedAffinity?: NodeAffinity | null;
}

function preferredScore(terms: PreferredSchedulingTerm[], node: NodeInfo): number {
  let n = 0;
  for (const t of terms) if (t.weight !== 0 && nodeSelectorTermMatches(t.preference as NodeSelectorTerm, node.node)) n += t.weight;
  return n;
}

export const nodeAffinity = (args: NodeAffinityArgs = {}): Plugin => {
  const added = args.addedAffinity ?? null;
  const addedRequired = added?.requiredDuringSchedulingIgnoredDuringExecution ?? null;
  const addedPreferred = added?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return {
    name: 'NodeAffinity',
    preFilter(_s, pod) {
      const required = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      if (!required && !addedRequired && !pod.pod.spec?.nodeSelector) return { status: skip() };
      const terms = required?.nodeSelectorTerms ?? [];
      if (terms.length === 0) return { status: null };
      // Terms naming nodes by metadata.name (In) narrow the candidate set; terms are ORed,
      // so one term without such a field means every node stays a candidate.
      let names: Set<string> | null = null;
      for (const t of terms) {
        let termNames: Set<string> | null = null;
        for (const f of t.matchFields ?? []) {
          if (f.key !== 'metadata.name' || f.operator !== 'In') continue;
          const s = new Set<string>(f.values ?? []);
          const prev: Set<string> | null = termNames;
          termNames = prev === null ? s : new Set<string>(Array.from(prev as Set<string>).filter((n: string) => s.has(n)));
        }
        if (termNames === null) return { status: null };
        const union: Set<string> = names ?? new Set<string>();
        for (const n of termNames) union.add(n);
        names = union;
      }
      if (names && names.size === 0) return { status: unresolvable(AFFINITY_CONFLICT_REASON) };
      return { status: null, result: names ? { nodeNames: names } : undefined };
    },
    filter(_s, pod, node) {
      if (addedRequired && !nodeSelectorMatches(addedRequired, node.node)) return unresolvable(ENFORCED_AFFINITY_REASON);
      return podMatchesNodeSelectorAndAffinity(pod.pod, node.node) ? null : unresolvable(NODE_AFFINITY_REASON);
    },
    preScore(_s, pod) {
      const pref = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
      return pref.length === 0 && addedPreferred.length === 0 ? skip() : null;
    },
    score(_s, pod, node) {
      const pref = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
      return preferredScore(addedPreferred, node) + preferredScore(pref, node);
    },
    normalizeScore(_s, _p, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    },
  };
};
