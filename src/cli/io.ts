// Reading inputs for the CLI: files, or `-` for standard input.
import { readFileSync } from 'node:fs';
import type { ManifestFile } from '../engine';

export function readManifestFiles(paths: string[], stdin: () => string = () => readFileSync(0, 'utf8')): ManifestFile[] {
  return paths.map((p) => ({ name: p === '-' ? '<stdin>' : p, text: p === '-' ? stdin() : readFileSync(p, 'utf8') }));
}

export class UsageError extends Error {}

/** --seed and --until, shared by every command that runs the simulation. */
export function parseRunFlags(values: { seed?: string; until?: string }, parseDuration: (text: string) => number | undefined): { seed: number; until: number } {
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, got "${values.seed}"`);
  const until = values.until === undefined ? 600_000 : parseDuration(values.until);
  if (until === undefined) throw new UsageError(`--until must be a duration such as 90s, 10m or 1h, got "${values.until}"`);
  return { seed, until };
}
