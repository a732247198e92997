// Engine benchmark cases (issues 2/3): load + run to quiescence for the default scene and for
// generated clusters, then a rolling update of the generated Deployment. Each long run has a
// wall-clock budget so `npm run bench` always ends; a case that runs out says how far it got.
import { Simulation } from '../src/engine';
import { DEFAULT_SCENE } from '../src/scenes/defaultScene';
import { HeapSampler, cpuNow, mib, median, now, round, type BenchResult } from './measure';

export function bigClusterManifest(nodes: number, replicas: number): string {
  return `apiVersion: kubeglass.dev/v1alpha1
kind: ClusterConfig
spec:
  nodes: ${nodes}
  podCIDR: 10.0.0.0/8
  nodeCIDRMaskSize: 24
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: big}
  template:
    metadata:
      labels: {app: big}
    spec:
      containers:
        - name: app
          image: registry.k8s.io/pause:3.10.1
          resources:
            requests: {cpu: 10m, memory: 16Mi}
`;
}

export interface SettleReport {
  settled: boolean;
  /** True when the wall-clock budget ran out before the cluster settled. */
  timedOut: boolean;
  tasks: number;
  events: number;
  wallMs: number;
  cpuMs: number;
}

/** Runs in chunks of `chunk` tasks, sampling the heap between chunks, until settled or out of budget. */
export function settle(sim: Simulation, heap: HeapSampler, budgetMs: number, chunk = 5_000): SettleReport {
  const start = now();
  const startCpu = cpuNow();
  const startEvents = sim.events().length;
  let tasks = 0;
  for (;;) {
    const r = sim.run({ maxTasks: chunk });
    tasks += r.tasks;
    heap.sample();
    const done = (timedOut: boolean): SettleReport => ({ settled: r.settled, timedOut, tasks, events: sim.events().length - startEvents, wallMs: now() - start, cpuMs: cpuNow() - startCpu });
    if (r.settled || r.tasks === 0) return done(false);
    if (now() - start > budgetMs) return done(true);
  }
}

function podCounts(sim: Simulation, image?: string) {
  const pods = (sim.snapshot().objects.Pod ?? []).filter((p) => p.metadata.namespace === 'default');
  const running = pods.filter((p) => p.status?.phase === 'Running');
  const withImage = image ? running.filter((p) => p.spec?.containers?.[0]?.image === image).length : undefined;
  return { pods: pods.length, running: running.length, ...(withImage !== undefined ? { runningNewImage: withImage } : {}) };
}

const rate = (events: number, ms: number) => (ms > 0 ? Math.round(events / (ms / 1000)) : 0);

/** Load + settle, repeated `runs` times (median wall time); the heap peak is the highest of all runs. */
export function loadAndSettle(name: string, manifest: string, runs: number, budgetMs: number): { result: BenchResult; sim: Simulation; heap: HeapSampler } {
  const walls: number[] = [];
  const cpus: number[] = [];
  let last: { sim: Simulation; report: SettleReport; loadMs: number; heap: HeapSampler } | undefined;
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    last = undefined; // let the previous run's simulation be collected before sampling the base
    const heap = new HeapSampler();
    const t0 = now();
    const c0 = cpuNow();
    const sim = Simulation.load(manifest);
    const loadMs = now() - t0;
    const loadCpuMs = cpuNow() - c0;
    heap.sample();
    const report = settle(sim, heap, budgetMs);
    walls.push(loadMs + report.wallMs);
    cpus.push(loadCpuMs + report.cpuMs);
    peak = Math.max(peak, heap.peak - heap.base);
    last = { sim, report, loadMs, heap };
    if (report.timedOut) break;
  }
  const { sim, report, loadMs, heap } = last!;
  const wallMs = median(walls);
  const result: BenchResult = {
    name,
    n: walls.length,
    wallMs: round(wallMs),
    cpuMs: round(median(cpus)),
    loadMs: round(loadMs),
    settled: report.settled,
    timedOut: report.timedOut,
    virtualS: round(sim.now() / 1000, 1),
    tasks: report.tasks,
    events: sim.events().length,
    eventsPerS: rate(sim.events().length, wallMs),
    peakHeapMiB: mib(peak),
    ...podCounts(sim),
  };
  return { result, sim, heap };
}

/** `set-image` on the Deployment, then settle: the rolling update's cost. */
export function rollout(name: string, sim: Simulation, heap: HeapSampler, budgetMs: number): BenchResult {
  const image = 'registry.k8s.io/pause:3.10';
  const t0 = now();
  const action = sim.apply({ type: 'set-image', target: { kind: 'Deployment', namespace: 'default', name: 'big' }, container: 'app', image });
  const report = settle(sim, heap, budgetMs);
  const wallMs = now() - t0;
  return {
    name,
    n: 1,
    ok: action.ok,
    wallMs: round(wallMs),
    cpuMs: round(report.cpuMs),
    settled: report.settled,
    timedOut: report.timedOut,
    virtualS: round(sim.now() / 1000, 1),
    tasks: report.tasks,
    events: report.events,
    eventsPerS: rate(report.events, wallMs),
    peakHeapMiB: mib(heap.peak - heap.base),
    ...podCounts(sim, image),
  };
}

export interface EngineBudget {
  /** Wall-clock ms each generated-cluster load or rollout may take before it is cut off. */
  bigMs: number;
  /** The same for the 1,000-node, 10,000-replica load and rollout (minutes, not seconds). */
  hugeMs: number;
}

export function* engineCases(budget: EngineBudget, only: (name: string) => boolean = () => true): Generator<BenchResult> {
  if (only('engine.default-scene')) yield loadAndSettle('engine.default-scene', DEFAULT_SCENE, 5, 60_000).result;
  if (only('engine.nodes-100-replicas-1000') || only('engine.rollout-1000')) {
    const mid = loadAndSettle('engine.nodes-100-replicas-1000', bigClusterManifest(100, 1_000), 1, budget.bigMs);
    yield mid.result;
    if (mid.result.settled) yield rollout('engine.rollout-1000', mid.sim, mid.heap, budget.bigMs);
  }
  if (only('engine.nodes-1000-replicas-10000') || only('engine.rollout-10000')) {
    const big = loadAndSettle('engine.nodes-1000-replicas-10000', bigClusterManifest(1_000, 10_000), 1, budget.hugeMs);
    yield big.result;
    if (big.result.settled) yield rollout('engine.rollout-10000', big.sim, big.heap, budget.hugeMs);
    else yield { name: 'engine.rollout-10000', skipped: 'the 10,000-replica cluster did not settle within its budget' };
  }
}
