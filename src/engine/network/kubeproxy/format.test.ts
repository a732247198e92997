import { describe, expect, it } from 'vitest';
import { formatFixed, goHex08, probabilityString, savedProbabilityString } from './format';

describe('probability formatting', () => {
  // pkg/proxy/iptables/proxier.go computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n)).
  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [4, '0.2500000000'],
    [5, '0.2000000000'],
  ])('prints 1/%i as %s', (n, text) => {
    expect(probabilityString(n)).toBe(text);
  });

  it('rounds exact ties to even like Go, not up like toFixed', () => {
    expect(formatFixed(1 / 2048, 10)).toBe('0.0004882812');
    expect((1 / 2048).toFixed(10)).toBe('0.0004882813');
  });

  // What iptables-save shows for those values on real nodes (libxt_statistic "%.11f" of the
  // kernel's u32): 0.33333333349, 0.25000000000, 0.20000000019.
  it.each([
    ['0.5000000000', '0.50000000000'],
    ['0.3333333333', '0.33333333349'],
    ['0.2500000000', '0.25000000000'],
    ['0.2000000000', '0.20000000019'],
  ])('reads back %s as %s in iptables-save', (written, saved) => {
    expect(savedProbabilityString(written)).toBe(saved);
  });

  it('formats the masquerade mark with %#08x', () => {
    expect(goHex08(1 << 14)).toBe('0x00004000');
    expect(goHex08(1 << 30)).toBe('0x40000000');
  });
});
