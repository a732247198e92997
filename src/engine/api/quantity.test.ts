import { describe, expect, it } from 'vitest';
import { canonicalQuantity, formatMilli, milliValue, parseQuantity, quantityValue } from './quantity';

// Expected values follow apimachinery/pkg/api/resource/quantity_test.go (TestQuantityParse,
// TestQuantityCanonicalize-style String() results) and the MilliValue/Value round-up rule.
describe('quantity', () => {
  it.each([
    ['100m', 100, 1],
    ['1.5', 1500, 2],
    ['1', 1000, 1],
    ['0.1m', 1, 1], // MilliValue rounds up
    ['128Mi', 134217728000, 134217728],
    ['1G', 1e12, 1e9],
    ['1e3', 1e6, 1000],
    ['1Ki', 1024000, 1024],
    ['-100m', -100, -1],
    ['.5', 500, 1],
  ])('parses %s to %d milli-units and value %d', (text, milli, value) => {
    expect(milliValue(text)).toBe(milli);
    expect(quantityValue(text)).toBe(value);
  });

  it.each(['', '1.2.3', 'Mi', '1 Mi', '1MB', 'abc', '1e'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it.each([
    ['1.5Gi', '1536Mi'],
    ['0.5', '500m'],
    ['1000', '1k'],
    ['1000m', '1'],
    ['2048Ki', '2Mi'],
    ['1500Mi', '1500Mi'],
    ['1e3', '1e3'],
    ['1e6', '1e6'],
  ])('canonicalizes %s as %s', (text, canonical) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });

  it('formats milli-units of cpu', () => {
    expect(formatMilli(250)).toBe('250m');
    expect(formatMilli(2000)).toBe('2');
  });
});
