import { describe, expect, it } from 'vitest';
import { computeWavPeaks } from '../../../shared/media/peaks';
import { parseWavHeader, readSample } from '../../../shared/media/wav';
import { concatSamples, encodeTakeWav, toBase64, wavDurationMs } from './wav';

describe('a take as a WAV file', () => {
  it('is 16-bit mono PCM that the queue’s own parser reads back, sample for sample', () => {
    const samples = new Float32Array(24_000).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16_000));
    samples[10] = 2; // out of range: clamped, not wrapped round
    const bytes = encodeTakeWav(samples, 16_000);
    const info = parseWavHeader(bytes);
    expect(info).toMatchObject({ encoding: 'int16', channels: 1, sampleRate: 16_000, frames: 24_000 });
    expect(info.durationMs).toBe(wavDurationMs(samples.length, 16_000));
    const view = new DataView(bytes.buffer);
    for (const i of [0, 5, 11, 777, 23_999]) {
      expect(readSample(view, info.dataOffset + i * 2, 'int16')).toBeCloseTo(samples[i]!, 4);
    }
    expect(readSample(view, info.dataOffset + 20, 'int16')).toBeCloseTo(1, 3);
    const peaks = computeWavPeaks(bytes, info);
    expect(peaks.durationMs).toBe(1500);
    expect(Math.max(...peaks.data)).toBeCloseTo(1, 3);
  });

  it('says the duration in milliseconds', () => {
    expect(wavDurationMs(24_000, 16_000)).toBe(1500);
    expect(wavDurationMs(1, 48_000)).toBe(0);
  });

  it('encodes base64 in slices, for files larger than a call stack', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const binary = atob(toBase64(bytes));
    const back = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) back[i] = binary.charCodeAt(i);
    expect(back).toEqual(bytes);
  });

  it('joins captured chunks in order', () => {
    const joined = concatSamples([new Float32Array([1, 2]), new Float32Array([]), new Float32Array([3])]);
    expect(Array.from(joined)).toEqual([1, 2, 3]);
  });
});
