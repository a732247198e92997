// JavaScript sizes of the production build, two figures (issue 6):
// - initial JS: the scripts index.html loads eagerly (module entry and modulepreload links) plus,
//   transitively, every chunk those import statically. This is what blocks the app shell.
// - JS before the first scene: the initial JS plus the engine chunk (src/engine and the yaml
//   parser, which the entry requests with `import()` as soon as it runs; state/engineLoader.ts)
//   and the chunks it imports statically. The default scene cannot render before all of it.
// Other `import()` targets (the Monaco editor, graph views, console, workers) load later, on
// demand, and count in neither. Sizes are gzip at zlib's default level 6 (what typical servers
// and Vite's report use).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface JsSet {
  chunks: ChunkSize[];
  totalBytes: number;
  totalGzipBytes: number;
}

export interface InitialJs extends JsSet {
  /** Every .js under assets/, for context (lazy chunks included). */
  allJsGzipBytes: number;
}

// `import x from "./a.js"`, `import"./a.js"`, `export{x}from"./a.js"` — not `import("./a.js")`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();=]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
// `import("./a.js")` or import(`./a.js`), as the minifier writes it.
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
/** Rolldown names the chunk of `import('../engine')` (src/engine/index.ts) after its folder. */
const ENGINE_CHUNK = /^engine-[\w-]+\.js$/;

function htmlScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.push(m[1]);
  return out;
}

/** The given chunks and, transitively, every chunk they import statically. */
function staticClosure(distDir: string, files: string[]): JsSet & { dynamicImports: string[] } {
  const seen = new Set<string>();
  const queue = [...files];
  const chunks: ChunkSize[] = [];
  const dynamicImports = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    chunks.push({ file: relative(distDir, file), bytes: code.length, gzipBytes: gzipSync(code).length });
    const text = code.toString('utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) {
      if (m[1].startsWith('.')) queue.push(normalize(join(dirname(file), m[1])));
    }
    for (const m of text.matchAll(DYNAMIC_IMPORT)) {
      if (m[1].startsWith('.')) dynamicImports.add(normalize(join(dirname(file), m[1])));
    }
  }
  return {
    chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes),
    totalBytes: chunks.reduce((s, c) => s + c.bytes, 0),
    totalGzipBytes: chunks.reduce((s, c) => s + c.gzipBytes, 0),
    dynamicImports: [...dynamicImports],
  };
}

function entryFiles(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return htmlScripts(html).map((src) => normalize(join(distDir, src.replace(/^\.?\//, ''))));
}

export function initialJs(distDir: string): InitialJs {
  const { chunks, totalBytes, totalGzipBytes } = staticClosure(distDir, entryFiles(distDir));
  let allJsGzipBytes = 0;
  const assets = join(distDir, 'assets');
  if (existsSync(assets)) {
    for (const entry of readdirJs(assets)) allJsGzipBytes += gzipSync(readFileSync(entry)).length;
  }
  return { chunks, totalBytes, totalGzipBytes, allJsGzipBytes };
}

/**
 * The JavaScript the browser has fetched when the default scene can first render: the initial
 * JS plus the engine chunk the entry imports dynamically, with its static imports. Throws when
 * the entry has no engine chunk among its dynamic imports (the split was undone or renamed).
 */
export function jsBeforeFirstScene(distDir: string): JsSet & { engineChunk: string } {
  const entry = staticClosure(distDir, entryFiles(distDir));
  const engine = entry.dynamicImports.find((f) => ENGINE_CHUNK.test(basename(f)));
  if (!engine) {
    const inEntry = entry.chunks.length > 0 ? entry.chunks.map((c) => c.file).join(', ') : 'none';
    throw new Error(`no engine-*.js among the entry's dynamic imports (entry chunks: ${inEntry}); is src/engine back in the entry?`);
  }
  const all = staticClosure(distDir, [...entryFiles(distDir), engine]);
  return { chunks: all.chunks, totalBytes: all.totalBytes, totalGzipBytes: all.totalGzipBytes, engineChunk: relative(distDir, engine) };
}

function readdirJs(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}
