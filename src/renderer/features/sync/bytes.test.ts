import { describe, expect, it } from 'vitest';
import { formatBytes, percentOf } from './bytes';

describe('formatBytes', () => {
  it('uses the largest decimal unit, with one decimal below ten', () => {
    expect(formatBytes('en', 0)).toBe('0 kB');
    expect(formatBytes('en', 420)).toBe('0.4 kB');
    expect(formatBytes('en', 1_500)).toBe('1.5 kB');
    expect(formatBytes('en', 582_000)).toBe('582 kB');
    expect(formatBytes('en', 12_400_000)).toBe('12 MB');
    expect(formatBytes('en', 4_000_000_000)).toBe('4 GB');
    expect(formatBytes('fr', 1_250_000)).toBe('1,3\u202fMo');
  });
});

describe('percentOf', () => {
  it('rounds down and keeps 100 for the end', () => {
    expect(percentOf(0, 10)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(100);
  });
});
