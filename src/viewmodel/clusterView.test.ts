import { describe, expect, it } from 'vitest';
import { naturalCompare } from './clusterView';

describe('naturalCompare', () => {
  it('orders machine names as a person counts them', () => {
    const names = ['node-10', 'node-2', 'node-1', 'worker-a', 'node-11', 'node-02x', 'node-2b'];
    expect([...names].sort(naturalCompare)).toEqual(['node-1', 'node-2', 'node-2b', 'node-02x', 'node-10', 'node-11', 'worker-a']);
  });

  it('is a plain string order where no digits differ', () => {
    expect(naturalCompare('alpha', 'beta')).toBeLessThan(0);
    expect(naturalCompare('node', 'node-1')).toBeLessThan(0);
    expect(naturalCompare('same-3', 'same-3')).toBe(0);
    expect(naturalCompare('node-02', 'node-2')).toBeLessThan(0);
  });
});
