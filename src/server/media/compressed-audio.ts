import { createReadStream } from 'node:fs';
import type { WaveformPeaks } from '../../shared/domain/media';
import { MediaFormatError } from '../../shared/media/errors';
import { DecodedPeaksBuilder } from '../../shared/media/peaks';
import type { SniffedType } from '../../shared/media/sniff';
import { mp3Channels } from './mp3-head';

type Decoded = {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  /** Frames the decoder could not read (a damaged file). */
  errors?: Array<{ message: string; inputBytes?: number }>;
};
type Decoder = {
  ready: Promise<void>;
  decode(bytes: Uint8Array): Decoded | Promise<Decoded>;
  flush?: () => Decoded | Promise<Decoded>;
  free(): void;
};

/** Each decoder (WebAssembly, a few hundred kilobytes) is loaded the first time its format comes. */
async function decoderFor(type: SniffedType): Promise<Decoder> {
  if (type.mime === 'audio/mpeg') return new (await import('mpg123-decoder')).MPEGDecoder();
  if (type.mime === 'audio/flac') return new (await import('@wasm-audio-decoders/flac')).FLACDecoder();
  if (type.codec === 'vorbis')
    return new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder();
  if (type.codec === 'opus') return new (await import('ogg-opus-decoder')).OggOpusDecoder();
  throw new MediaFormatError(`${type.name} is not an audio format the queue decodes`);
}

export type AudioFacts = { durationMs: number; sampleRate: number; channels: number; peaks: WaveformPeaks };

/**
 * Decodes a compressed audio file as it streams from disk (an hour of MP3 never sits in memory
 * as samples) into its duration, sample rate, channels and waveform peaks. They start where a
 * player starts: the MP3 decoder cuts the encoder's delay and padding as browsers do, from the
 * LAME/Xing tag (a file without one is heard with them, and measured with them).
 */
export async function describeCompressedAudio(
  path: string,
  type: SniffedType,
  head: Uint8Array,
): Promise<AudioFacts> {
  const mp3 = type.mime === 'audio/mpeg';
  const decoder = await decoderFor(type);
  await decoder.ready;
  let builder: DecodedPeaksBuilder | null = null;
  let channels = 0;
  let read = 0;
  const take = (out: Decoded, chunkBytes: number) => {
    const [damage] = out.errors ?? [];
    // A damaged file is refused rather than measured short: its items would play garbage.
    if (damage) {
      throw new MediaFormatError(
        `this ${type.name} file is damaged near byte ${read}: its decoder says "${damage.message}"; export it again from the original`,
      );
    }
    read += chunkBytes;
    if (out.samplesDecoded === 0) return;
    builder ??= new DecodedPeaksBuilder(out.sampleRate);
    channels = Math.max(channels, out.channelData.length);
    builder.push(out.channelData);
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }))
      take(await decoder.decode(chunk as Buffer), (chunk as Buffer).length);
    if (decoder.flush) take(await decoder.flush(), 0);
  } finally {
    decoder.free();
  }
  if (!builder) throw new MediaFormatError(`no sound could be decoded from this ${type.name} file`);
  const finished = (builder as DecodedPeaksBuilder).finish();
  return {
    durationMs: finished.durationMs,
    sampleRate: finished.sampleRate,
    channels: (mp3 ? mp3Channels(head) : null) ?? channels,
    peaks: finished,
  };
}
