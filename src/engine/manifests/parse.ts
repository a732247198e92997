// parseManifests: text a person pasted or loaded (multi-document YAML or JSON) in, API objects
// with their source positions out, and a diagnostic for every document that cannot be loaded or
// loads with a caveat. A bad document never stops the good ones, and nothing here ever throws.
//
// Flow per document, as `kubectl apply -f` meets it (cli-runtime StreamVisitor, then the
// mapper): YAML errors -> empty documents skipped -> List unpacked into items -> apiVersion/kind
// present -> the kind is served (or a config file, removed, alpha, unknown).
import { isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic, KubeObject, SourceRange } from '../api/types';
import { classify, unsupportedNote } from './classify';
import { INVALID_OBJECT, STDIN_SOURCE, typeMetaErrors, validationFailed } from './kubectlMessages';
import { fieldNode, lineSpan, makeLocator, nodeStart, positionAt, type FieldPath, type LineIndex, type Position } from './locate';
import { documentToPlain } from './toPlain';
import { findKeyProblems, firstAliasOffset, readYamlDocuments, rootNode, syntaxDiagnostics } from './yamlText';

export interface ParsedDocument {
  object: KubeObject;
  source: SourceRange;
  /** The 1-based position of the key at `path` (or of its nearest existing ancestor). */
  locate(path: FieldPath): Position;
}

export interface ParseResult {
  /** Objects for the API server, in text order. */
  documents: ParsedDocument[];
  /** Configuration for the simulation itself: ClusterConfig, KubeProxyConfiguration, KubeSchedulerConfiguration. */
  configDocuments: ParsedDocument[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** The file name to show in messages and positions; kubectl says STDIN for pasted text. */
  file?: string;
  /** Refuse larger input, in UTF-8 bytes. Default 5 MiB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Nested Lists are legal but never deep in practice; the bound keeps hostile input finite. */
const MAX_LIST_DEPTH = 4;

interface Context {
  doc: Document.Parsed;
  lines: LineIndex;
  file: string | undefined;
  source: string;
  document: number;
  result: ParseResult;
}

/** UTF-8 length of `text`, counting only as far as needed to know it exceeds `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // cannot exceed: at most 3 bytes per UTF-16 unit
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

function addDiagnostic(
  ctx: Pick<Context, 'file' | 'document' | 'result'>,
  at: Position,
  severity: Diagnostic['severity'],
  code: Diagnostic['code'],
  message: string,
): void {
  const d: Diagnostic = { document: ctx.document, line: at.line, column: at.column, severity, code, message };
  if (ctx.file !== undefined) d.file = ctx.file;
  ctx.result.diagnostics.push(d);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function stringField(obj: Record<string, unknown> | undefined, key: string): string {
  const v = obj?.[key];
  return typeof v === 'string' ? v : '';
}

/** kubectl's decoder fills in each item's apiVersion and kind from a typed list (PodList -> Pod). */
function withInferredType(item: unknown, listApiVersion: unknown, itemKind: string): unknown {
  if (!isPlainObject(item) || itemKind === '') return item;
  const hasKind = typeof item.kind === 'string' && item.kind !== '';
  const hasApiVersion = typeof item.apiVersion === 'string' && item.apiVersion !== '';
  if (hasKind || hasApiVersion) return item;
  return { apiVersion: listApiVersion, kind: itemKind, ...item };
}

function loadObject(ctx: Context, value: unknown, node: Node, item: number | undefined, depth: number): void {
  const locate = makeLocator(ctx.doc, node, ctx.lines);
  const start = positionAt(ctx.lines, nodeStart(node) ?? 0);
  if (!isPlainObject(value)) {
    addDiagnostic(ctx, start, 'error', 'not-an-object',
      `${validationFailed(ctx.source, [INVALID_OBJECT])}\nA manifest must be a mapping (key: value) with apiVersion and kind; this is ${describe(value)}.`);
    return;
  }

  // `kind: List` (what kubectl get -o yaml prints) and typed lists like PodList carry items.
  // apimachinery's unstructured decoder treats an object with `items` as a list.
  const kind = value.kind;
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
    if (depth >= MAX_LIST_DEPTH) {
      addDiagnostic(ctx, start, 'error', 'not-an-object', `Lists nested more than ${MAX_LIST_DEPTH} deep are not read.`);
      return;
    }
    const itemsNode = fieldNode(ctx.doc, node, ['items']);
    const itemNodes = isSeq(itemsNode) ? itemsNode.items : [];
    value.items.forEach((entry, j) => {
      const itemNode = (itemNodes[j] as Node | undefined) ?? node;
      loadObject(ctx, withInferredType(entry, value.apiVersion, kind.slice(0, -'List'.length)), itemNode, item ?? j, depth + 1);
    });
    return;
  }

  const typeErrors = typeMetaErrors(value.apiVersion, value.kind);
  if (typeErrors.length > 0) {
    addDiagnostic(ctx, start, 'error', 'missing-apiversion-kind', validationFailed(ctx.source, typeErrors));
    return;
  }
  const apiVersion = value.apiVersion as string;
  const kindName = value.kind as string;

  let metadata = value.metadata;
  if (metadata === undefined || metadata === null) metadata = {};
  if (!isPlainObject(metadata)) {
    addDiagnostic(ctx, locate(['metadata']), 'error', 'invalid-value',
      `metadata must be a mapping (name, namespace, labels, ...), not ${describe(metadata)}.`);
    return;
  }

  const verdict = classify({
    apiVersion,
    kind: kindName,
    name: stringField(metadata, 'name'),
    namespace: stringField(metadata, 'namespace'),
    source: ctx.source,
  });
  if (verdict.type === 'rejected') {
    addDiagnostic(ctx, locate([verdict.field]), 'error', verdict.code, verdict.message);
    return;
  }

  const source: SourceRange = { document: ctx.document, ...lineSpan(ctx.lines, node) };
  if (ctx.file !== undefined) source.file = ctx.file;
  if (item !== undefined) source.item = item;
  const parsed: ParsedDocument = { object: { ...value, metadata } as KubeObject, source, locate };
  if (verdict.type === 'engine-config') {
    ctx.result.configDocuments.push(parsed);
    return;
  }
  ctx.result.documents.push(parsed);
  if (!verdict.info.modelled) addDiagnostic(ctx, locate(['kind']), 'info', 'unsupported', unsupportedNote(verdict.info));
}

function loadDocument(ctx: Context): void {
  const { doc, lines } = ctx;
  const syntax = syntaxDiagnostics(doc, lines, { file: ctx.file, document: ctx.document });
  ctx.result.diagnostics.push(...syntax);
  if (doc.errors.length > 0) return;

  const root = rootNode(doc);
  if (!root) return; // empty, comment-only or null: kubectl skips these too

  const keyProblems = findKeyProblems(doc, lines, { file: ctx.file, document: ctx.document });
  if (keyProblems.length > 0) {
    ctx.result.diagnostics.push(...keyProblems);
    return;
  }

  const plain = documentToPlain(doc, doc.range[2] - doc.range[0]);
  if (!plain.ok) {
    const at = positionAt(lines, firstAliasOffset(doc) ?? nodeStart(root) ?? 0);
    addDiagnostic(ctx, at, 'error', 'alias-limit', plain.message);
    return;
  }

  if (Array.isArray(plain.value) && isSeq(root)) {
    // Not what kubectl accepts, but an obvious intent; load the items and say so.
    addDiagnostic(ctx, positionAt(lines, nodeStart(root) ?? 0), 'warning', 'not-an-object',
      `This document is a list, not an object; kubectl refuses it ("${INVALID_OBJECT}"). ` +
      'Kubeglass reads its items as if they were in a kind: List.');
    plain.value.forEach((entry, j) => loadObject(ctx, entry, (root.items[j] as Node | undefined) ?? root, j, 1));
    return;
  }
  loadObject(ctx, plain.value, root, undefined, 0);
}

export function parseManifests(text: string, opts: ParseOptions = {}): ParseResult {
  const result: ParseResult = { documents: [], configDocuments: [], diagnostics: [] };
  const file = opts.file;
  const source = file ?? STDIN_SOURCE;
  const outer = { file, document: 0, result };
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;

  const input = typeof text === 'string' ? text : '';
  const size = utf8Length(input, maxBytes);
  if (size > maxBytes) {
    addDiagnostic(outer, { line: 1, column: 1 }, 'error', 'too-large',
      `The text is larger than ${formatMiB(maxBytes)}, the most Kubeglass reads at a time; split it into smaller files.`);
    return result;
  }

  let documents: Document.Parsed[];
  let lines: LineIndex;
  try {
    ({ documents, lines } = readYamlDocuments(input));
  } catch (error) {
    addDiagnostic(outer, { line: 1, column: 1 }, 'error', 'yaml-syntax', `The text could not be read as YAML: ${String(error)}`);
    return result;
  }

  documents.forEach((doc, document) => {
    const ctx: Context = { doc, lines, file, source, document, result };
    try {
      loadDocument(ctx);
    } catch (error) {
      // A guard, not a path we expect: e.g. nesting so deep that a recursive step overflows.
      const at = positionAt(lines, doc.range[0]);
      const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error);
      addDiagnostic(ctx, at, 'error', 'yaml-syntax', `Kubeglass could not read this document: ${reason}.`);
    }
  });
  return result;
}
