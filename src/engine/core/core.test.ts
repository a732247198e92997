import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng, NAME_ALPHABET } from './rng';
import { EventQueue } from './eventQueue';
import { asctime, humanDuration, isoAt, parseDuration, virtualMsOf } from './time';
import { newUid } from './uid';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('resumes from a saved state exactly', () => {
    const a = new Rng(7);
    a.next();
    const saved = a.state();
    const next = [a.next(), a.next()];
    const resumed = new Rng(saved);
    expect([resumed.next(), resumed.next()]).toEqual(next);
  });

  it('generates names only from the Kubernetes alphabet that cannot spell words', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) {
      const s = rng.string(5);
      expect(s).toHaveLength(5);
      for (const ch of s) expect(NAME_ALPHABET).toContain(ch);
    }
    expect(NAME_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
  });

  it('keeps intn inside [0, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const r = new Rng(seed);
        const v = r.intn(n);
        return Number.isInteger(v) && v >= 0 && v < n;
      }),
    );
  });

  it('makes version-4 UUIDs', () => {
    const uid = newUid(new Rng(3));
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('EventQueue', () => {
  it('runs tasks by time, and tasks due at the same time in the order they were scheduled', () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(10, 'a', () => order.push('a@10'));
    q.push(5, 'b', () => order.push('b@5'));
    q.push(10, 'c', () => order.push('c@10'));
    q.push(0, 'd', () => order.push('d@0'));
    q.push(5, 'e', () => order.push('e@5'));
    while (q.size) q.pop()!.run();
    expect(order).toEqual(['d@0', 'b@5', 'e@5', 'a@10', 'c@10']);
  });
});

describe('virtual time', () => {
  it('formats RFC 3339 timestamps from the fixed epoch and parses them back', () => {
    expect(isoAt(0)).toBe('2026-01-01T00:00:00Z');
    expect(isoAt(86_400_000 * 59 + 3_723_000)).toBe('2026-03-01T01:02:03Z');
    expect(virtualMsOf('2026-03-01T01:02:03Z')).toBe(86_400_000 * 59 + 3_723_000);
    expect(virtualMsOf('2026-01-01T01:00:00+01:00')).toBe(0);
    fc.assert(fc.property(fc.integer({ min: -(10 ** 11), max: 10 ** 12 }), (ms) => virtualMsOf(isoAt(ms)) === Math.floor(ms / 1000) * 1000));
  });

  it('prints C ctime() dates as iptables-save headers show them', () => {
    expect(asctime(5_000)).toBe('Thu Jan  1 00:00:05 2026');
    expect(asctime(86_400_000 * 40 + 3_600_000)).toBe('Tue Feb 10 01:00:00 2026');
  });

  it('parses Go-style durations', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('10 minutes')).toBeUndefined();
  });

  it.each([
    [59_000, '59s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [3 * 3_600_000 - 1000, '179m'],
    [3 * 3_600_000, '3h'],
    [3 * 3_600_000 + 5 * 60_000, '3h5m'],
    [8 * 3_600_000, '8h'],
    [48 * 3_600_000, '2d'],
    [50 * 3_600_000, '2d2h'],
    [10 * 86_400_000, '10d'],
  ])('prints %i ms as kubectl AGE %s (apimachinery duration.HumanDuration)', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
