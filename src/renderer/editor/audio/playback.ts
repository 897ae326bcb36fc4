/**
 * Player arithmetic shared by the audio screens: speeds, skips, zoom steps and segment looping,
 * kept apart from the media element so the rules are tested without a browser.
 */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

/** One step faster (1) or slower (-1), staying within 0.5×–2×. */
export function stepRate(rate: number, direction: 1 | -1): PlaybackRate {
  const index = PLAYBACK_RATES.findIndex((candidate) => candidate >= rate - 1e-9);
  const current = index < 0 ? PLAYBACK_RATES.length - 1 : index;
  const next = Math.max(0, Math.min(PLAYBACK_RATES.length - 1, current + direction));
  return PLAYBACK_RATES[next]!;
}

export function clampTime(seconds: number, durationSeconds: number): number {
  if (!Number.isFinite(seconds)) return 0;
  return Math.max(0, Math.min(durationSeconds, seconds));
}

/**
 * Zoom levels in pixels per second. The lowest shows the whole file in the waveform's width (the
 * waveform stretches to fill it); each step doubles, up to one where words are easy to mark.
 */
export const MAX_PX_PER_SEC = 400;

export function zoomLevels(durationSeconds: number, widthPx: number): number[] {
  const fit = durationSeconds > 0 ? widthPx / durationSeconds : MAX_PX_PER_SEC;
  const levels = [0];
  for (let level = Math.max(1, fit * 2); level <= MAX_PX_PER_SEC; level *= 2) levels.push(Math.round(level));
  if (levels.at(-1)! < MAX_PX_PER_SEC && fit < MAX_PX_PER_SEC) levels.push(MAX_PX_PER_SEC);
  return levels;
}

/** The next zoom level in `direction` from `current` (0 = fit the whole file). */
export function stepZoom(levels: readonly number[], current: number, direction: 1 | -1): number {
  let index = levels.findIndex((level) => level >= current);
  if (index < 0) index = levels.length - 1;
  return levels[Math.max(0, Math.min(levels.length - 1, index + direction))]!;
}

/**
 * While a segment loops (the HITer typing its transcript), where playback should go when it
 * reaches `now`: back to the segment's start once past its end; null to carry on.
 */
export function loopJump(now: number, loop: { start: number; end: number } | null): number | null {
  if (!loop || loop.end <= loop.start) return null;
  if (now >= loop.end || now < loop.start - 0.05) return loop.start;
  return null;
}

/** m:ss.t, or h:mm:ss for an hour or more: positions a HITer reads at a glance. */
export function formatClock(seconds: number, withTenths = true): string {
  const safe = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const tenths = Math.floor(safe * 10) % 10;
  const whole = Math.floor(safe);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  const base = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  return withTenths && h === 0 ? `${base}.${tenths}` : base;
}
