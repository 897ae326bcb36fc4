import { ascii } from '../../shared/media/sniff';

/** What an MP3's first bytes say that its decoder does not: whether it is mono. */

/** Where the first frame starts: after an ID3v2 tag (a 10-byte header, +10 with a footer). */
function firstFrame(head: Uint8Array): number {
  if (!ascii(head, 0, 'ID3') || head.length < 10) return 0;
  const size = ((head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!) >>> 0;
  return 10 + size + ((head[5]! & 0x10) !== 0 ? 10 : 0);
}

/** 1 or 2, from the first frame header's channel mode (the decoder hands mono out as two channels). */
export function mp3Channels(head: Uint8Array): number | null {
  const start = firstFrame(head);
  if (head[start] !== 0xff || ((head[start + 1] ?? 0) & 0xe0) !== 0xe0) return null;
  return (head[start + 3] ?? 0) >> 6 === 3 ? 1 : 2;
}
