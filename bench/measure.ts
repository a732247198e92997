// Shared helpers for the benchmarks: medians, heap sampling, and the one-line report format.
// Wall-clock timing lives in bench/ only, never in unit tests (machines are shared and noisy).
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Metric = string | number | boolean | null;
export interface BenchResult {
  name: string;
  [metric: string]: Metric;
}

export const now = (): number => performance.now();

/** This process's CPU time (user + system), ms: steadier than wall time on a shared machine. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The value at quantile q (0..1) by nearest rank. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export const mib = (bytes: number): number => round(bytes / 1048576, 1);

// `npm run bench` runs without --expose-gc; the flag can still be turned on at run time, and a
// fresh context then sees the `gc` global. Heap deltas are only meaningful after a full GC.
const fullGc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export function gc(): void {
  fullGc();
}

/** Tracks the highest heapUsed seen; call `sample()` between chunks of work. */
export class HeapSampler {
  readonly base: number;
  peak: number;
  constructor() {
    gc();
    this.base = process.memoryUsage().heapUsed;
    this.peak = this.base;
  }
  sample = (): void => {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  };
}

/** Prints `name  key=value ...` (the readable line) and keeps the result for the JSON summary. */
export class Reporter {
  readonly results: BenchResult[] = [];
  add(result: BenchResult): void {
    this.results.push(result);
    console.log(formatLine(result));
  }
  json(): string {
    return JSON.stringify(this.results);
  }
}

export function formatLine(r: BenchResult): string {
  const { name, ...rest } = r;
  return [name.padEnd(34), ...Object.entries(rest).map(([k, v]) => `${k}=${v}`)].join('  ');
}
