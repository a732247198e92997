// Label selectors (apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector, and
// apimachinery/pkg/labels/selector.go for the string form kubectl -l takes).
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';

export type Labels = Record<string, string> | undefined;

// Controllers check the same stored selector against the same stored labels on every sync (a
// ReplicaSet of 10,000 pods syncs every few virtual ms while they start). Stored objects are
// never mutated, so the answer is kept per (labels, selector) object pair.
const selectorMemo = new WeakMap<object, WeakMap<object, boolean>>();

/** matchLabels and matchExpressions ANDed. A null selector matches nothing; an empty one everything. */
export function matchesSelector(selector: LabelSelector | null | undefined, labels: Labels): boolean {
  if (selector == null) return false;
  if (!labels) return evaluateSelector(selector, {});
  let bySelector = selectorMemo.get(labels);
  const known = bySelector?.get(selector);
  if (known !== undefined) return known;
  const result = evaluateSelector(selector, labels);
  if (!bySelector) selectorMemo.set(labels, (bySelector = new WeakMap()));
  bySelector.set(selector, result);
  return result;
}

function evaluateSelector(selector: LabelSelector, l: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (l[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    if (!matchesRequirement(req, l)) return false;
  }
  return true;
}

export function matchesRequirement(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** Equality-based map selector (Service.spec.selector, RC selector): every pair must match. */
export function matchesMap(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false;
  if (!labels) return evaluateMap(selector, {});
  let bySelector = mapMemo.get(labels);
  const known = bySelector?.get(selector);
  if (known !== undefined) return known;
  const result = evaluateMap(selector, labels);
  if (!bySelector) mapMemo.set(labels, (bySelector = new WeakMap()));
  bySelector.set(selector, result);
  return result;
}

/** Same memo as matchesSelector's, kept apart so a map never answers for a LabelSelector. */
const mapMemo = new WeakMap<object, WeakMap<object, boolean>>();

function evaluateMap(selector: Record<string, string>, l: Record<string, string>): boolean {
  for (const key in selector) if (l[key] !== selector[key]) return false;
  return true;
}

export interface ParsedRequirement {
  key: string;
  op: '=' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

/**
 * Parses kubectl's `-l` string: `app=web,tier!=db`, `env in (a,b)`, `!canary`, `release`.
 * Returns an error message in kubectl's spirit on bad input.
 */
export function parseSelectorString(text: string): ParsedRequirement[] | { error: string } {
  const out: ParsedRequirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || parts.length > 0) parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') return { error: `unable to parse requirement: found '', expected: identifier` };
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      out.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()).filter(Boolean) });
    } else if ((m = /^([\w./-]+)\s*(!=|==|=)\s*([\w.-]*)$/.exec(p))) {
      out.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] });
    } else if ((m = /^!\s*([\w./-]+)$/.exec(p))) {
      out.push({ key: m[1], op: '!', values: [] });
    } else if ((m = /^([\w./-]+)$/.exec(p))) {
      out.push({ key: m[1], op: 'exists', values: [] });
    } else {
      return { error: `unable to parse requirement: ${p}` };
    }
  }
  return out;
}

export function matchesParsed(reqs: ParsedRequirement[], labels: Labels): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case '=':
        return has && l[r.key] === r.values[0];
      case '!=':
        return !has || l[r.key] !== r.values[0];
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'exists':
        return has;
      case '!':
        return !has;
    }
  });
}
