import { describe, expect, it } from 'vitest';
import { arcPath, roundedPath } from './edgePath';

describe('roundedPath', () => {
  it('draws a straight segment as one line', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 100, y: 0 }])).toBe('M 0 0 L 100 0');
  });

  it('rounds a right-angle bend with an 8px quadratic corner', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 40 }])).toBe('M 0 0 L 42 0 Q 50 0 50 8 L 50 40');
  });

  it('shrinks the corner to half of a short segment', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 6, y: 0 }, { x: 6, y: 40 }])).toBe('M 0 0 L 3 0 Q 6 0 6 3 L 6 40');
  });

  it('returns an empty path for no points and an arc for overlay edges', () => {
    expect(roundedPath([])).toBe('');
    expect(arcPath([{ x: 0, y: 0 }, { x: 50, y: 80 }, { x: 100, y: 0 }])).toBe('M 0 0 Q 50 80 100 0');
  });
});
