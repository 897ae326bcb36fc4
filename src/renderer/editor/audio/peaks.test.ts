import { describe, expect, it } from 'vitest';
import { flatWaveform, readPeaks, waveformFromPeaks } from './peaks';

const peaks = {
  version: 1 as const,
  durationMs: 500,
  sampleRate: 16_000,
  samplesPerBucket: 1600,
  data: [-0.1, 0.2, -0.5, 0.4, 0, 0, -1, 1, -0.3, 0.25],
};

describe('waveform peaks', () => {
  it('reads a peaks file and refuses anything else, saying why', () => {
    expect(readPeaks(peaks)).toEqual(peaks);
    expect(() => readPeaks({ ...peaks, version: 2 })).toThrow(/not a waveform peaks file/);
    expect(() => readPeaks({ ...peaks, data: [0, 0.5, 2, 0] })).toThrow(
      /data\[2\] is not a number between -1 and 1/,
    );
    expect(() => readPeaks({ ...peaks, data: [0, 'x'] })).toThrow(/data\[1\]/);
    expect(() => readPeaks({ ...peaks, data: undefined })).toThrow(/no data/);
    expect(() => readPeaks({ ...peaks, data: [0, 0.5, 0.1] })).toThrow(/min\/max pairs/);
  });

  it('splits min/max pairs into a top and a bottom line', () => {
    const data = waveformFromPeaks(peaks);
    expect(Array.from(data.channels[0])).toEqual([0.2, 0.4, 0, 1, 0.25].map(Math.fround));
    expect(Array.from(data.channels[1])).toEqual([-0.1, -0.5, 0, -1, -0.3].map(Math.fround));
    expect(data.durationSeconds).toBe(0.5);
    expect(data.bucketsPerSecond).toBe(10);
  });

  it('merges buckets beyond the limit, keeping the extremes', () => {
    const data = waveformFromPeaks(peaks, 2);
    expect(Array.from(data.channels[0])).toEqual([0.4, 1].map(Math.fround));
    expect(Array.from(data.channels[1])).toEqual([-0.5, -1].map(Math.fround));
    expect(data.bucketsPerSecond).toBe(10 / 3);
  });

  it('draws a 60-minute file at 100 buckets a second into a few megabytes', () => {
    const buckets = 60 * 60 * 100;
    const long = {
      ...peaks,
      durationMs: 3_600_000,
      samplesPerBucket: 160,
      data: new Array<number>(buckets * 2).fill(0.1),
    };
    const data = waveformFromPeaks(long);
    expect(data.channels[0].length).toBe(buckets);
    expect(data.channels[0].byteLength + data.channels[1].byteLength).toBeLessThan(4 * 1024 * 1024);
    expect(data.durationSeconds).toBe(3600);
  });

  it('gives a flat line when there are no peaks', () => {
    const flat = flatWaveform(2.5);
    expect(flat.channels[0].length).toBe(25);
    expect(flat.durationSeconds).toBe(2.5);
  });
});
