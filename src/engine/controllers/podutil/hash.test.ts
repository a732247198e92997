import { describe, expect, it } from 'vitest';
import { canonicalJson, computeHash, fnv32a, safeEncodeString } from './hash';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('template hashes (controller_utils.go ComputeHash, util/rand SafeEncodeString)', () => {
  it('matches the FNV-1a 32-bit reference vectors', () => {
    // Test vectors from the FNV reference (Go's hash/fnv tests use the same).
    expect(fnv32a(bytes(''))).toBe(0x811c9dc5);
    expect(fnv32a(bytes('a'))).toBe(0xe40c292c);
    expect(fnv32a(bytes('foobar'))).toBe(0xbf9cf968);
  });

  it('maps decimal digits onto the alphanums alphabet as SafeEncodeString does', () => {
    // alphanums = "bcdfghjklmnpqrstvwxz2456789"; '0' is byte 48, 48 % 27 = 21 -> '4'.
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is stable for equal templates whatever the key order, and changes with the template', () => {
    const a = { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    const b = { spec: { containers: [{ image: 'nginx', name: 'app' }] }, metadata: { labels: { tier: 'fe', app: 'web' } } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(computeHash(a)).toBe(computeHash(b));
    expect(computeHash(a)).not.toBe(computeHash({ ...a, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } }));
    expect(computeHash(a)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('changes when a collisionCount is mixed in', () => {
    const t = { spec: { containers: [] } };
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
    expect(computeHash(t, 1)).not.toBe(computeHash(t, 2));
    expect(computeHash(t, 0)).not.toBe(computeHash(t));
  });
});
