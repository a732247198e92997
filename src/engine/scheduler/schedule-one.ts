// One scheduling attempt (pkg/scheduler/schedule_one.go: schedulePod, findNodesThatFitPod,
// evaluateNominatedNode, findNodesThatPassFilters, numFeasibleNodesToFind, prioritizeNodes,
// selectHost, and the PostFilter call on a FitError), recorded as a DecisionRecord.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../core/rng';
import { SchedulerCache } from './cache';
import { fitErrorMessage } from './fit-error';
import type { Profile, PluginScores } from './framework';
import type { NodeInfo } from './node-info';
import { CycleState, NodeToStatus } from './plugin-api';
import { podKey, type PodInfo } from './pod-info';
import { isRejected, isSuccess, message, status, type Status } from './status';
import type { DecisionRecord, NodeDecision, SchedulingResult, SchedulingSnapshot } from './types';

/** State that outlives one attempt: where the next node scan starts, and the global percentage. */

/** Decision-record notes (shown under the decision table; the UI translates them). */
export const PLUGIN_ERROR_NOTE = 'A plugin returned an error.';
export const PREFILTER_ORDER_NOTE = 'PreFilterResult nodes are scanned in node-tree order; upstream iterates a Go map (random order).';
export interface SchedulerState {
  nextStartNodeIndex: number;
  /** KubeSchedulerConfiguration.percentageOfNodesToScore (0 = adaptive). */
  percentageOfNodesToScore: number;
}

export function createSchedulerState(percentageOfNodesToScore = 0): SchedulerState {
  return { nextStartNodeIndex: 0, percentageOfNodesToScore };
}

export interface ScheduleOptions {
  /** 'full' records every node; 'compact' only counts. 'auto' (default): full up to 200 nodes. */
  detail?: 'full' | 'compact' | 'auto';
}

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** numFeasibleNodesToFind: all nodes below 100; else a percentage, adaptive (50 - n/125, at least 5) when 0. */
export function numFeasibleNodesToFind(profilePercentage: number | null, globalPercentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = profilePercentage ?? globalPercentage;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/**
 * selectHost: the highest total wins; among equal totals each is kept with probability
 * 1/count (reservoir sampling). Upstream pops ties off a heap; we visit them in node order.
 */
export function selectHost(names: string[], totals: number[], rng: Rng): string {
  if (names.length === 0) throw new Error('empty priorityList');
  let max = -Infinity;
  for (const t of totals) if (t > max) max = t;
  let selected = -1;
  let count = 0;
  for (let i = 0; i < names.length; i++) {
    if (totals[i] !== max) continue;
    count++;
    if (count === 1 || rng.intn(count) === 0) selected = i;
  }
  return names[selected];
}

interface Diagnosis {
  statuses: NodeToStatus;
  preFilterMsg: string;
  unschedulablePlugins: Set<string>;
}

function addPluginStatus(d: Diagnosis, s: Status | null): void {
  if (s && isRejected(s) && s.plugin) d.unschedulablePlugins.add(s.plugin);
}

/** findNodesThatPassFilters: scan from nextStartNodeIndex until enough nodes fit. */
function passFilters(profile: Profile, cycle: CycleState, pod: PodInfo, nodes: NodeInfo[], sched: SchedulerState, d: Diagnosis): NodeInfo[] {
  const n = nodes.length;
  if (n === 0) return [];
  const want = numFeasibleNodesToFind(profile.percentageOfNodesToScore, sched.percentageOfNodesToScore, n);
  const feasible: NodeInfo[] = [];
  if (profile.plugins.filter.length === 0) {
    for (let i = 0; i < want; i++) feasible.push(nodes[(sched.nextStartNodeIndex + i) % n]);
    sched.nextStartNodeIndex = (sched.nextStartNodeIndex + feasible.length) % n;
    return feasible;
  }
  let failed = 0;
  for (let i = 0; i < n && feasible.length < want; i++) {
    const node = nodes[(sched.nextStartNodeIndex + i) % n];
    const s = profile.runFilterPluginsWithNominatedPods(cycle, pod, node);
    if (s?.code === 'Error') throw new Error(message(s));
    if (isSuccess(s)) feasible.push(node);
    else {
      d.statuses.set(node.name, s!);
      addPluginStatus(d, s);
      failed++;
    }
  }
  sched.nextStartNodeIndex = (sched.nextStartNodeIndex + feasible.length + failed) % n;
  return feasible;
}

function resolveCache(cluster: SchedulingSnapshot | SchedulerCache): SchedulerCache {
  return cluster instanceof SchedulerCache ? cluster : SchedulerCache.fromSnapshot(cluster);
}

/**
 * One attempt for one pod. A plugin error does not escape: the record says Unschedulable with
 * the error text and no plugin to blame, so the queue backs the pod off (as handleSchedulingFailure does).
 */
export function scheduleOne(
  pod: Pod,
  cluster: SchedulingSnapshot | SchedulerCache,
  profile: Profile,
  sched: SchedulerState,
  rng: Rng,
  opts: ScheduleOptions = {},
): SchedulingResult {
  try {
    return attempt(pod, cluster, profile, sched, rng, opts);
  } catch (e) {
    const record: DecisionRecord = {
      pod: podKey(pod),
      schedulerName: pod.spec?.schedulerName || 'default-scheduler',
      profile: profile.schedulerName,
      result: 'Unschedulable',
      selectedNode: null,
      message: (e as Error).message,
      nodes: {},
      preemption: null,
      detail: 'compact',
      numAllNodes: 0,
      evaluatedNodes: 0,
      feasibleNodes: 0,
      notes: [PLUGIN_ERROR_NOTE],
    };
    return { record, unschedulablePlugins: [] };
  }
}

function attempt(
  pod: Pod,
  cluster: SchedulingSnapshot | SchedulerCache,
  profile: Profile,
  sched: SchedulerState,
  rng: Rng,
  opts: ScheduleOptions = {},
): SchedulingResult {
  const cache = resolveCache(cluster);
  const pi = cache.newPodInfo(pod);
  const all = cache.nodeInfos();
  const detail = opts.detail === 'full' || (opts.detail !== 'compact' && all.length <= 200) ? 'full' : 'compact';
  const record: DecisionRecord = {
    pod: podKey(pod),
    schedulerName: pod.spec?.schedulerName || 'default-scheduler',
    profile: profile.schedulerName,
    result: 'NotAttempted',
    selectedNode: null,
    message: null,
    nodes: {},
    preemption: null,
    detail,
    numAllNodes: all.length,
    evaluatedNodes: 0,
    feasibleNodes: 0,
    notes: [],
  };
  const gate = profile.runPreEnqueue(pod);
  if (gate) {
    record.message = message(gate);
    return { record, unschedulablePlugins: gate.plugin ? [gate.plugin] : [] };
  }
  if (all.length === 0) {
    record.result = 'Unschedulable';
    record.message = 'no nodes available to schedule pods';
    return { record };
  }

  const cycle = new CycleState(cache);
  const d: Diagnosis = { statuses: new NodeToStatus(status('UnschedulableAndUnresolvable')), preFilterMsg: '', unschedulablePlugins: new Set() };
  let feasible: NodeInfo[] = [];
  let scanned: NodeInfo[] = [];
  const pre = profile.runPreFilter(cycle, pi, all);
  if (pre.status?.code === 'Error') throw new Error(message(pre.status));
  if (pre.status && isRejected(pre.status)) {
    d.statuses.absent = pre.status;
    d.preFilterMsg = message(pre.status);
    addPluginStatus(d, pre.status);
  } else {
    const nominated = pod.status?.nominatedNodeName ? cache.get(pod.status.nominatedNodeName) : undefined;
    if (nominated) {
      // evaluateNominatedNode: the node preemption made room on is tried alone first.
      feasible = passFilters(profile, cycle, pi, [nominated], sched, d);
      if (feasible.length > 0) scanned = [nominated];
    }
    if (feasible.length === 0) {
      let nodes = all;
      if (pre.nodeNames) {
        const names = pre.nodeNames;
        nodes = all.filter((n) => names.has(n.name));
        d.statuses.absent = status('UnschedulableAndUnresolvable', `node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`);
        record.notes.push(PREFILTER_ORDER_NOTE);
      }
      feasible = passFilters(profile, cycle, pi, nodes, sched, d);
      scanned = nodes;
    }
  }

  record.feasibleNodes = feasible.length;
  record.evaluatedNodes = feasible.length + d.statuses.map.size;
  if (detail === 'full') {
    const feasibleSet = new Set(feasible.map((n) => n.name));
    const scannedSet = new Set(scanned.map((n) => n.name));
    for (const n of all) record.nodes[n.name] = nodeEntry(n.name, d, feasibleSet, scannedSet, pre.status);
  }

  if (feasible.length === 0) {
    record.result = 'Unschedulable';
    const result: SchedulingResult = { record, unschedulablePlugins: [...d.unschedulablePlugins].sort() };
    let postMsg = '';
    if (profile.plugins.postFilter.length > 0) {
      const post = profile.runPostFilter(cycle, pi, d.statuses, rng);
      if (post.status.code === 'Error') throw new Error(message(post.status));
      postMsg = message(post.status);
      const r = post.result;
      if (r) {
        record.preemption = { nominatedNode: r.nominatedNodeName, victims: r.victims.map((v) => v.key) };
        if (r.nominatedNodeName) {
          result.nominatedNode = r.nominatedNodeName;
          result.victims = r.victims.map((v) => v.key);
          result.clearNominated = r.clearNominated.map((p) => p.key);
        }
      }
    }
    record.message = fitErrorMessage(all.length, d.statuses, d.preFilterMsg, postMsg);
    return result;
  }

  let selected: string;
  if (feasible.length === 1) selected = feasible[0].name;
  else {
    const scores = profile.runScoring(cycle, pi, feasible, detail === 'full');
    if (detail === 'full') fillScores(record, feasible, scores);
    selected = selectHost(
      feasible.map((n) => n.name),
      scores.totals,
      rng,
    );
  }
  record.result = 'Scheduled';
  record.selectedNode = selected;
  record.message = `Successfully assigned ${record.pod} to ${selected}`;
  return { record, selectedNode: selected };
}

function nodeEntry(name: string, d: Diagnosis, feasible: Set<string>, scanned: Set<string>, pre: Status | null): NodeDecision {
  const failed = d.statuses.map.get(name);
  if (feasible.has(name)) return { evaluated: true, filter: { passed: true, plugin: null, reasons: [], code: null }, scores: {}, total: null };
  if (failed) {
    const f = { passed: false, plugin: failed.plugin ?? null, reasons: failed.reasons, code: failed.code, ...(failed.detail ? { detail: failed.detail } : {}) };
    return { evaluated: true, filter: f, scores: {}, total: null };
  }
  // Not filtered: PreFilter rejected the pod, PreFilterResult excluded the node, or enough nodes were found first.
  const excluded = (pre && isRejected(pre)) || (!scanned.has(name) && d.statuses.absent.reasons.length > 0);
  const abs = d.statuses.absent;
  return {
    evaluated: false,
    filter: excluded ? { passed: false, plugin: abs.plugin ?? null, reasons: abs.reasons, code: abs.code } : { passed: false, plugin: null, reasons: [], code: null },
    scores: {},
    total: null,
  };
}

function fillScores(record: DecisionRecord, nodes: NodeInfo[], s: PluginScores): void {
  nodes.forEach((n, i) => {
    const e = record.nodes[n.name];
    for (const p of s.plugins) {
      e.scores[p.name] = p.skipped
        ? { raw: 0, normalized: 0, weight: p.weight, weighted: 0, skipped: true }
        : { raw: p.raw[i], normalized: p.normalized[i], weight: p.weight, weighted: p.normalized[i] * p.weight };
    }
    e.total = s.totals[i];
  });
}
