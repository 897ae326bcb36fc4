import type { AudioRecordingConfig } from '../../../shared/domain/kinds/audio';

/**
 * Quality checks of a recorded take, on the laptop, before anything is stored or sent: how loud
 * it is, whether it clips, how long it is once the silence before and after the voice is cut.
 * Plain arithmetic on mono PCM samples (-1..1), so it is tested without a microphone.
 */
export type TakeProblem = 'silent' | 'too_quiet' | 'clipping' | 'too_short' | 'too_long';

export type TakeAnalysis = {
  /** Kept part of the take, in samples: [start, end). */
  keepStart: number;
  keepEnd: number;
  durationMs: number;
  trimmedStartMs: number;
  trimmedEndMs: number;
  /** RMS level of the kept part, dBFS. */
  levelDb: number;
  /** Highest sample, dBFS. */
  peakDb: number;
  clipped: boolean;
  problems: TakeProblem[];
};

/** Analysis window: 10 ms frames. */
const FRAME_MS = 10;
/** Nothing of a voice is this quiet: a take with no frame above it is silent. */
export const SILENCE_FLOOR_DB = -60;
/** Frames this far below the loudest one are silence (breath, room noise). */
const SPEECH_RANGE_DB = 35;
/** Silence kept on each side of the voice, so soft consonants are not clipped off. */
export const TRIM_MARGIN_MS = 150;
/** Samples in a row at the clipping level that count as clipping (one alone may be a peak). */
export const CLIP_RUN = 3;

export const toDb = (amplitude: number) => (amplitude > 0 ? 20 * Math.log10(amplitude) : -Infinity);

/** A dBFS figure fit for JSON (no -Infinity) and for reading: one decimal. */
export const roundDb = (db: number) => (Number.isFinite(db) ? Math.round(db * 10) / 10 : -120);

function rms(samples: Float32Array, start: number, end: number): number {
  if (end <= start) return 0;
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / (end - start));
}

/** Where the voice is: first and last 10 ms frames within range of the loudest, or null if silent. */
export function findVoice(samples: Float32Array, sampleRate: number): { start: number; end: number } | null {
  const frame = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000));
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += frame) {
    levels.push(toDb(rms(samples, start, Math.min(samples.length, start + frame))));
  }
  let loudest = -Infinity;
  for (const level of levels) loudest = Math.max(loudest, level);
  if (loudest < SILENCE_FLOOR_DB) return null;
  const threshold = Math.max(SILENCE_FLOOR_DB, loudest - SPEECH_RANGE_DB);
  const first = levels.findIndex((level) => level >= threshold);
  const last = levels.findLastIndex((level) => level >= threshold);
  return { start: first * frame, end: Math.min(samples.length, (last + 1) * frame) };
}

export function countClipRuns(samples: Float32Array, clippingDb: number): number {
  const limit = 10 ** (clippingDb / 20);
  let runs = 0;
  let run = 0;
  for (let i = 0; i < samples.length; i += 1) {
    if (Math.abs(samples[i]!) >= limit) {
      run += 1;
      if (run === CLIP_RUN) runs += 1;
    } else run = 0;
  }
  return runs;
}

type CheckConfig = Pick<
  AudioRecordingConfig,
  'minDurationMs' | 'maxDurationMs' | 'minLevelDb' | 'clippingDb' | 'trimSilence'
>;

export function analyseTake(samples: Float32Array, sampleRate: number, config: CheckConfig): TakeAnalysis {
  const ms = (count: number) => Math.round((count * 1000) / sampleRate);
  const voice = findVoice(samples, sampleRate);
  const margin = Math.round((sampleRate * TRIM_MARGIN_MS) / 1000);
  let keepStart = 0;
  let keepEnd = samples.length;
  if (voice && config.trimSilence) {
    keepStart = Math.max(0, voice.start - margin);
    keepEnd = Math.min(samples.length, voice.end + margin);
  }
  let peak = 0;
  for (let i = 0; i < samples.length; i += 1) peak = Math.max(peak, Math.abs(samples[i]!));
  // The level is the voice's, not diluted by the silence around it (trimmed or not).
  const levelDb = voice ? toDb(rms(samples, voice.start, voice.end)) : toDb(rms(samples, 0, samples.length));
  const clipped = countClipRuns(samples.subarray(keepStart, keepEnd), config.clippingDb) > 0;
  const durationMs = ms(keepEnd - keepStart);

  const problems: TakeProblem[] = [];
  if (!voice) problems.push('silent');
  else if (levelDb < config.minLevelDb) problems.push('too_quiet');
  if (clipped) problems.push('clipping');
  // Lengths are measured on the voice found; in a take too quiet to hear it they would mislead.
  const heard = problems.length === 0 || (problems.length === 1 && clipped);
  if (heard && durationMs < config.minDurationMs) problems.push('too_short');
  if (heard && durationMs > config.maxDurationMs) problems.push('too_long');
  return {
    keepStart,
    keepEnd,
    durationMs,
    trimmedStartMs: ms(keepStart),
    trimmedEndMs: ms(samples.length - keepEnd),
    levelDb: roundDb(levelDb),
    peakDb: roundDb(toDb(peak)),
    clipped,
    problems,
  };
}
