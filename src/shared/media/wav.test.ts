import { describe, expect, it } from 'vitest';
import { MediaFormatError } from './errors';
import { computeWavPeaks, PeaksBuilder, samplesPerBucketFor } from './peaks';
import { encodeWav, parseWavHeader } from './wav';

function sine(seconds: number, sampleRate: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i += 1)
    samples[i] = amplitude * Math.sin((2 * Math.PI * 100 * i) / sampleRate);
  return samples;
}

/** A WAV with a LIST chunk before the data, as many recorders write. */
function withListChunk(wav: Uint8Array): Uint8Array {
  const list = new Uint8Array(8 + 13 + 1);
  list.set([0x4c, 0x49, 0x53, 0x54, 13, 0, 0, 0]);
  const out = new Uint8Array(wav.length + list.length);
  out.set(wav.subarray(0, 36));
  out.set(list, 36);
  out.set(wav.subarray(36), 36 + list.length);
  return out;
}

describe('parseWavHeader', () => {
  it('reads format, duration and where the samples are, past other chunks', () => {
    const wav = withListChunk(encodeWav([sine(1.5, 8000), sine(1.5, 8000)], 8000));
    const info = parseWavHeader(wav);
    expect(info).toMatchObject({
      encoding: 'int16',
      channels: 2,
      sampleRate: 8000,
      bitsPerSample: 16,
      blockAlign: 4,
    });
    expect(info.dataOffset).toBe(44 + 22);
    expect(info.frames).toBe(12_000);
    expect(info.durationMs).toBe(1500);
  });

  it('uses the file size when a streaming writer left the data size unset, and keeps what a cut file has', () => {
    const wav = encodeWav([sine(1, 8000)], 8000);
    const unset = wav.slice();
    new DataView(unset.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWavHeader(unset).frames).toBe(8000);
    expect(parseWavHeader(wav.subarray(0, 44 + 1000)).frames).toBe(500);
  });

  it('names what it cannot read', () => {
    expect(() => parseWavHeader(new TextEncoder().encode('not a wav file at all'))).toThrow(MediaFormatError);
    const alaw = encodeWav([sine(0.1, 8000)], 8000);
    new DataView(alaw.buffer).setUint16(20, 6, true);
    expect(() => parseWavHeader(alaw)).toThrow(/A-law WAV files are not supported yet/);
    const mp3InWav = encodeWav([sine(0.1, 8000)], 8000);
    new DataView(mp3InWav.buffer).setUint16(20, 0x55, true);
    expect(() => parseWavHeader(mp3InWav)).toThrow(/compressed WAV files \(format 0x55\)/);
    expect(() => parseWavHeader(encodeWav([new Float32Array(0)], 8000))).toThrow(/no audio samples/);
  });
});

describe('waveform peaks', () => {
  it('gives min/max pairs per bucket, 10 ms by default, normalised to -1..1', () => {
    const wav = encodeWav([sine(2, 16_000, 0.8)], 16_000);
    const info = parseWavHeader(wav);
    const peaks = computeWavPeaks(wav, info);
    expect(peaks).toMatchObject({ version: 1, durationMs: 2000, sampleRate: 16_000, samplesPerBucket: 160 });
    expect(peaks.data).toHaveLength(400);
    expect(Math.max(...peaks.data)).toBeCloseTo(0.8, 3);
    expect(Math.min(...peaks.data)).toBeCloseTo(-0.8, 3);
  });

  it('is the same whatever the chunk sizes it is fed in', () => {
    const wav = encodeWav([sine(0.7, 22_050), sine(0.7, 22_050, 0.2)], 22_050);
    const info = parseWavHeader(wav);
    const whole = computeWavPeaks(wav, info);
    const builder = new PeaksBuilder(info);
    const data = wav.subarray(info.dataOffset);
    for (let offset = 0; offset < data.length; offset += 333)
      builder.push(data.subarray(offset, offset + 333));
    expect(builder.finish()).toEqual(whole);
  });

  it('caps the bucket count for long files', () => {
    expect(samplesPerBucketFor(16_000 * 3600, 16_000)).toBe(Math.ceil((16_000 * 3600) / 262_144));
    expect(samplesPerBucketFor(100, 16_000)).toBe(160);
  });
});
