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
