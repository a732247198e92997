// DefaultPreemption (plugins/defaultpreemption/default_preemption.go and
// framework/preemption/preemption.go): find nodes where evicting lower-priority pods lets the
// pod fit, keep as few victims as possible (reprieving the most important first), pick one
// node, and nominate it. PodDisruptionBudgets are not part of the snapshot, so no victim
// counts as a PDB violation here.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../../core/rng';
import { fitErrorMessage } from '../fit-error';
import type { NodeInfo } from '../node-info';
import { NodeToStatus, type CycleState, type Handle, type Plugin } from '../plugin-api';
import type { PodInfo } from '../pod-info';
import { isSuccess, unresolvable, unschedulable, type Status } from '../status';

export interface DefaultPreemptionArgs {
  minCandidateNodesPercentage: number;
  minCandidateNodesAbsolute: number;
}

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** calculateNumCandidates: percentage of the potential nodes, at least the absolute minimum. */
export function numCandidates(numNodes: number, args: DefaultPreemptionArgs): number {
  let n = Math.trunc((numNodes * args.minCandidateNodesPercentage) / 100);
  if (n < args.minCandidateNodesAbsolute) n = args.minCandidateNodesAbsolute;
  return Math.min(n, numNodes);
}

/** util.MoreImportantPod: higher priority, then the earlier start (unknown start counts as now). */
export function moreImportant(a: PodInfo, b: PodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return (a.startTime ?? Infinity) < (b.startTime ?? Infinity);
}

function terminatingByPreemption(p: Pod): boolean {
  if (!p.metadata?.deletionTimestamp) return false;
  return (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');
}

export interface Candidate {
  node: string;
  victims: PodInfo[];
}

/** SelectVictimsOnNode: remove all lower-priority pods, then add back all that still allow a fit. */
export function selectVictimsOnNode(state: CycleState, pod: PodInfo, node: NodeInfo, handle: Handle): { victims: PodInfo[]; status: Status | null } {
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  for (const p of potential) {
    node.removePod(p.key);
    handle.runPreFilterExtensionRemovePod(state, pod, p, node);
  }
  if (potential.length === 0) return { victims: [], status: unresolvable(NO_VICTIMS) };
  const st = handle.runFilterPluginsWithNominatedPods(state, pod, node);
  if (!isSuccess(st)) return { victims: [], status: st };
  potential.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0));
  const victims: PodInfo[] = [];
  for (const p of potential) {
    node.addPod(p);
    handle.runPreFilterExtensionAddPod(state, pod, p, node);
    if (!isSuccess(handle.runFilterPluginsWithNominatedPods(state, pod, node))) {
      node.removePod(p.key);
      handle.runPreFilterExtensionRemovePod(state, pod, p, node);
      victims.push(p);
    }
  }
  return { victims, status: null };
}

/** pickOneNodeForPreemption: fewest PDB violations, lowest top victim priority, lowest priority sum, fewest victims, latest start. */
export function pickOneNode(candidates: Candidate[]): Candidate | null {
  if (candidates.length === 0) return null;
  const highest = (c: Candidate) => c.victims[0]?.priority ?? 0;
  const earliestOfHighest = (c: Candidate) => {
    const top = highest(c);
    let t = Infinity;
    for (const v of c.victims) if (v.priority === top && (v.startTime ?? Infinity) < t) t = v.startTime ?? Infinity;
    return t;
  };
  const scoreFns: ((c: Candidate) => number)[] = [
    () => 0, // PDB violations (none modelled)
    (c) => -highest(c),
    (c) => -c.victims.reduce((s, v) => s + v.priority + 2147483648, 0),
    (c) => -c.victims.length,
    (c) => earliestOfHighest(c),
  ];
  let all = candidates;
  for (const f of scoreFns) {
    let best = -Infinity;
    let sel: Candidate[] = [];
    for (const c of all) {
      const s = f(c);
      if (s > best) {
        best = s;
        sel = [];
      }
      if (s === best) sel.push(c);
    }
    if (sel.length === 1) return sel[0];
    all = sel;
  }
  return all[0];
}

export const defaultPreemption = (args: DefaultPreemptionArgs): Plugin => ({
  name: 'DefaultPreemption',
  postFilter(state, pod, statuses, handle, rng: Rng) {
    const fail = (msg: string) => ({ result: null, status: unschedulable(`preemption: ${msg}`) });
    if (state.cache.preemptionPolicyOf(pod.pod) === 'Never') return fail('not eligible due to preemptionPolicy=Never.');
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated && statuses.get(nominated).code !== 'UnschedulableAndUnresolvable') {
      const ni = state.cache.get(nominated);
      if (ni?.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p.pod))) {
        return fail('not eligible due to a terminating pod on the nominated node.');
      }
    }
    const all = state.cache.nodeInfos();
    const potential = all.filter((n) => statuses.get(n.name).code === 'Unschedulable');
    const dryRun = new NodeToStatus(unresolvable(NOT_HELPFUL));
    const candidates: Candidate[] = [];
    if (potential.length > 0) {
      const offset = rng.intn(potential.length);
      const want = numCandidates(potential.length, args);
      for (let i = 0; i < potential.length; i++) {
        const n = potential[(offset + i) % potential.length];
        const { victims, status } = selectVictimsOnNode(state.clone(), pod, n.clone(), handle);
        if (isSuccess(status) && victims.length > 0) {
          candidates.push({ node: n.name, victims });
          if (candidates.length >= want) break;
          continue;
        }
        dryRun.set(n.name, status ?? { code: 'Error', reasons: [`expected at least one victim pod on node "${n.name}"`] });
      }
    }
    const chosen = pickOneNode(candidates);
    if (!chosen) {
      return { result: { nominatedNodeName: null, victims: [], clearNominated: [] }, status: unschedulable(`preemption: ${fitErrorMessage(all.length, dryRun)}`) };
    }
    const clearNominated = state.cache.nominatedPodsFor(chosen.node).filter((p) => p.priority < pod.priority && p.key !== pod.key);
    return { result: { nominatedNodeName: chosen.node, victims: chosen.victims, clearNominated }, status: null };
  },
});
