// Turns a parsed YAML document into plain JSON values (objects, arrays, strings, numbers,
// booleans, null) and refuses documents whose aliases would blow up: the classic "billion
// laughs" nests anchors so a few hundred bytes expand to billions of nodes. go-yaml stops such
// documents too ("yaml: document contains excessive aliasing", the fix for CVE-2019-11253).
import type { Document } from 'yaml';

export type PlainResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'alias-limit' | 'alias-cycle'; message: string };

/** How many alias expansions the yaml package may perform in one document (its default is 100). */
export const MAX_ALIAS_COUNT = 1000;

/** Values a document may expand to: generous for real manifests, tiny next to a bomb. */
export function nodeBudget(documentLength: number): number {
  return 10_000 + 4 * documentLength;
}

class BudgetExceeded extends Error {}
class CycleFound extends Error {}

function bytesToBase64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}

/**
 * Copies `value` into fresh plain JSON. The yaml package shares one JS object between an anchor
 * and its aliases; a copy per use is what a JSON object holds, so the budget counts every copy.
 */
function copyPlain(value: unknown, budget: { left: number }, ancestors: Set<object>): unknown {
  if (--budget.left < 0) throw new BudgetExceeded();
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN or Infinity; keep YAML's spelling (.nan, .inf) as text.
      return Number.isFinite(value) ? value : Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  const obj = value as object;
  // !!binary: Kubernetes writes bytes in JSON as base64 (Secret data), so that is what we keep.
  // (No Dates reach here: the timestamp tag is left out when parsing, see yamlText.ts.)
  if (obj instanceof Uint8Array) return bytesToBase64(obj);
  if (ancestors.has(obj)) throw new CycleFound();
  ancestors.add(obj);
  try {
    if (Array.isArray(obj) || obj instanceof Set) {
      const out: unknown[] = [];
      for (const item of obj) out.push(copyPlain(item, budget, ancestors));
      return out;
    }
    const out: Record<string, unknown> = {};
    const entries = obj instanceof Map ? Array.from(obj.entries()) : Object.entries(obj);
    for (const [key, item] of entries) out[String(key)] = copyPlain(item, budget, ancestors);
    return out;
  } finally {
    ancestors.delete(obj);
  }
}

const ALIAS_LIMIT_MESSAGE =
  'Too many alias expansions: the *aliases in this document would copy their &anchors into a huge ' +
  'tree (a "billion laughs" bomb?). Kubeglass stops here; kubectl also refuses with ' +
  '"yaml: document contains excessive aliasing".';

/** The document as plain JSON, or why it cannot be expanded. */
export function documentToPlain(doc: Document.Parsed, documentLength: number): PlainResult {
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) return { ok: false, reason: 'alias-limit', message: ALIAS_LIMIT_MESSAGE };
    throw error;
  }
  try {
    return { ok: true, value: copyPlain(raw, { left: nodeBudget(documentLength) }, new Set()) };
  } catch (error) {
    if (error instanceof BudgetExceeded) return { ok: false, reason: 'alias-limit', message: ALIAS_LIMIT_MESSAGE };
    if (error instanceof CycleFound) {
      return {
        ok: false,
        reason: 'alias-cycle',
        message: 'An *alias refers to a node that contains it, so the document would be infinite.',
      };
    }
    throw error;
  }
}
