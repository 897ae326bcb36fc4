import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { MediaRef, WaveformPeaks } from '../../shared/domain/media';
import { MediaFormatError } from '../../shared/media/errors';
import { readImageHeader } from '../../shared/media/image-header';
import { PeaksBuilder } from '../../shared/media/peaks';
import { sniffMediaType, unsupportedMediaMessage } from '../../shared/media/sniff';
import { parseWavHeader } from '../../shared/media/wav';
import type { Db } from '../db/db';
import { ApiError } from '../errors';
import { describeCompressedAudio } from './compressed-audio';
import type { MediaStore } from './store';
import { decodeImage, makeRenditions, type Rendition } from './thumbnail';
import { readFile } from 'node:fs/promises';

/** What media code needs: the database (metadata) and the store (bytes). */
export type MediaLibrary = { db: Db; store: MediaStore };

/** Enough of a file to sniff it and read a WAV header or a JPEG frame header behind EXIF. */
const HEAD_BYTES = 256 * 1024;

type MediaRow = { sha256: string; ref: MediaRef };

/** The stored description of a file, or null when the queue does not have it. */
export async function findMedia(db: Db, sha256: string): Promise<MediaRef | null> {
  const [row] = await db.query<MediaRow>('SELECT sha256, ref FROM media WHERE sha256 = $1', [sha256]);
  return row ? row.ref : null;
}

/** sha256 (hex) and size of a file on disk. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Stores a file that sits at `tempPath` (on the store's disk; it is moved, not copied): works out
 * what it is from its bytes, adds a thumbnail and a display rendition (images) or duration and peaks (audio), and
 * records it. The same bytes stored twice are one file. Unsupported formats are refused with a
 * message that names the format and the way out.
 */
export async function ingestTempFile(
  library: MediaLibrary,
  tempPath: string,
  options: { createdBy?: string | null; known?: { sha256: string; bytes: number } } = {},
): Promise<MediaRef> {
  try {
    const { sha256, bytes } = options.known ?? (await hashFile(tempPath));
    const existing = await findMedia(library.db, sha256);
    if (existing && (await library.store.size(sha256)) === bytes) {
      await rm(tempPath, { force: true });
      return existing;
    }
    const head = await readHead(tempPath);
    const type = sniffMediaType(head);
    if (!type?.supported) throw new MediaFormatError(unsupportedMediaMessage(type));
    const derived: MediaRef[] = [];
    let ref: MediaRef;
    if (type.mime === 'audio/wav') {
      ref = await describeWav(library, tempPath, head, { sha256, bytes }, derived);
    } else if (type.mime.startsWith('audio/')) {
      const facts = await describeCompressedAudio(tempPath, type, head);
      const peaks = await storePeaks(library, facts.peaks, derived);
      ref = { sha256, mime: type.mime, bytes, ...facts, peaks };
    } else {
      ref = await describeImage(library, tempPath, { sha256, bytes }, derived);
    }
    await library.store.commitFile(sha256, tempPath);
    await recordMedia(
      library.db,
      [...derived.map((entry) => ({ ref: entry, from: sha256 })), { ref, from: null }],
      options.createdBy ?? null,
    );
    return ref;
  } finally {
    await rm(tempPath, { force: true });
  }
}

/** Stores a file from anywhere on disk (an import folder): copied only when the queue lacks it. */
export async function ingestPath(
  library: MediaLibrary,
  path: string,
  createdBy: string | null = null,
): Promise<MediaRef> {
  const known = await hashFile(path);
  const existing = await findMedia(library.db, known.sha256);
  if (existing && (await library.store.size(known.sha256)) === known.bytes) return existing;
  const temp = await library.store.tempPath();
  await copyFile(path, temp);
  return ingestTempFile(library, temp, { createdBy, known });
}

/** Receives a request body into a temp file (refusing more than `limit` bytes), then stores it. */
export async function ingestStream(
  library: MediaLibrary,
  stream: Readable,
  options: { limit: number; createdBy?: string | null },
): Promise<MediaRef> {
  const temp = await library.store.tempPath();
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > options.limit) {
        done(
          new ApiError(
            413,
            'payload_too_large',
            `the file is larger than ${Math.round(options.limit / 1048576)} MB`,
          ),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, createWriteStream(temp));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (bytes === 0) {
    await rm(temp, { force: true });
    throw new ApiError(400, 'invalid_input', 'the body is empty: send the file bytes');
  }
  return ingestTempFile(library, temp, {
    createdBy: options.createdBy ?? null,
    known: { sha256: hash.digest('hex'), bytes },
  });
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

async function describeImage(
  library: MediaLibrary,
  path: string,
  file: { sha256: string; bytes: number },
  derived: MediaRef[],
): Promise<MediaRef> {
  const bytes = new Uint8Array(await readFile(path));
  const header = readImageHeader(bytes);
  if (!header) throw new MediaFormatError(unsupportedMediaMessage(sniffMediaType(bytes)));
  const renditions = makeRenditions(decodeImage(bytes, header), header.orientation);
  const stored = async (rendition: Rendition) => {
    const sha256 = createHash('sha256').update(rendition.bytes).digest('hex');
    await library.store.putBytes(sha256, rendition.bytes);
    const { width, height } = rendition;
    derived.push({ sha256, mime: 'image/jpeg', bytes: rendition.bytes.length, width, height });
    return { sha256, bytes: rendition.bytes.length, width, height };
  };
  const thumbnail = await stored(renditions.thumbnail);
  const display = renditions.display ? await stored(renditions.display) : null;
  return {
    sha256: file.sha256,
    mime: header.mime,
    bytes: file.bytes,
    width: header.width,
    height: header.height,
    thumbnail,
    ...(display ? { display } : {}),
  };
}

async function describeWav(
  library: MediaLibrary,
  path: string,
  head: Uint8Array,
  file: { sha256: string; bytes: number },
  derived: MediaRef[],
): Promise<MediaRef> {
  const info = parseWavHeader(head, file.bytes);
  const builder = new PeaksBuilder(info);
  const stream = createReadStream(path, {
    start: info.dataOffset,
    end: info.dataOffset + info.dataBytes - 1,
  });
  for await (const chunk of stream) builder.push(chunk as Buffer);
  return {
    sha256: file.sha256,
    mime: 'audio/wav',
    bytes: file.bytes,
    durationMs: info.durationMs,
    sampleRate: info.sampleRate,
    channels: info.channels,
    peaks: await storePeaks(library, builder.finish(), derived),
  };
}

/** The waveform peaks as a stored JSON file of their own (the workstation downloads it with the audio). */
async function storePeaks(library: MediaLibrary, peaks: WaveformPeaks, derived: MediaRef[]) {
  const bytes = new TextEncoder().encode(JSON.stringify(peaks));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await library.store.putBytes(sha256, bytes);
  derived.push({ sha256, mime: 'application/json', bytes: bytes.length });
  return { sha256, bytes: bytes.length };
}

async function recordMedia(
  db: Db,
  entries: Array<{ ref: MediaRef; from: string | null }>,
  createdBy: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO media (sha256, mime, bytes, ref, derived_from, created_by)
     SELECT x.ref->>'sha256', x.ref->>'mime', (x.ref->>'bytes')::bigint, x.ref, x.derived_from, $2::uuid
     FROM jsonb_to_recordset($1::jsonb) AS x(ref jsonb, derived_from text)
     ON CONFLICT (sha256) DO NOTHING`,
    [JSON.stringify(entries.map((entry) => ({ ref: entry.ref, derived_from: entry.from }))), createdBy],
  );
}

/** Converts a format problem into the API's 400, naming what is wrong with the file. */
export function mediaError(error: unknown, what = 'the file'): never {
  if (error instanceof MediaFormatError)
    throw new ApiError(400, 'invalid_input', `${what}: ${error.message}`);
  throw error;
}
