import { describe, expect, it } from 'vitest';
import { analyseTake, countClipRuns, findVoice, TRIM_MARGIN_MS } from './pcm-checks';

const RATE = 16_000;
const config = {
  minDurationMs: 1000,
  maxDurationMs: 15_000,
  minLevelDb: -40,
  clippingDb: -0.1,
  trimSilence: true,
};

/** A voice-like take: `before` ms of room noise, `voice` ms of a vowel-like tone, `after` ms of noise. */
function take(before: number, voice: number, after: number, amplitude = 0.3): Float32Array {
  const n = (ms: number) => Math.round((RATE * ms) / 1000);
  const out = new Float32Array(n(before) + n(voice) + n(after));
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2e-4;
  for (let i = 0; i < out.length; i += 1) {
    const inVoice = i >= n(before) && i < n(before) + n(voice);
    const t = i / RATE;
    const tone = Math.sin(2 * Math.PI * 180 * t) * 0.7 + Math.sin(2 * Math.PI * 540 * t) * 0.3;
    out[i] = inVoice ? Math.max(-1, Math.min(1, amplitude * tone)) : noise();
  }
  return out;
}

describe('finding the voice', () => {
  it('finds where the voice starts and ends, to the 10 ms frame', () => {
    const voice = findVoice(take(500, 1500, 700), RATE);
    expect(voice).not.toBeNull();
    expect(voice!.start / RATE).toBeCloseTo(0.5, 1);
    expect(voice!.end / RATE).toBeCloseTo(2.0, 1);
  });

  it('finds nothing in silence', () => {
    expect(findVoice(new Float32Array(RATE), RATE)).toBeNull();
    expect(findVoice(take(1000, 0, 1000), RATE)).toBeNull();
  });
});

describe('analysing a take', () => {
  it('trims the silence before and after the voice, keeping a margin', () => {
    const result = analyseTake(take(500, 1500, 700), RATE, config);
    expect(result.problems).toEqual([]);
    expect(result.trimmedStartMs).toBeGreaterThanOrEqual(500 - TRIM_MARGIN_MS - 10);
    expect(result.trimmedStartMs).toBeLessThanOrEqual(500 - TRIM_MARGIN_MS + 10);
    expect(result.trimmedEndMs).toBeGreaterThanOrEqual(700 - TRIM_MARGIN_MS - 10);
    expect(result.durationMs).toBeGreaterThanOrEqual(1500 + 2 * TRIM_MARGIN_MS - 20);
    expect(result.durationMs).toBeLessThanOrEqual(1500 + 2 * TRIM_MARGIN_MS + 20);
    // The three parts add up to the whole take.
    expect(result.trimmedStartMs + result.durationMs + result.trimmedEndMs).toBeCloseTo(2700, -1);
    expect(result.keepEnd - result.keepStart).toBe(Math.round((result.durationMs * RATE) / 1000));
  });

  it('measures the level of the voice, not of the silence around it', () => {
    const result = analyseTake(take(2000, 1500, 2000), RATE, config);
    // RMS of 0.3 × (0.7 sin + 0.3 sin) = 0.3 × sqrt((0.49 + 0.09) / 2) ≈ -15.8 dBFS; over the
    // whole take (1.5 s of 5.5 s) it would be about -21.4 dBFS.
    expect(result.levelDb).toBeGreaterThan(-16.5);
    expect(result.levelDb).toBeLessThan(-15);
    expect(result.peakDb).toBeLessThan(-9);
    expect(result.clipped).toBe(false);
  });

  it('keeps everything when trimming is off', () => {
    const result = analyseTake(take(500, 1500, 700), RATE, { ...config, trimSilence: false });
    expect(result.trimmedStartMs).toBe(0);
    expect(result.trimmedEndMs).toBe(0);
    expect(result.durationMs).toBe(2700);
  });

  it('says a take recorded far too quietly is too quiet, and one with no voice is silent', () => {
    expect(analyseTake(take(500, 1500, 500, 0.003), RATE, config).problems).toEqual(['too_quiet']);
    expect(analyseTake(take(500, 1500, 500, 0.003), RATE, config).levelDb).toBeLessThan(-40);
    expect(analyseTake(new Float32Array(RATE * 2), RATE, config).problems).toEqual(['silent']);
  });

  it('finds clipping: samples stuck at full scale, not a single peak', () => {
    expect(analyseTake(take(300, 1500, 300, 1.6), RATE, config).problems).toEqual(['clipping']);
    const peak = take(300, 1500, 300, 0.3);
    peak[RATE] = 1;
    expect(analyseTake(peak, RATE, config).clipped).toBe(false);
    expect(countClipRuns(new Float32Array([0, 1, 1, 1, 1, 0, -1, -1, -1]), -0.1)).toBe(2);
  });

  it('says only "too quiet" when the voice is too quiet to measure its length', () => {
    expect(analyseTake(take(500, 300, 500, 0.003), RATE, config).problems).toEqual(['too_quiet']);
  });

  it('says too short and too long after trimming', () => {
    expect(analyseTake(take(500, 400, 500), RATE, config).problems).toEqual(['too_short']);
    expect(analyseTake(take(200, 3000, 200), RATE, { ...config, maxDurationMs: 2000 }).problems).toEqual([
      'too_long',
    ]);
  });

  it('reports finite figures, fit for JSON, even for digital silence', () => {
    const result = analyseTake(new Float32Array(RATE), RATE, config);
    expect(Number.isFinite(result.levelDb)).toBe(true);
    expect(Number.isFinite(result.peakDb)).toBe(true);
  });
});
