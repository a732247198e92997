import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, parseAllDocuments } from 'yaml';
import { parseManifests } from './parse';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: &l {app: web}
spec:
  selector: {matchLabels: *l}
  template:
    metadata: {labels: *l}
    spec:
      containers:
      - name: app
        image: nginx
---
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}
`;

/** Pieces that make YAML interesting: structure, anchors, tags, quotes, Kubernetes keys. */
const token = fc.constantFrom(
  'a', 'kind', ':', ': ', ' ', '  ', '\n', '\r\n', '\t', '-', '- ', '---\n', '...\n', '[', ']', '{', '}', ',', '&x ', '*x', '<<: ',
  '"', "'", '#', '|', '>', '? ', '!!binary ', '!!set ', '%YAML 1.2\n', 'apiVersion: v1\n', 'kind: Pod\n', 'kind: List\n',
  'items:\n', 'metadata:\n', '  name: x\n', '0644', 'yes', '~', 'null', '€', '\u0000', '\uFEFF',
);
const yamlish = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));
const mutated = fc
  .tuple(fc.nat({ max: manifest.length }), fc.nat({ max: 20 }), fc.array(token, { maxLength: 5 }))
  .map(([at, cut, parts]) => manifest.slice(0, at) + parts.join('') + manifest.slice(Math.min(manifest.length, at + cut)));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }), yamlish, mutated);
const path = fc.array(fc.oneof(fc.constantFrom('spec', 'metadata', 'name', 'items', 'containers', 'kind'), fc.nat({ max: 3 })), { maxLength: 6 });

function inside(text: string, line: number, column: number): boolean {
  const lines = text.split('\n');
  return Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1;
}

describe('parseManifests on arbitrary text', () => {
  it('never throws, and every position it returns is inside the text', () => {
    fc.assert(
      fc.property(anyText, path, (text, somePath) => {
        const r = parseManifests(text);
        for (const d of r.diagnostics) expect(inside(text, d.line, d.column), JSON.stringify(d)).toBe(true);
        for (const doc of [...r.documents, ...r.configDocuments]) {
          const lineCount = text.split('\n').length;
          expect(doc.source.startLine).toBeGreaterThanOrEqual(1);
          expect(doc.source.endLine).toBeGreaterThanOrEqual(doc.source.startLine);
          expect(doc.source.endLine).toBeLessThanOrEqual(lineCount);
          const at = doc.locate(somePath);
          expect(inside(text, at.line, at.column)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('returns objects that are plain JSON (no cycles, no Dates, no Buffers)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const doc of parseManifests(text).documents) {
          expect(JSON.parse(JSON.stringify(doc.object))).toEqual(doc.object);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('loads or diagnoses every non-empty document: nothing disappears silently', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, yamlish), (text) => {
        const r = parseManifests(text);
        const seen = new Set([...r.documents, ...r.configDocuments].map((d) => d.source.document));
        for (const d of r.diagnostics) if (d.severity !== 'info') seen.add(d.document);
        // An independent reading: which documents hold something?
        parseAllDocuments(text, { version: '1.1' }).forEach((doc, i) => {
          if (doc.errors.length > 0) return void expect(seen.has(i)).toBe(true);
          const c = doc.contents;
          if (c === null || (isScalar(c) && c.value === null)) return;
          const js = (() => { try { return doc.toJS({ maxAliasCount: 1000 }); } catch { return undefined; } })();
          const emptyList = typeof js?.kind === 'string' && js.kind.endsWith('List') && Array.isArray(js.items) && js.items.length === 0;
          if (!emptyList) expect(seen.has(i), `document ${i}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
