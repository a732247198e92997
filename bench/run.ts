// npm run bench: engine, scheduler and network figures on this machine (issues 2-5). Prints one
// readable line per measurement and a final JSON line. Long cases have wall-clock budgets so the
// whole suite always ends (the 1,000-node, 10,000-replica load and rollout take minutes; their
// budget is 10 minutes each); a cut-off case says timedOut=true and how far it got. cpuMs is
// the process's CPU time, steadier than wallMs when other work shares the machine.
//   npm run bench                      all sections
//   npm run bench -- scheduler         measurements whose name contains "scheduler"
//   npm run bench -- engine.rollout-1000
// For steadier heap figures: node --expose-gc --import tsx bench/run.ts (gc before each sample).
import { engineCases } from './engineCases';
import { Reporter, type BenchResult } from './measure';
import { networkCases } from './networkCases';
import { schedulerCases } from './schedulerCases';

const filter = process.argv[2];
// A case is wanted when its name contains the filter, or the filter names the whole case
// (so `engine.rollout-1000` also runs the load it depends on).
const wanted = (name: string) => !filter || name.includes(filter) || filter.startsWith(name);

const reporter = new Reporter();
const emit = (results: Iterable<BenchResult>) => {
  for (const r of results) reporter.add(r);
};

emit(engineCases({ bigMs: 60_000, hugeMs: 600_000 }, wanted));
emit(schedulerCases(30_000, wanted));
emit(networkCases(30_000, wanted));
console.log(reporter.json());
