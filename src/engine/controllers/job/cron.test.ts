import { describe, expect, it } from 'vitest';
import { CronParseError, nextActivation, parseCron, rfc1123z, unixMinutes } from './cron';
import { EPOCH_MS, isoAt, virtualMsOf } from '../../core/time';

const at = (iso: string) => virtualMsOf(iso)!;
const next = (spec: string, after: string) => {
  const t = nextActivation(parseCron(spec), at(after));
  return t === undefined ? undefined : isoAt(t);
};

describe('cron schedule parsing (robfig/cron/v3 ParseStandard)', () => {
  // robfig/cron spec_test.go TestNext / parser_test.go cases.
  it.each([
    ['*/5 * * * *', '2026-01-01T00:02:30Z', '2026-01-01T00:05:00Z'],
    ['0 * * * *', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z'],
    ['@hourly', '2026-01-01T10:59:59Z', '2026-01-01T11:00:00Z'],
    ['@daily', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'],
    ['@weekly', '2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z'], // 2026-01-04 is a Sunday
    ['@monthly', '2026-01-15T00:00:00Z', '2026-02-01T00:00:00Z'],
    ['@yearly', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['30 9 * * MON-FRI', '2026-01-02T10:00:00Z', '2026-01-05T09:30:00Z'], // Fri after 9:30 -> Mon
    ['0 0 29 2 *', '2026-01-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['15 14 1 * *', '2026-01-01T14:15:00Z', '2026-02-01T14:15:00Z'],
    ['0 22 * * 1-5', '2026-01-03T00:00:00Z', '2026-01-05T22:00:00Z'],
    ['0 0 1,15 * 3', '2026-01-02T00:00:00Z', '2026-01-07T00:00:00Z'], // dom OR dow when both restricted
    ['5 4 * jan,jul *', '2026-02-01T00:00:00Z', '2026-07-01T04:05:00Z'],
  ])('%s after %s fires at %s', (spec, after, expected) => {
    expect(next(spec, after)).toBe(expected);
  });

  it('returns nothing for a date that never exists', () => {
    expect(next('0 0 30 2 *', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it.each(['* * * *', '60 * * * *', '* 24 * * *', '5-1 * * * *', '@fortnightly', 'a * * * *'])('rejects %s', (spec) => {
    expect(() => parseCron(spec)).toThrow(CronParseError);
  });

  it('names a scheduled time in Unix minutes and RFC 1123Z', () => {
    expect(unixMinutes(0)).toBe(EPOCH_MS / 60000);
    expect(rfc1123z(at('2026-01-05T09:30:00Z'))).toBe('Mon, 05 Jan 2026 09:30:00 +0000');
  });
});
