// Back-off: client-go util/flowcontrol/backoff_test.go (TestSlowBackoff, TestBackoffGC) with the
// kubelet's 10 s / 300 s settings. Durations: Go's time.Duration.String (time_test.go durationTests).
import { describe, expect, it } from 'vitest';
import { backoffNext, formatGoDuration, isInBackoffSince, isInBackoffSinceUpdate, type BackoffEntry } from './backoff';

describe('crash-loop back-off', () => {
  it('doubles from 10s to a 5m cap', () => {
    let e: BackoffEntry | undefined;
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      e = backoffNext(e, i * 1000);
      seen.push(e.backoffMs / 1000);
    }
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('starts over when the entry has not been updated for twice the maximum (10 min)', () => {
    const e = backoffNext(backoffNext(undefined, 0), 1000); // 20 s
    expect(backoffNext(e, 1000 + 600_000).backoffMs).toBe(40_000);
    expect(backoffNext(e, 1000 + 600_001).backoffMs).toBe(10_000);
    expect(isInBackoffSince(e, 1000 + 600_001, 1000 + 600_002)).toBe(false);
  });

  it('is in back-off for the current duration after the event time', () => {
    const e = backoffNext(undefined, 5000);
    expect(isInBackoffSince(e, 5000, 14_999)).toBe(true);
    expect(isInBackoffSince(e, 5000, 15_000)).toBe(false);
    expect(isInBackoffSinceUpdate(e, 14_999)).toBe(true);
    expect(isInBackoffSinceUpdate(e, 15_000)).toBe(false);
    expect(isInBackoffSince(undefined, 0, 0)).toBe(false);
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1ms'],
    [812, '812ms'],
    [1000, '1s'],
    [1711, '1.711s'],
    [1500, '1.5s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
    [3_723_500, '1h2m3.5s'],
  ])('%i ms is %s', (ms, want) => {
    expect(formatGoDuration(ms)).toBe(want);
  });
});
