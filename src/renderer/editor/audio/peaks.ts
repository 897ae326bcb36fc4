import { waveformPeaksSchema, type WaveformPeaks } from '../../../shared/domain/media';

/**
 * Precomputed waveform peaks as the waveform draws them: the top line from the bucket maxima, the
 * bottom line from the minima. A 60-minute file is drawn from a few megabytes of these, never by
 * decoding the audio in the renderer.
 */
export type WaveformData = {
  /** [maxima, minima], one value per bucket, -1..1. */
  channels: [Float32Array, Float32Array];
  durationSeconds: number;
  /** Buckets per second of audio: how far the waveform can usefully be zoomed. */
  bucketsPerSecond: number;
};

const headerSchema = waveformPeaksSchema.omit({ data: true });

/**
 * Reads a peaks file (JSON already parsed); throws with the reason when it is not one. The header
 * goes through the shared schema; the half a million numbers of an hour are checked in one plain
 * loop (a schema walking them one by one costs the HITer half a second of waiting).
 */
export function readPeaks(json: unknown): WaveformPeaks {
  const header = headerSchema.safeParse(json);
  if (!header.success) throw new Error(`not a waveform peaks file: ${header.error.issues[0]?.message ?? ''}`);
  const data = (json as { data?: unknown }).data;
  if (!Array.isArray(data)) throw new Error('not a waveform peaks file: no data');
  for (let i = 0; i < data.length; i += 1) {
    const value: unknown = data[i];
    if (typeof value !== 'number' || !(value >= -1 && value <= 1)) {
      throw new Error(`not a waveform peaks file: data[${i}] is not a number between -1 and 1`);
    }
  }
  if (data.length % 2 !== 0) throw new Error('waveform peaks must come in min/max pairs');
  return { ...header.data, data: data as number[] };
}

/**
 * Splits interleaved min/max pairs into the two lines, merging buckets when there are more than
 * `maxBuckets` (more detail than any zoom shows costs memory for nothing).
 */
export function waveformFromPeaks(peaks: WaveformPeaks, maxBuckets = 2_000_000): WaveformData {
  const buckets = Math.floor(peaks.data.length / 2);
  const factor = Math.max(1, Math.ceil(buckets / maxBuckets));
  const length = Math.max(1, Math.ceil(buckets / factor));
  const maxima = new Float32Array(length);
  const minima = new Float32Array(length);
  for (let out = 0; out < length; out += 1) {
    let low = 0;
    let high = 0;
    const end = Math.min(buckets, (out + 1) * factor);
    for (let bucket = out * factor; bucket < end; bucket += 1) {
      low = Math.min(low, peaks.data[bucket * 2]!);
      high = Math.max(high, peaks.data[bucket * 2 + 1]!);
    }
    maxima[out] = high;
    minima[out] = low;
  }
  const durationSeconds =
    peaks.durationMs > 0 ? peaks.durationMs / 1000 : (buckets * peaks.samplesPerBucket) / peaks.sampleRate;
  return {
    channels: [maxima, minima],
    durationSeconds,
    bucketsPerSecond: peaks.sampleRate / (peaks.samplesPerBucket * factor),
  };
}

/** A flat line, for a recording whose peaks are not available: the player still works. */
export function flatWaveform(durationSeconds: number): WaveformData {
  const length = Math.max(1, Math.min(10_000, Math.round(durationSeconds * 10)));
  return {
    channels: [new Float32Array(length), new Float32Array(length)],
    durationSeconds,
    bucketsPerSecond: length / Math.max(durationSeconds, 1e-3),
  };
}
