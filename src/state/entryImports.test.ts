// The app's initial JavaScript must not contain the engine (issue 6): src/engine and the `yaml`
// parser load as their own chunk through engineLoader.ts. This follows every static value import
// from src/main.tsx (type-only imports are erased, dynamic `import()` is a chunk boundary) and
// fails with the import chain that pulls either back into the entry chunk.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Module specifiers a file imports for their values (what a bundler keeps). */
function staticValueImports(source: string, fileName = 'file.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      out.push((st.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) {
      out.push((st.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

/** Import chains from `entry` to every local module or package matched by `banned`. */
function chainsTo(entry: string, banned: (target: string) => boolean): string[] {
  const parent = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  const hits: string[] = [];
  const chain = (file: string, last?: string) => {
    const parts = last ? [last] : [];
    for (let f: string | undefined = file; f; f = parent.get(f)) parts.unshift(relative(ROOT, f));
    return parts.join(' -> ');
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of staticValueImports(readFileSync(file, 'utf8'), file)) {
      if (!spec.startsWith('.')) {
        if (banned(spec)) hits.push(chain(file, spec));
        continue;
      }
      const target = resolveLocal(file, spec);
      if (!target || parent.has(target)) continue;
      if (banned(relative(ROOT, target))) {
        hits.push(chain(file, relative(ROOT, target)));
        continue;
      }
      parent.set(target, file);
      queue.push(target);
    }
  }
  return hits;
}

describe('the entry chunk', () => {
  it('reaches neither src/engine nor the yaml parser through static value imports', () => {
    const hits = chainsTo(resolve(ROOT, 'src/main.tsx'), (t) => t.startsWith('src/engine/') || t === 'yaml' || t.startsWith('yaml/'));
    expect(hits).toEqual([]);
  });

  it.each([
    ["import type { Snapshot } from '../engine';", []],
    ["import { type Snapshot, type WatchEvent } from '../engine';", []],
    ["import { humanDuration, type Snapshot } from '../engine';", ['../engine']],
    ["export { keyOf } from '../engine';", ['../engine']],
    ["export type { Snapshot } from '../engine';", []],
    ["const e = import('../engine');", []],
    ["import '../engine';", ['../engine']],
  ])('counts %s as %j', (source, expected) => {
    expect(staticValueImports(source)).toEqual(expected);
  });
});
