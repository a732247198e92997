// Maps a field path inside a parsed object back to a line and column of the user's text, so a
// validation error about spec.template.spec.containers[0].image points at that line. It keeps the
// YAML node tree and the line table (not the text), and walks the tree only when asked.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/**
 * The offsets where lines start, built from the text itself (lines end at \n). We keep our own
 * rather than the yaml package's LineCounter, which only learns the lines its lexer reached and
 * can misplace positions after a syntax error.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Where `offset` is, 1-based; offsets outside the text are clamped to it. */
  position(offset: number): Position {
    const at = Math.min(Math.max(0, Math.floor(offset) || 0), this.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo] + 1 };
  }
}

/** Where `offset` is in the text, 1-based. */
export function positionAt(lines: LineIndex, offset: number): Position {
  return lines.position(offset);
}

/** The start offset of a node, or undefined for nodes without a range (never in parsed input). */
export function nodeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range ? range[0] : undefined;
}

/** Follows an alias to the node it names; other nodes come back unchanged. */
function deref(doc: Document.Parsed, node: unknown): unknown {
  // Aliases can only name earlier anchors, so a chain is short; the bound is a guard.
  let current = node;
  for (let hops = 0; hops < 16 && isAlias(current); hops++) current = current.resolve(doc);
  return current;
}

/** A mapping key as JSON names it; `<<` for a YAML 1.1 merge key (the yaml package uses a symbol). */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.value === 'symbol' ? '<<' : String(key.value);
}

/** The value node under `segment` in a mapping, looking through `<<` merge keys like YAML 1.1. */
function child(
  doc: Document.Parsed,
  node: unknown,
  segment: string | number,
  mergeDepth = 0,
): { keyNode: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const name = String(segment);
    for (const pair of node.items) {
      if (keyText(pair.key) === name) return { keyNode: pair.key, value: pair.value };
    }
    // Merges can nest, and an anchor can even merge itself; the depth bound keeps that finite.
    if (mergeDepth > 8) return undefined;
    for (const pair of node.items) {
      if (keyText(pair.key) !== '<<') continue;
      const merged = deref(doc, pair.value);
      const sources = isSeq(merged) ? merged.items : [merged];
      for (const source of sources) {
        const found = child(doc, deref(doc, source), segment, mergeDepth + 1);
        // A field inherited through a merge points at the `<<` line, where the user wrote it.
        if (found) return { keyNode: pair.key, value: found.value };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
    const item = node.items[segment];
    return { keyNode: item, value: item };
  }
  return undefined;
}

/**
 * Builds `locate(path)` for one object: the position of the deepest key on `path` that exists
 * (the key itself for mappings, the item for sequences), or of the object when none does.
 */
export function makeLocator(doc: Document.Parsed, root: Node, lines: LineIndex): (path: FieldPath) => Position {
  return (path) => {
    let offset = nodeStart(root) ?? 0;
    let node: unknown = deref(doc, root);
    for (const segment of path) {
      const found = child(doc, node, segment);
      if (!found) break;
      offset = nodeStart(found.keyNode) ?? offset;
      node = deref(doc, found.value);
    }
    return positionAt(lines, offset);
  };
}

/** The YAML node holding the value at `path` under `root`, with aliases followed. */
export function fieldNode(doc: Document.Parsed, root: unknown, path: FieldPath): unknown {
  let node: unknown = deref(doc, root);
  for (const segment of path) {
    const found = child(doc, node, segment);
    if (!found) return undefined;
    node = deref(doc, found.value);
  }
  return node;
}

/** First and last line of a node, 1-based and inclusive. */
export function lineSpan(lines: LineIndex, node: unknown): { startLine: number; endLine: number } {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  if (!range) return { startLine: 1, endLine: 1 };
  const startLine = positionAt(lines, range[0]).line;
  // range[1] is where the value ends (exclusive); a block value's end sits after its newline.
  const endLine = positionAt(lines, Math.max(range[0], range[1] - 1)).line;
  return { startLine, endLine: Math.max(startLine, endLine) };
}
