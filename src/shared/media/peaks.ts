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
 * Min/max buckets of frames as they come: a bucket closes every `samplesPerBucket` frames, and
 * past `maxBuckets` pairs of buckets are merged (twice the frames per bucket), at an even count so
 * every bucket keeps its place in time. A file whose length is known ahead never gets there.
 */
class Buckets {
  data: number[] = [];
  frames = 0;
  private framesInBucket = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(
    private samplesPerBucket: number,
    private readonly maxBuckets: number,
  ) {}

  /** One sample of the current frame (any channel). */
  sample(value: number): void {
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  endFrame(): void {
    this.frames += 1;
    this.framesInBucket += 1;
    if (this.framesInBucket === this.samplesPerBucket) this.close();
  }

  /** The peaks of every frame so far; the last, partial bucket counts. */
  finish(sampleRate: number): WaveformPeaks {
    if (this.framesInBucket > 0) this.close();
    return {
      version: 1,
      durationMs: Math.round((this.frames * 1000) / sampleRate),
      sampleRate,
      samplesPerBucket: this.samplesPerBucket,
      data: this.data,
    };
  }

  private close(): void {
    this.data.push(round4(this.min), round4(this.max));
    this.framesInBucket = 0;
    this.min = Infinity;
    this.max = -Infinity;
    const buckets = this.data.length / 2;
    if (buckets > this.maxBuckets && buckets % 2 === 0) this.halve();
  }

  /** Each pair of buckets becomes one (min of mins, max of maxes). */
  private halve(): void {
    const merged: number[] = [];
    for (let i = 0; i < this.data.length; i += 4)
      merged.push(Math.min(this.data[i]!, this.data[i + 2]!), Math.max(this.data[i + 1]!, this.data[i + 3]!));
    this.data = merged;
    this.samplesPerBucket *= 2;
  }
}

/**
 * Computes waveform peaks from a WAV file's sample data fed in chunks of any size (so a server can
 * stream a file of hundreds of megabytes through it). Channels are mixed by taking the min and max
 * over all of them, which is what a waveform shows.
 */
export class PeaksBuilder {
  private readonly buckets: Buckets;
  private carry = new Uint8Array(0);

  constructor(
    private readonly info: WavInfo,
    options: PeaksOptions = {},
  ) {
    this.buckets = new Buckets(
      samplesPerBucketFor(info.frames, info.sampleRate, options),
      options.maxBuckets ?? DEFAULT_MAX_BUCKETS,
    );
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
    const usable = Math.min(whole, frames - this.buckets.frames);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sampleBytes = blockAlign / channels;
    for (let frame = 0; frame < usable; frame += 1) {
      const base = frame * blockAlign;
      for (let channel = 0; channel < channels; channel += 1)
        this.buckets.sample(readSample(view, base + channel * sampleBytes, encoding));
      this.buckets.endFrame();
    }
    this.carry = usable < whole ? new Uint8Array(0) : bytes.slice(whole * blockAlign);
  }

  /** The peaks of everything pushed so far; the last, partial bucket counts. */
  finish(): WaveformPeaks {
    return this.buckets.finish(this.info.sampleRate);
  }
}

/**
 * Peaks of decoded audio (float samples, one array per channel) whose length is only known at the
 * end, as when a compressed file streams through its decoder: buckets as fine as a WAV's, merged
 * in pairs whenever there would be more than `maxBuckets`, so the result follows the same rule.
 */
export class DecodedPeaksBuilder {
  private readonly buckets: Buckets;

  constructor(
    private readonly sampleRate: number,
    options: PeaksOptions = {},
  ) {
    this.buckets = new Buckets(
      samplesPerBucketFor(0, sampleRate, options),
      options.maxBuckets ?? DEFAULT_MAX_BUCKETS,
    );
  }

  /** Feeds the decoder's next output: one array of samples per channel. */
  push(channels: readonly Float32Array[]): void {
    const frames = channels[0]?.length ?? 0;
    for (let frame = 0; frame < frames; frame += 1) {
      for (const channel of channels) this.buckets.sample(channel[frame] ?? 0);
      this.buckets.endFrame();
    }
  }

  finish(): WaveformPeaks {
    return this.buckets.finish(this.sampleRate);
  }
}

/** Peaks of a whole WAV file held in memory. */
export function computeWavPeaks(file: Uint8Array, info: WavInfo, options: PeaksOptions = {}): WaveformPeaks {
  const builder = new PeaksBuilder(info, options);
  builder.push(file.subarray(info.dataOffset, info.dataOffset + info.dataBytes));
  return builder.finish();
}
