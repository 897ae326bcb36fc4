import { formatClock } from './playback';

/**
 * The ticks of the time ruler under the waveform, for the visible stretch only: a 60-minute file
 * zoomed to words would otherwise need tens of thousands of them.
 */
export type Tick = { seconds: number; label: string | null };

/** Steps a ruler may use, in seconds: labels at least `MIN_LABEL_PX` apart. */
const STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
export const MIN_LABEL_PX = 70;
const MINOR_PER_LABEL = 5;

export function labelStep(pxPerSec: number): number {
  return STEPS.find((step) => step * pxPerSec >= MIN_LABEL_PX) ?? STEPS.at(-1)!;
}

export function ticksFor(startSec: number, endSec: number, pxPerSec: number, durationSec: number): Tick[] {
  if (!(pxPerSec > 0) || endSec <= startSec) return [];
  const step = labelStep(pxPerSec);
  const minor = step / MINOR_PER_LABEL;
  const ticks: Tick[] = [];
  const first = Math.max(0, Math.floor(startSec / minor));
  const last = Math.min(Math.floor(durationSec / minor), Math.ceil(endSec / minor));
  for (let index = first; index <= last; index += 1) {
    const seconds = Math.round(index * minor * 1000) / 1000;
    const labelled = index % MINOR_PER_LABEL === 0;
    ticks.push({ seconds, label: labelled ? formatClock(seconds, step < 1) : null });
  }
  return ticks;
}
