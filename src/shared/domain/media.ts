import { z } from 'zod';

export const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, 'a sha256 in lower-case hex (64 characters)');

/** An image made from another at import (smaller, turned the way the image is shown), stored on its own. */
const renditionSchema = z.object({
  sha256: sha256Schema,
  bytes: z.int().min(0),
  width: z.int(),
  height: z.int(),
});

/** Longest side of an image's display rendition: enough for a fitted view on a 1080p screen. */
export const DISPLAY_SIDE = 2048;

/**
 * A media file as the queue stores it: content-addressed by sha256, with what the workstation needs
 * to show it without decoding it first (image size; audio duration and precomputed waveform peaks).
 */
export const mediaRefSchema = z
  .object({
    sha256: sha256Schema,
    mime: z
      .string()
      .regex(/^(image|audio|video|application|text)\/[\w.+-]+$/, 'a MIME type such as image/png'),
    bytes: z.int().min(0),
    /** Images: size in pixels. */
    width: z.int().min(1).optional(),
    height: z.int().min(1).optional(),
    /** Images: a small preview, itself a stored file. */
    thumbnail: renditionSchema.optional(),
    /**
     * Images larger than a screen: a JPEG rendition at most DISPLAY_SIDE on its longest side, drawn
     * at once (it decodes in a few milliseconds) while the full image decodes for zooming in.
     */
    display: renditionSchema.optional(),
    /** Audio: length, and waveform peaks (a stored JSON file, see `waveformPeaksSchema`). */
    durationMs: z.int().min(0).optional(),
    sampleRate: z.int().min(1).optional(),
    channels: z.int().min(1).optional(),
    peaks: z.object({ sha256: sha256Schema, bytes: z.int().min(0) }).optional(),
  })
  .strict();
export type MediaRef = z.infer<typeof mediaRefSchema>;

export const imageRefSchema = mediaRefSchema.extend({
  mime: z.string().regex(/^image\//, 'an image (image/png, image/jpeg, …)'),
  width: z.int().min(1),
  height: z.int().min(1),
});
export type ImageRef = z.infer<typeof imageRefSchema>;

export const audioRefSchema = mediaRefSchema.extend({
  mime: z.string().regex(/^audio\//, 'an audio file (audio/wav, audio/mpeg, …)'),
  durationMs: z.int().min(1),
});
export type AudioRef = z.infer<typeof audioRefSchema>;

/**
 * Precomputed waveform peaks: min/max pairs per bucket, normalised to -1..1, so a waveform is drawn
 * without decoding the audio (a 60-minute file would cost the renderer gigabytes).
 */
export const waveformPeaksSchema = z.object({
  version: z.literal(1),
  durationMs: z.int().min(0),
  sampleRate: z.int().min(1),
  /** Source samples per bucket. */
  samplesPerBucket: z.int().min(1),
  /** Interleaved [min0, max0, min1, max1, …], rounded to 4 decimals. */
  data: z.array(z.number().min(-1).max(1)),
});
export type WaveformPeaks = z.infer<typeof waveformPeaksSchema>;

/**
 * Where the renderer finds a media file the workstation holds: the same relative URL in Electron
 * (app:// protocol) and in browser mode (the web host), served from the signed-in profile's cache.
 */
export function mediaPath(sha256: string): string {
  return `/media/${sha256}`;
}

/** Where the renderer finds an image and its renditions (null where the queue made none). */
export function imageSources(ref: ImageRef): { src: string; preview: string | null; display: string | null } {
  return {
    src: mediaPath(ref.sha256),
    preview: ref.thumbnail ? mediaPath(ref.thumbnail.sha256) : null,
    display: ref.display ? mediaPath(ref.display.sha256) : null,
  };
}

/** Every media file an item refers to, for downloading a batch and evicting it afterwards. */
export function mediaOf(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const entry of value) mediaOf(entry, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (
      typeof record.sha256 === 'string' &&
      typeof record.mime === 'string' &&
      typeof record.bytes === 'number'
    ) {
      found.add(record.sha256);
      for (const nested of ['thumbnail', 'display', 'peaks'] as const) {
        const ref = record[nested] as { sha256?: unknown } | undefined;
        if (ref && typeof ref.sha256 === 'string') found.add(ref.sha256);
      }
    } else {
      for (const entry of Object.values(record)) mediaOf(entry, found);
    }
  }
  return found;
}
