/**
 * What a file is, from its first bytes (never from its name). The queue decodes PNG, JPEG, WAV,
 * MP3, Ogg (Vorbis, Opus) and FLAC;
 * the others are recognised so that the error can say what the file was and what to do.
 */
export type SniffedType = {
  mime: string;
  /** Whether HITdesk can read it today (size, thumbnail, duration, peaks). */
  supported: boolean;
  /** A short name for messages: "MP3", "PNG". */
  name: string;
  /** Which codec an Ogg file holds (they share a MIME type and need different decoders). */
  codec?: 'vorbis' | 'opus';
};

/** Whether `bytes` hold the ASCII `text` at `offset`. */
export const ascii = (bytes: Uint8Array, offset: number, text: string): boolean => {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i += 1) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
};

/** At least the first 16 bytes are needed; fewer yields null. */
export function sniffMediaType(head: Uint8Array): SniffedType | null {
  if (head.length < 12) return null;
  if (head[0] === 0x89 && ascii(head, 1, 'PNG\r\n\x1a\n'))
    return { mime: 'image/png', supported: true, name: 'PNG' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { mime: 'image/jpeg', supported: true, name: 'JPEG' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE'))
    return { mime: 'audio/wav', supported: true, name: 'WAV' };
  if (ascii(head, 0, 'RF64') && ascii(head, 8, 'WAVE'))
    return { mime: 'audio/wav', supported: false, name: 'RF64 WAV (over 4 GB)' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP'))
    return { mime: 'image/webp', supported: false, name: 'WebP' };
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a'))
    return { mime: 'image/gif', supported: false, name: 'GIF' };
  if (ascii(head, 0, 'BM')) return { mime: 'image/bmp', supported: false, name: 'BMP' };
  if (ascii(head, 0, 'II*\0') || ascii(head, 0, 'MM\0*'))
    return { mime: 'image/tiff', supported: false, name: 'TIFF' };
  if (ascii(head, 4, 'ftypavif') || ascii(head, 4, 'ftypheic') || ascii(head, 4, 'ftypmif1'))
    return { mime: 'image/avif', supported: false, name: 'AVIF/HEIC' };
  if (
    ascii(head, 0, 'ID3') ||
    (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && (head[1] ?? 0) & 0x06)
  )
    return { mime: 'audio/mpeg', supported: true, name: 'MP3' };
  if (ascii(head, 0, 'OggS')) {
    // The first packet follows the page header (27 bytes) and its segment table.
    const packet = 27 + (head[26] ?? 0);
    if (ascii(head, packet, 'OpusHead'))
      return { mime: 'audio/ogg', supported: true, name: 'Ogg Opus', codec: 'opus' };
    if (head[packet] === 1 && ascii(head, packet + 1, 'vorbis'))
      return { mime: 'audio/ogg', supported: true, name: 'Ogg Vorbis', codec: 'vorbis' };
    return { mime: 'audio/ogg', supported: false, name: 'Ogg (neither Vorbis nor Opus)' };
  }
  if (ascii(head, 0, 'fLaC')) return { mime: 'audio/flac', supported: true, name: 'FLAC' };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return { mime: 'audio/webm', supported: false, name: 'WebM/Matroska' };
  if (ascii(head, 4, 'ftyp')) return { mime: 'audio/mp4', supported: false, name: 'MP4/M4A' };
  return null;
}

/** The one message for a file HITdesk cannot use yet, naming the format and the way out. */
export function unsupportedMediaMessage(type: SniffedType | null): string {
  if (!type) {
    return 'unrecognised file type: HITdesk reads PNG and JPEG images, and WAV (PCM), MP3, Ogg (Vorbis, Opus) and FLAC audio';
  }
  const fix = type.mime.startsWith('audio/')
    ? 'convert it to WAV, MP3, Ogg or FLAC, e.g. `ffmpeg -i in.m4a out.mp3`'
    : 'convert it to PNG or JPEG';
  return `${type.name} files are not supported yet: ${fix}`;
}
