import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleTrailing } from './throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttleTrailing', () => {
  it('runs at once, then at most every interval, and once more after the last ask', () => {
    const runs: number[] = [];
    const throttled = throttleTrailing(
      () => runs.push(Date.now()),
      150,
      () => Date.now(),
    );
    const start = Date.now();
    // A wheel: an ask every 16 ms for half a second.
    for (let t = 0; t <= 500; t += 16) {
      vi.setSystemTime(start + t);
      vi.advanceTimersByTime(0);
      throttled.request();
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(1000);
    const offsets = runs.map((at) => at - start);
    expect(offsets[0]).toBe(0);
    expect(offsets.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < offsets.length; i += 1)
      expect(offsets[i]! - offsets[i - 1]!).toBeGreaterThanOrEqual(150);
    // The last ask (at 496 ms) is honoured.
    expect(offsets.at(-1)).toBeGreaterThanOrEqual(496);
  });

  it('cancel drops the run that was waiting', () => {
    const run = vi.fn();
    const throttled = throttleTrailing(run, 100, () => Date.now());
    throttled.request();
    throttled.request();
    throttled.cancel();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
