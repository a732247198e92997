// npm run bench: engine figures on this machine. Wall-clock timing lives here, never in unit
// tests (machines are shared and noisy). Prints one line per case and a JSON summary.
import { performance } from 'node:perf_hooks';
import { engineCases } from './engineCases';

export interface BenchResult {
  name: string;
  [metric: string]: string | number | boolean;
}

export function measure(name: string, fn: (sample: () => void) => Record<string, number | string | boolean>): BenchResult {
  globalThis.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  };
  const start = performance.now();
  const extra = fn(sample);
  const wallMs = performance.now() - start;
  sample();
  const rate: Record<string, number> = typeof extra.events === 'number' && wallMs > 0 ? { eventsPerSecond: Math.round(extra.events / (wallMs / 1000)) } : {};
  return { name, wallMs: Math.round(wallMs), peakHeapMiB: Math.round(peak / 1048576), ...extra, ...rate };
}

const only = process.argv[2];
const results: BenchResult[] = [];
for (const c of engineCases) {
  if (only && !c.name.includes(only)) continue;
  const r = measure(c.name, c.run);
  results.push(r);
  console.log(Object.entries(r).map(([k, v]) => `${k}=${v}`).join('  '));
}
console.log(JSON.stringify(results));
