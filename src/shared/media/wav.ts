import { MediaFormatError } from './errors';

/** How the samples of a WAV file are stored. */
export type PcmEncoding = 'uint8' | 'int16' | 'int24' | 'int32' | 'float32' | 'float64';

export type WavInfo = {
  encoding: PcmEncoding;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
  /** Where the sample data starts in the file, and how many bytes it holds. */
  dataOffset: number;
  dataBytes: number;
  frames: number;
  durationMs: number;
};

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_ALAW = 6;
const FORMAT_MULAW = 7;
const FORMAT_EXTENSIBLE = 0xfffe;

function fourCC(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

/**
 * Reads a RIFF/WAVE header from the start of a file: the `fmt ` chunk and where the `data` chunk is.
 * `head` must reach the start of the data chunk (64 KiB is plenty for real files); `fileBytes` is
 * the file's full size, used when a streaming writer left the data size unset (0 or 0xFFFFFFFF).
 * Throws a `MediaFormatError` saying what is wrong (compressed formats are named, not guessed at).
 */
export function parseWavHeader(head: Uint8Array, fileBytes: number = head.length): WavInfo {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < 12 || fourCC(view, 0) !== 'RIFF' || fourCC(view, 8) !== 'WAVE') {
    throw new MediaFormatError('not a WAV file (no RIFF/WAVE header)');
  }
  let offset = 12;
  let format: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'frames' | 'durationMs'> | null = null;
  while (offset + 8 <= head.length) {
    const id = fourCC(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > head.length) throw new MediaFormatError('WAV fmt chunk is cut short');
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      if (!format) throw new MediaFormatError('WAV data chunk comes before its fmt chunk');
      const available = Math.max(0, fileBytes - body);
      const declared = size === 0 || size === 0xffffffff ? available : size;
      // A file cut short (an interrupted copy) keeps the frames it has.
      const dataBytes = Math.min(declared, available);
      const frames = Math.floor(dataBytes / format.blockAlign);
      if (frames === 0) throw new MediaFormatError('the WAV file holds no audio samples');
      return {
        ...format,
        dataOffset: body,
        dataBytes: frames * format.blockAlign,
        frames,
        durationMs: Math.round((frames * 1000) / format.sampleRate),
      };
    }
    // Chunks are padded to an even size.
    offset = body + size + (size % 2);
  }
  throw new MediaFormatError(
    format ? 'no WAV data chunk found in the first bytes of the file' : 'no WAV fmt chunk found',
  );
}

function readFormat(view: DataView, at: number, size: number) {
  let code = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (code === FORMAT_EXTENSIBLE && size >= 40 && at + 26 <= view.byteLength) {
    code = view.getUint16(at + 24, true); // the sub-format GUID starts with the format code
  }
  if (code === FORMAT_ALAW || code === FORMAT_MULAW) {
    throw new MediaFormatError(
      `${code === FORMAT_ALAW ? 'A-law' : 'µ-law'} WAV files are not supported yet: convert to PCM WAV (sox in.wav -e signed-integer out.wav)`,
    );
  }
  if (code !== FORMAT_PCM && code !== FORMAT_FLOAT) {
    throw new MediaFormatError(
      `compressed WAV files (format 0x${code.toString(16)}) are not supported yet: convert to PCM WAV`,
    );
  }
  if (channels < 1 || channels > 32) throw new MediaFormatError(`WAV file with ${channels} channels`);
  if (sampleRate < 1000 || sampleRate > 768_000)
    throw new MediaFormatError(`WAV sample rate ${sampleRate} Hz is out of range`);
  const encoding = encodingOf(code, bitsPerSample);
  const expectedAlign = channels * (bitsPerSample / 8);
  if (blockAlign !== expectedAlign) {
    throw new MediaFormatError(
      `WAV block size ${blockAlign} does not match ${channels} × ${bitsPerSample} bits`,
    );
  }
  return { encoding, channels, sampleRate, bitsPerSample, blockAlign };
}

function encodingOf(code: number, bits: number): PcmEncoding {
  if (code === FORMAT_FLOAT) {
    if (bits === 32) return 'float32';
    if (bits === 64) return 'float64';
  } else {
    if (bits === 8) return 'uint8';
    if (bits === 16) return 'int16';
    if (bits === 24) return 'int24';
    if (bits === 32) return 'int32';
  }
  throw new MediaFormatError(
    `${bits}-bit ${code === FORMAT_FLOAT ? 'float' : 'integer'} WAV samples are not supported`,
  );
}

/** One sample at `offset` of `view`, scaled to -1..1. */
export function readSample(view: DataView, offset: number, encoding: PcmEncoding): number {
  switch (encoding) {
    case 'uint8':
      return (view.getUint8(offset) - 128) / 128;
    case 'int16':
      return view.getInt16(offset, true) / 32768;
    case 'int24': {
      const low = view.getUint16(offset, true);
      const high = view.getInt8(offset + 2);
      return ((high << 16) | low) / 8388608;
    }
    case 'int32':
      return view.getInt32(offset, true) / 2147483648;
    case 'float32':
      return view.getFloat32(offset, true);
    case 'float64':
      return view.getFloat64(offset, true);
  }
}

/** A minimal 16-bit PCM WAV file around samples in -1..1 (for tests, fixtures and recordings). */
export function encodeWav(channelsData: readonly Float32Array[], sampleRate: number): Uint8Array {
  const channels = channelsData.length;
  const frames = channelsData[0]?.length ?? 0;
  const dataBytes = frames * channels * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const write = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  write(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let frame = 0; frame < frames; frame += 1) {
    for (let channel = 0; channel < channels; channel += 1) {
      const value = Math.max(-1, Math.min(1, channelsData[channel]?.[frame] ?? 0));
      view.setInt16(44 + (frame * channels + channel) * 2, Math.round(value * 32767), true);
    }
  }
  return bytes;
}
