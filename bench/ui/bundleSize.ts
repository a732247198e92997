// Initial JS of the production build: the scripts index.html loads eagerly (module entry and
// modulepreload links) plus, transitively, every chunk those import statically. Dynamic
// `import()` targets (the Monaco editor, workers) are excluded: they load later, on demand.
// Sizes are gzip at zlib's default level 6 (what typical servers and Vite's report use).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJs {
  chunks: ChunkSize[];
  totalBytes: number;
  totalGzipBytes: number;
  /** Every .js under assets/, for context (lazy chunks included). */
  allJsGzipBytes: number;
}

// `import x from "./a.js"`, `import"./a.js"`, `export{x}from"./a.js"` — not `import("./a.js")`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();=]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

function htmlScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.push(m[1]);
  return out;
}

export function initialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = htmlScripts(html).map((src) => normalize(join(distDir, src.replace(/^\.?\//, ''))));
  const chunks: ChunkSize[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    chunks.push({ file: relative(distDir, file), bytes: code.length, gzipBytes: gzipSync(code).length });
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      if (m[1].startsWith('.')) queue.push(normalize(join(dirname(file), m[1])));
    }
  }
  let allJsGzipBytes = 0;
  const assets = join(distDir, 'assets');
  if (existsSync(assets)) {
    for (const entry of readdirJs(assets)) allJsGzipBytes += gzipSync(readFileSync(entry)).length;
  }
  const totalBytes = chunks.reduce((s, c) => s + c.bytes, 0);
  const totalGzipBytes = chunks.reduce((s, c) => s + c.gzipBytes, 0);
  return { chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes), totalBytes, totalGzipBytes, allJsGzipBytes };
}

function readdirJs(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}
