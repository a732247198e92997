import { Simulation } from '../src/engine';
import { bigClusterManifest, settle } from './engineCases';
import { HeapSampler, now } from './measure';
const [nodes, reps, budget] = process.argv.slice(2).map(Number);
const t0 = now();
const sim = Simulation.load(bigClusterManifest(nodes, reps));
console.log('load ms', Math.round(now() - t0));
const h = new HeapSampler();
let total = 0;
const start = now();
for (;;) {
  const r = settle(sim, h, 5000);
  total += r.events;
  const pods = sim.internals.store.list('Pod').filter((p) => p.metadata.namespace === 'default');
  const bound = pods.filter((p) => p.spec?.nodeName).length;
  const running = pods.filter((p) => p.status?.phase === 'Running').length;
  console.log(`t=${Math.round(now() - start)}ms events=${sim.events().length} tasks=${r.tasks} virt=${sim.now()} pods=${pods.length} bound=${bound} running=${running} heapMiB=${Math.round(h.peak / 1048576)} settled=${r.settled}`);
  if (r.settled || now() - start > budget) break;
}
