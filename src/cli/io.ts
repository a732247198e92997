// Reading inputs for the CLI: files, or `-` for standard input.
import { readFileSync } from 'node:fs';
import type { ManifestFile } from '../engine';

export function readManifestFiles(paths: string[], stdin: () => string = () => readFileSync(0, 'utf8')): ManifestFile[] {
  return paths.map((p) => ({ name: p === '-' ? '<stdin>' : p, text: p === '-' ? stdin() : readFileSync(p, 'utf8') }));
}

export class UsageError extends Error {}
