// The YAML layer of the manifest parser: splits text into documents with the `yaml` package and
// finds what makes a document unreadable before anything looks at its meaning — syntax errors,
// duplicate keys, keys that are mappings or lists. Nothing from the input is ever evaluated.
//
// Kubernetes tools read YAML with go-yaml v2 (sigs.k8s.io/yaml), which follows YAML 1.1: `0644`
// is octal 420, `yes`/`no`/`on`/`off`/`y`/`n` are booleans. We parse as YAML 1.1 for the same
// values, but keep timestamps as strings, as sigs.k8s.io/yaml does when it converts to JSON.
import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
} from 'yaml';
import type { Diagnostic } from '../api/types';
import { keyText, LineIndex, nodeStart, positionAt } from './locate';

export interface YamlText {
  documents: Document.Parsed[];
  lines: LineIndex;
}

/** Parses every document of `text`; errors stay on each document, so one bad document stops nothing. */
export function readYamlDocuments(text: string): YamlText {
  const lines = new LineIndex(text);
  const parsed = parseAllDocuments(text, {
    version: '1.1',
    merge: true,
    // Duplicate keys are found by findKeyProblems, which can say where the first one was.
    uniqueKeys: false,
    prettyErrors: false,
    logLevel: 'silent',
    customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
  });
  return { documents: Array.from(parsed as Iterable<Document.Parsed>), lines };
}

/** The yaml package's message without position suffixes or code frames, which we report apart. */
export function cleanYamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  const withoutPosition = firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  const text = withoutPosition || 'Invalid YAML';
  return text.endsWith('.') ? text : `${text}.`;
}

function diagnosticAt(
  lines: LineIndex,
  offset: number,
  base: Pick<Diagnostic, 'file' | 'document'>,
  severity: Diagnostic['severity'],
  code: Diagnostic['code'],
  message: string,
): Diagnostic {
  const { line, column } = positionAt(lines, offset);
  const d: Diagnostic = { document: base.document, line, column, severity, code, message };
  if (base.file !== undefined) d.file = base.file;
  return d;
}

const MAX_PROBLEMS_PER_DOCUMENT = 20;

/** Syntax errors (the document is not loaded) and warnings (it loads) from the yaml package. */
export function syntaxDiagnostics(
  doc: Document.Parsed,
  lines: LineIndex,
  base: Pick<Diagnostic, 'file' | 'document'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (problem: YAMLError, severity: Diagnostic['severity']) => {
    if (out.length >= MAX_PROBLEMS_PER_DOCUMENT) return;
    out.push(diagnosticAt(lines, problem.pos[0], base, severity, 'yaml-syntax', cleanYamlMessage(problem.message)));
  };
  for (const error of doc.errors) add(error, 'error');
  if (doc.errors.length === 0) for (const warning of doc.warnings) add(warning, 'warning');
  return out;
}


/**
 * Duplicate keys and non-scalar keys, in document order. A duplicate key is an error, as in
 * go-yaml v3 (kustomize, kubectl apply -k: `mapping key "x" already defined at line N`); a key
 * that is a mapping or list (often an unrendered `{{ template }}`) is one for go-yaml v2 too
 * (`invalid map key`), since JSON object keys are strings.
 */
export function findKeyProblems(
  doc: Document.Parsed,
  lines: LineIndex,
  base: Pick<Diagnostic, 'file' | 'document'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // An explicit stack, not recursion: nesting depth is the user's choice.
  const stack: { node: unknown; path: string }[] = [{ node: doc.contents, path: '' }];
  while (stack.length > 0 && out.length < MAX_PROBLEMS_PER_DOCUMENT) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      const seen = new Map<string, Pair>();
      for (const pair of node.items) {
        const key: unknown = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        const at = nodeStart(pair.key) ?? nodeStart(node) ?? 0;
        if (isCollection(key)) {
          out.push(diagnosticAt(lines, at, base, 'error', 'yaml-syntax',
            `A mapping key${path ? ` in ${path}` : ''} is itself a ${isMap(key) ? 'mapping' : 'list'}` +
            ' (an unrendered {{ template }}?); Kubernetes objects need plain keys.'));
          continue;
        }
        const name = keyText(key) ?? '?';
        if (name === '<<') continue; // merge keys may repeat
        const first = seen.get(name);
        if (first) {
          const firstLine = positionAt(lines, nodeStart(first.key) ?? 0).line;
          out.push(diagnosticAt(lines, at, base, 'error', 'duplicate-key',
            `mapping key "${name}" already defined at line ${firstLine}${path ? ` (in ${path})` : ''}.`));
        } else {
          seen.set(name, pair);
        }
        stack.push({ node: pair.value, path: path ? `${path}.${name}` : name });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: `${path}[${i}]` }));
    }
  }
  // The stack visits later siblings first; report in the order a reader meets them.
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The first alias in a document, where an alias-expansion problem is reported. */
export function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let best: number | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const at = nodeStart(node);
      if (at !== undefined && (best === undefined || at < best)) best = at;
    } else if (isMap(node)) {
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return best;
}

/** The document's root node, or undefined when the document is empty, comment-only or `null`. */
export function rootNode(doc: Document.Parsed): Node | undefined {
  const contents = doc.contents;
  if (contents === null || contents === undefined) return undefined;
  if (isScalar(contents) && contents.value === null) return undefined;
  return contents as Node;
}
