import { describe, expect, it } from 'vitest';
import { labelStep, MIN_LABEL_PX, ticksFor } from './timeline';

describe('the time ruler', () => {
  it('spaces labels at least a readable distance apart, at any zoom', () => {
    for (const pxPerSec of [0.3, 1, 10, 45, 400])
      expect(labelStep(pxPerSec) * pxPerSec).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(labelStep(400)).toBe(0.2);
    expect(labelStep(0.35)).toBe(300);
  });

  it('draws only the visible stretch, with labels every fifth tick', () => {
    const ticks = ticksFor(1800, 1803, 400, 3600);
    expect(ticks.length).toBeLessThan(100);
    expect(ticks[0]?.seconds).toBe(1800);
    expect(ticks.filter((tick) => tick.label !== null).map((tick) => tick.label)).toContain('30:00.0');
  });

  it('stops at the end of the recording', () => {
    const ticks = ticksFor(0, 100, 10, 12);
    expect(ticks.at(-1)!.seconds).toBeLessThanOrEqual(12);
    expect(ticksFor(0, 10, 0, 10)).toEqual([]);
  });
});
