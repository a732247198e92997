// Equality of two values as JSON documents: what `JSON.stringify` of both with sorted keys
// would say, without building either string. Writers compare a freshly computed status with
// the stored one before every write (a no-op write must not bump resourceVersion), thousands of
// times per virtual second in a large cluster; shared subtrees compare by identity at once.

/** True when both values serialise to the same JSON (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = asJson(a);
  const y = asJson(b);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(inArray(x[i]), inArray(y[i]))) return false;
    return true;
  }
  if (Array.isArray(y)) return false;
  const ox = x as Record<string, unknown>;
  const oy = y as Record<string, unknown>;
  let count = 0;
  for (const k in ox) {
    if (!Object.prototype.hasOwnProperty.call(ox, k) || omitted(ox[k])) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(oy, k) || !jsonEqual(ox[k], oy[k])) return false;
  }
  for (const k in oy) if (Object.prototype.hasOwnProperty.call(oy, k) && !omitted(oy[k])) count--;
  return count === 0;
}

/** Object members JSON.stringify leaves out. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Array elements JSON.stringify writes as null. */
function inArray(v: unknown): unknown {
  return omitted(v) ? null : v;
}

/** Scalars as JSON sees them: non-finite numbers are null; objects with toJSON use it. */
function asJson(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON: () => unknown }).toJSON();
  return v;
}

/**
 * Structural sharing for a freshly copied value: every subtree of `next` that equals (as JSON)
 * the subtree at the same place in `prev` is replaced by prev's, so versions of an object share
 * what did not change (memory: the event log keeps every version; speed: identity checks and
 * memos keyed by object). `next` must be the writer's own copy — it is updated in place — and
 * nothing shared may be mutated afterwards (stored objects never are).
 */
export function shareUnchanged<T>(next: T, prev: unknown): T {
  return share(next, prev).value as T;
}

function share(next: unknown, prev: unknown): { value: unknown; same: boolean } {
  if (next === prev) return { value: next, same: true };
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return { value: next, same: jsonEqual(next, prev) };
  if (Array.isArray(next) !== Array.isArray(prev)) return { value: next, same: false };
  let same = true;
  if (Array.isArray(next)) {
    const p = prev as unknown[];
    for (let i = 0; i < next.length; i++) {
      const r = share(next[i], p[i]);
      next[i] = r.value;
      same &&= r.same && i < p.length;
    }
    same &&= next.length === p.length;
    return same ? { value: prev, same } : { value: next, same };
  }
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  let present = 0;
  for (const k of Object.keys(n)) {
    const r = share(n[k], p[k]);
    n[k] = r.value;
    same &&= r.same;
    if (n[k] !== undefined) present++;
  }
  if (same) for (const k of Object.keys(p)) if (p[k] !== undefined) present--;
  same &&= present === 0;
  return same ? { value: prev, same } : { value: next, same };
}
