import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_SYNC_TIMINGS } from './backoff';

const timings = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt up to the maximum', () => {
    const top = () => 0.999_999;
    expect(backoffDelay(0, top, timings)).toBe(999);
    expect(backoffDelay(1, top, timings)).toBe(1_999);
    expect(backoffDelay(3, top, timings)).toBe(7_999);
    expect(backoffDelay(5, top, timings)).toBe(31_999);
    expect(backoffDelay(6, top, timings)).toBe(59_999);
    expect(backoffDelay(40, top, timings)).toBe(59_999);
  });

  it('is full jitter: anywhere from zero to the ceiling', () => {
    expect(backoffDelay(4, () => 0, timings)).toBe(0);
    expect(backoffDelay(4, () => 0.5, timings)).toBe(8_000);
  });

  it('stays within [0, min(max, base·2^attempt)] for any attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, () => r, timings);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(timings.maxDelayMs, timings.baseDelayMs * 2 ** attempt));
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it('survives a random source that strays outside [0, 1)', () => {
    expect(backoffDelay(2, () => 7, timings)).toBe(4_000);
    expect(backoffDelay(2, () => -1, timings)).toBe(0);
    expect(backoffDelay(2, () => Number.NaN, timings)).toBe(0);
  });

  it('defaults to 1 s base and 60 s maximum', () => {
    expect(DEFAULT_SYNC_TIMINGS.baseDelayMs).toBe(1_000);
    expect(DEFAULT_SYNC_TIMINGS.maxDelayMs).toBe(60_000);
  });
});
