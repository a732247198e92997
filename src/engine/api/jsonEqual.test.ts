import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonEqual, shareUnchanged } from './jsonEqual';

/** The definition jsonEqual must agree with: JSON text with sorted keys. */
function sortedJson(v: unknown): string | undefined {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
}

describe('jsonEqual', () => {
  it('ignores key order and undefined members, as JSON does', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: {} }, { a: [] })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
  });

  it('agrees with comparing sorted-key JSON text on arbitrary values (property)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', ''), fc.constant(Number.NaN)),
      arr: fc.array(tie('node'), { maxLength: 3 }),
      obj: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
    })).node;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(sortedJson(a) === sortedJson(b));
        expect(jsonEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shareUnchanged', () => {
  it('reuses the unchanged parts of the previous version and keeps the changed ones', () => {
    const prev = { spec: { containers: [{ name: 'a', image: 'x' }], nodeName: undefined }, status: { phase: 'Pending' } };
    const next = structuredClone({ spec: { containers: [{ name: 'a', image: 'x' }], nodeName: 'n1' }, status: { phase: 'Pending' } });
    const out = shareUnchanged(next, prev);
    expect(out.spec).not.toBe(prev.spec);
    expect(out.spec.containers).toBe(prev.spec.containers);
    expect(out.status).toBe(prev.status);
    expect(out.spec.nodeName).toBe('n1');
    expect(shareUnchanged(structuredClone(prev), prev)).toBe(prev);
  });

  it('always yields a value equal to the new one and never changes the old one (property)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.constantFrom('a', 'b')),
      arr: fc.array(tie('node'), { maxLength: 3 }),
      obj: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
    })).node;
    fc.assert(
      fc.property(value, value, (next, prev) => {
        const prevText = JSON.stringify(prev);
        const expected = JSON.stringify(next);
        const out = shareUnchanged(structuredClone(next), prev);
        expect(jsonEqual(out, JSON.parse(expected))).toBe(true);
        expect(JSON.stringify(prev)).toBe(prevText);
      }),
      { numRuns: 2000 },
    );
  });
});
