import type { WaveformPeaks } from '../domain/media';
import { readSample, type WavInfo } from './wav';

export type PeaksOptions = {
  /** Finest resolution wanted (default 100 buckets a second: 10 ms, enough to place a segment edge). */
  bucketsPerSecond?: number;
  /** Upper bound on the bucket count, so an hours-long file keeps a small peaks file (default 2^18). */
  maxBuckets?: number;
};

const DEFAULT_BUCKETS_PER_SECOND = 100;
const DEFAULT_MAX_BUCKETS = 262_144;

/** Source frames per bucket for a file of `frames` frames at `sampleRate`. */
export function samplesPerBucketFor(frames: number, sampleRate: number, options: PeaksOptions = {}): number {
  const perSecond = options.bucketsPerSecond ?? DEFAULT_BUCKETS_PER_SECOND;
  const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
  return Math.max(1, Math.round(sampleRate / perSecond), Math.ceil(frames / maxBuckets));
}

const round4 = (value: number) => Math.round(Math.max(-1, Math.min(1, value)) * 10_000) / 10_000;

/**
 * Computes waveform peaks from a WAV file's sample data fed in chunks of any size (so a server can
 * stream a file of hundreds of megabytes through it). Channels are mixed by taking the min and max
 * over all of them, which is what a waveform shows.
 */
export class PeaksBuilder {
  private readonly info: WavInfo;
  private readonly samplesPerBucket: number;
  private readonly data: number[] = [];
  private carry = new Uint8Array(0);
  private framesInBucket = 0;
  private min = Infinity;
  private max = -Infinity;
  private framesSeen = 0;

  constructor(info: WavInfo, options: PeaksOptions = {}) {
    this.info = info;
    this.samplesPerBucket = samplesPerBucketFor(info.frames, info.sampleRate, options);
  }

  /** Feeds the next bytes of the data chunk (in order; bytes past the declared frames are ignored). */
  push(chunk: Uint8Array): void {
    const { blockAlign, channels, encoding, frames } = this.info;
    let bytes = chunk;
    if (this.carry.length > 0) {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry);
      joined.set(chunk, this.carry.length);
      bytes = joined;
    }
    const whole = Math.floor(bytes.length / blockAlign);
    const usable = Math.min(whole, frames - this.framesSeen);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sampleBytes = blockAlign / channels;
    for (let frame = 0; frame < usable; frame += 1) {
      const base = frame * blockAlign;
      for (let channel = 0; channel < channels; channel += 1) {
        const value = readSample(view, base + channel * sampleBytes, encoding);
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
      }
      this.framesInBucket += 1;
      if (this.framesInBucket === this.samplesPerBucket) this.closeBucket();
    }
    this.framesSeen += usable;
    this.carry = usable < whole ? new Uint8Array(0) : bytes.slice(whole * blockAlign);
  }

  /** The peaks of everything pushed so far; the last, partial bucket counts. */
  finish(): WaveformPeaks {
    if (this.framesInBucket > 0) this.closeBucket();
    return {
      version: 1,
      durationMs: Math.round((this.framesSeen * 1000) / this.info.sampleRate),
      sampleRate: this.info.sampleRate,
      samplesPerBucket: this.samplesPerBucket,
      data: this.data,
    };
  }

  private closeBucket(): void {
    this.data.push(round4(this.min), round4(this.max));
    this.framesInBucket = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}

/**
 * Peaks of decoded audio (float samples, one array per channel) whose length is only known at the
 * end, as when a compressed file streams through its decoder: buckets as fine as a WAV's, merged
 * in pairs whenever there would be more than `maxBuckets`, so the result follows the same rule.
 */
export class DecodedPeaksBuilder {
  private samplesPerBucket: number;
  private readonly maxBuckets: number;
  private data: number[] = [];
  private frames = 0;
  private framesInBucket = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(
    private readonly sampleRate: number,
    options: PeaksOptions = {},
  ) {
    this.samplesPerBucket = samplesPerBucketFor(0, sampleRate, options);
    this.maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
  }

  /** Feeds the decoder's next output: one array of samples per channel. */
  push(channels: readonly Float32Array[]): void {
    const frames = channels[0]?.length ?? 0;
    for (let frame = 0; frame < frames; frame += 1) {
      for (const channel of channels) {
        const value = channel[frame] ?? 0;
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
      }
      this.framesInBucket += 1;
      if (this.framesInBucket === this.samplesPerBucket) this.closeBucket();
    }
    this.frames += frames;
  }

  finish(): WaveformPeaks {
    if (this.framesInBucket > 0) this.closeBucket();
    return {
      version: 1,
      durationMs: Math.round((this.frames * 1000) / this.sampleRate),
      sampleRate: this.sampleRate,
      samplesPerBucket: this.samplesPerBucket,
      data: this.data,
    };
  }

  private closeBucket(): void {
    this.data.push(round4(this.min), round4(this.max));
    this.framesInBucket = 0;
    this.min = Infinity;
    this.max = -Infinity;
    // Halved at an even count, so every bucket keeps its place in time.
    const buckets = this.data.length / 2;
    if (buckets > this.maxBuckets && buckets % 2 === 0) this.halve();
  }

  /** Twice the samples per bucket: each pair of buckets becomes one (min of mins, max of maxes). */
  private halve(): void {
    const merged: number[] = [];
    for (let i = 0; i < this.data.length; i += 4)
      merged.push(Math.min(this.data[i]!, this.data[i + 2]!), Math.max(this.data[i + 1]!, this.data[i + 3]!));
    this.data = merged;
    this.samplesPerBucket *= 2;
  }
}

/** Peaks of a whole WAV file held in memory. */
export function computeWavPeaks(file: Uint8Array, info: WavInfo, options: PeaksOptions = {}): WaveformPeaks {
  const builder = new PeaksBuilder(info, options);
  builder.push(file.subarray(info.dataOffset, info.dataOffset + info.dataBytes));
  return builder.finish();
}
