import { describe, expect, it } from 'vitest';
import { clampTime, formatClock, loopJump, MAX_PX_PER_SEC, stepRate, stepZoom, zoomLevels } from './playback';

describe('playback', () => {
  it('steps the speed between 0.5× and 2×', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.5, -1)).toBe(0.5);
    expect(stepRate(1.1, 1)).toBe(1.5);
  });

  it('keeps skips inside the recording', () => {
    expect(clampTime(-3, 10)).toBe(0);
    expect(clampTime(12, 10)).toBe(10);
    expect(clampTime(Number.NaN, 10)).toBe(0);
  });

  it('loops a segment: back to its start once past its end', () => {
    const loop = { start: 2, end: 4 };
    expect(loopJump(3, loop)).toBeNull();
    expect(loopJump(4.01, loop)).toBe(2);
    expect(loopJump(0.5, loop)).toBe(2);
    expect(loopJump(5, null)).toBeNull();
  });

  it('zooms from the whole file to word level, doubling each step', () => {
    const levels = zoomLevels(3600, 1200);
    expect(levels[0]).toBe(0);
    expect(levels.at(-1)).toBe(MAX_PX_PER_SEC);
    for (let i = 2; i < levels.length - 1; i += 1) expect(levels[i]).toBe(levels[i - 1]! * 2);
    expect(stepZoom(levels, 0, 1)).toBe(levels[1]);
    expect(stepZoom(levels, 0, -1)).toBe(0);
    expect(stepZoom(levels, MAX_PX_PER_SEC, 1)).toBe(MAX_PX_PER_SEC);
    // A short clip already fills the width at its first level.
    expect(zoomLevels(10, 1000)).toEqual([0, 200, 400]);
  });

  it('writes positions the way a HITer reads them', () => {
    expect(formatClock(0)).toBe('0:00.0');
    expect(formatClock(75.46)).toBe('1:15.4');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(75.46, false)).toBe('1:15');
  });
});
