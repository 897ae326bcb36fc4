import { encodeWav } from '../../../shared/media/wav';

/**
 * A recorded take as a file: 16-bit PCM WAV, mono, at the project's sample rate — the format every
 * speech pipeline reads. The encoder (and the parser the queue checks it with) is the shared one.
 */
export function encodeTakeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  return encodeWav([samples], sampleRate);
}

/** Duration of a take of `sampleCount` samples, in whole milliseconds (as the WAV header gives it). */
export function wavDurationMs(sampleCount: number, sampleRate: number): number {
  return Math.round((sampleCount * 1000) / sampleRate);
}

/** Base64 of binary data, in slices (a spread of a whole recording would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

/** Joins captured chunks into one buffer. */
export function concatSamples(chunks: readonly Float32Array[]): Float32Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
