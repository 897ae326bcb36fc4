import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { WaveformPeaks } from '../../../shared/domain/media';
import { PeaksBuilder } from '../../../shared/media/peaks';
import { parseWavHeader } from '../../../shared/media/wav';

/** Enough of a real WAV file to reach its data chunk (the queue's ingest reads the same). */
const HEAD_BYTES = 64 * 1024;

/**
 * The waveform peaks of a WAV file on disk, streamed through the shared PeaksBuilder (the code the
 * queue uses at ingest), so a long recording never sits in memory whole. Throws MediaFormatError
 * for a file that is not a WAV.
 */
export async function peaksOfWavFile(path: string): Promise<WaveformPeaks> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const info = parseWavHeader(head, size);
  const builder = new PeaksBuilder(info);
  if (info.dataBytes > 0) {
    const stream = createReadStream(path, {
      start: info.dataOffset,
      end: info.dataOffset + info.dataBytes - 1,
    });
    for await (const chunk of stream) builder.push(chunk as Buffer);
  }
  return builder.finish();
}
