import { describe, expect, it } from 'vitest';
import { boundedMemo } from './memo';

describe('boundedMemo', () => {
  it('computes each input once while it is remembered', () => {
    const calls: string[] = [];
    const upper = boundedMemo(10, (s) => (calls.push(s), s.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('drops the oldest half when full, and recomputes what it dropped', () => {
    const calls: string[] = [];
    const id = boundedMemo(4, (s) => (calls.push(s), s));
    for (const s of ['1', '2', '3', '4', '5']) id(s); // '5' evicts '1' and '2'
    calls.length = 0;
    for (const s of ['3', '4', '5', '1', '2']) id(s);
    expect(calls).toEqual(['1', '2']);
  });

  it('remembers undefined answers too', () => {
    let n = 0;
    const none = boundedMemo(4, () => (n++, undefined));
    none('x');
    none('x');
    expect(n).toBe(1);
  });
});
