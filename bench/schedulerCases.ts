// Scheduler benchmark cases (issue 4). Drives `scheduleOne` + `SchedulerCache` directly, the
// way the scheduler component's cycle does (one pod at a time, the bound pod added to the cache
// before the next), so the figure is scheduling itself: no API writes, watch fan-out or
// controllers. Objects look like the engine's: nodes with the default machine capacity
// (4 CPU, 8Gi, 110 pods), hostname and zone labels; pods owned by a ReplicaSet behind a Service
// (so the default spreading plugins have selectors to work with), 10m/16Mi requests.
// `detail: 'auto'` is what the component passes: full per-node records up to 200 nodes.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Rng } from '../src/engine/core/rng';
import { SchedulerCache, createSchedulerState, defaultProfile, scheduleOne, type DecisionRecord } from '../src/engine/scheduler';
import { gc, mib, now, round, type BenchResult } from './measure';

function makeNode(i: number): Node {
  const name = `node-${i}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    spec: {},
    status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
}

function makePod(group: number, i: number, antiAffinity: boolean): Pod {
  const app = `app-${group}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-7d4b9c-${i}`,
      namespace: 'default',
      uid: `uid-${group}-${i}`,
      labels: { app, 'pod-template-hash': '7d4b9c' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-7d4b9c`, uid: `rs-${group}`, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      schedulerName: 'default-scheduler',
      priority: 0,
      containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10.1', resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      ...(antiAffinity
        ? { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }] } } }
        : {}),
    },
    status: { phase: 'Pending' },
  };
}

interface SchedulerCase {
  name: string;
  nodes: number;
  pods: number;
  /** Pods are split over this many ReplicaSets (anti-affinity is within a group). */
  groups: number;
  antiAffinity: boolean;
}

export const SCHEDULER_CASES: SchedulerCase[] = [
  { name: 'scheduler.nodes-100-pods-10000', nodes: 100, pods: 10_000, groups: 1, antiAffinity: false },
  { name: 'scheduler.nodes-1000-pods-10000', nodes: 1_000, pods: 10_000, groups: 1, antiAffinity: false },
  { name: 'scheduler.nodes-5000-pods-10000', nodes: 5_000, pods: 10_000, groups: 1, antiAffinity: false },
  // 10 ReplicaSets x 1,000 pods, each with required anti-affinity to its own group per hostname:
  // every group fills all 1,000 nodes exactly, so late pods of a group scan many nodes.
  { name: 'scheduler.nodes-1000-pods-10000-antiaffinity', nodes: 1_000, pods: 10_000, groups: 10, antiAffinity: true },
];

function setUp(c: SchedulerCase): SchedulerCache {
  const cache = new SchedulerCache();
  const replicaSets = [];
  const services = [];
  for (let g = 0; g < c.groups; g++) {
    const app = `app-${g}`;
    replicaSets.push({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${app}-7d4b9c`, namespace: 'default', uid: `rs-${g}` }, spec: { selector: { matchLabels: { app, 'pod-template-hash': '7d4b9c' } } } });
    services.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace: 'default' }, spec: { selector: { app } } });
  }
  cache.setObjects({ replicaSets: replicaSets as never, services: services as never });
  for (let i = 0; i < c.nodes; i++) cache.addNode(makeNode(i));
  return cache;
}

/** Schedules the case's pods (up to the wall budget); records stay referenced, as the activity log keeps them. */
export function runSchedulerCase(c: SchedulerCase, budgetMs: number): BenchResult {
  const cache = setUp(c);
  const profile = defaultProfile();
  const state = createSchedulerState();
  const rng = new Rng(1);
  const perGroup = Math.ceil(c.pods / c.groups);
  const pods: Pod[] = [];
  for (let i = 0; i < c.pods; i++) pods.push(makePod(Math.floor(i / perGroup), i % perGroup, c.antiAffinity));

  gc();
  const records: DecisionRecord[] = [];
  let scheduled = 0;
  let unschedulable = 0;
  let fullRecords = 0;
  const t0 = now();
  let attempted = 0;
  for (const pod of pods) {
    const res = scheduleOne(pod, cache, profile, state, rng, { detail: 'auto' });
    records.push(res.record);
    if (res.record.detail === 'full') fullRecords++;
    attempted++;
    if (res.selectedNode) {
      scheduled++;
      cache.addPod({ ...pod, spec: { ...pod.spec!, nodeName: res.selectedNode } });
    } else unschedulable++;
    if ((attempted & 63) === 0 && now() - t0 > budgetMs) break;
  }
  const wallMs = now() - t0;

  // The decision records' share of the heap: with them, then without them (cache and pods stay).
  gc();
  const heapWith = process.memoryUsage().heapUsed;
  const kept = records.length;
  records.length = 0;
  gc();
  const heapWithout = process.memoryUsage().heapUsed;
  const recordBytes = Math.max(0, heapWith - heapWithout);
  return {
    name: c.name,
    n: 1,
    mode: 'scheduleOne+cache',
    attempted,
    scheduled,
    unschedulable,
    timedOut: attempted < c.pods,
    wallMs: round(wallMs),
    podsPerS: Math.round(attempted / (wallMs / 1000)),
    msPerPod: round(wallMs / attempted, 3),
    recordDetail: fullRecords === kept ? 'full' : fullRecords === 0 ? 'compact' : 'mixed',
    recordsMiB: mib(recordBytes),
    bytesPerRecord: Math.round(recordBytes / kept),
  };
}

export function* schedulerCases(budgetMs: number, only?: (name: string) => boolean): Generator<BenchResult> {
  for (const c of SCHEDULER_CASES) if (!only || only(c.name)) yield runSchedulerCase(c, budgetMs);
}
