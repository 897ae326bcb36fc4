import { describe, expect, it } from 'vitest';
import { computeWavPeaks, DecodedPeaksBuilder } from './peaks';
import { encodeWav, parseWavHeader } from './wav';

/** A 220 Hz tone whose loudness steps up each second: 0.1, 0.2, … */
function steps(seconds: number, sampleRate: number): Float32Array {
  const samples = new Float32Array(seconds * sampleRate);
  for (let i = 0; i < samples.length; i += 1) {
    const level = 0.1 * (1 + Math.floor(i / sampleRate));
    samples[i] = level * Math.sin((2 * Math.PI * 220 * i) / sampleRate);
  }
  return samples;
}

describe('peaks of decoded audio (length unknown until the end)', () => {
  it('gives what a WAV of the same samples gives, fed in chunks of any size', () => {
    const samples = steps(3, 8000);
    const wav = encodeWav([samples], 8000);
    const fromWav = computeWavPeaks(wav, parseWavHeader(wav));
    const builder = new DecodedPeaksBuilder(8000);
    for (let at = 0; at < samples.length; at += 1234) builder.push([samples.subarray(at, at + 1234)]);
    const decoded = builder.finish();
    expect(decoded).toMatchObject({ durationMs: 3000, sampleRate: 8000, samplesPerBucket: 80 });
    expect(decoded.data).toHaveLength(fromWav.data.length);
    // 16-bit WAV samples differ from the floats by at most one step.
    decoded.data.forEach((value, index) => expect(value).toBeCloseTo(fromWav.data[index]!, 3));
  });

  it('merges buckets in pairs past the most it may keep, each still in its place in time', () => {
    const samples = steps(4, 1000);
    const builder = new DecodedPeaksBuilder(1000, { bucketsPerSecond: 4, maxBuckets: 6 });
    builder.push([samples]);
    const peaks = builder.finish();
    // 16 quarter-second buckets were too many: 8 of half a second, then 4 of a second.
    expect(peaks.samplesPerBucket).toBe(1000);
    expect(peaks.data).toHaveLength(8);
    const maxima = peaks.data.filter((_, index) => index % 2 === 1);
    maxima.forEach((max, second) => expect(max).toBeCloseTo(0.1 * (second + 1), 2));
    expect(peaks.durationMs).toBe(4000);
  });

  it('takes every channel into a bucket', () => {
    const builder = new DecodedPeaksBuilder(100, { bucketsPerSecond: 1 });
    builder.push([new Float32Array([0.1, -0.2]), new Float32Array([0.5, -0.7])]);
    expect(builder.finish().data).toEqual([-0.7, 0.5]);
  });
});
