import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { UploadState } from '../../shared/protocol/endpoints';
import { MAX_UPLOAD_CHUNK } from '../../shared/protocol/endpoints';
import { MediaFormatError } from '../../shared/media/errors';
import type { Db } from '../db/db';
import { ApiError, notFound } from '../errors';
import { findMedia, ingestTempFile, type MediaLibrary } from './ingest';

/** Unfinished uploads one person may have at once (each holds disk space until it completes). */
export const MAX_OPEN_UPLOADS = 100;

type UploadRow = {
  id: string;
  user_id: string;
  sha256: string;
  bytes: number;
  mime: string;
  received: number;
  status: 'open' | 'complete';
  temp_name: string;
};

const COLUMNS = 'id, user_id, sha256, bytes, mime, received, status, temp_name';

function stateOf(row: UploadRow, media?: UploadState['media']): UploadState {
  const state: UploadState = {
    uploadId: row.id,
    received: row.received,
    complete: row.status === 'complete',
  };
  if (media) state.media = media;
  return state;
}

/**
 * Starts an upload of a file named by its sha256, or resumes the one this person already started.
 * A file the queue already holds completes at once (nothing to send).
 */
export async function createUpload(
  library: MediaLibrary,
  userId: string,
  input: { sha256: string; bytes: number; mime: string },
): Promise<UploadState> {
  const { db } = library;
  const stored = await findMedia(db, input.sha256);
  if (stored && (await library.store.size(input.sha256)) === stored.bytes) {
    if (stored.bytes !== input.bytes) throw sizeMismatch(input.bytes, stored.bytes);
    // Recorded as complete but not as received from this person: knowing a hash is not reading rights.
    const [row] = await db.query<UploadRow>(
      `INSERT INTO uploads (user_id, sha256, bytes, mime, received, status, temp_name, sent)
       VALUES ($1, $2, $3, $4, $3, 'complete', '', false) RETURNING ${COLUMNS}`,
      [userId, input.sha256, input.bytes, stored.mime],
    );
    return stateOf(row as UploadRow, stored);
  }
  return db.transaction(async (tx) => {
    const [open] = await tx.query<UploadRow>(
      `SELECT ${COLUMNS} FROM uploads WHERE user_id = $1 AND sha256 = $2 AND status = 'open' FOR UPDATE`,
      [userId, input.sha256],
    );
    if (open) {
      if (open.bytes !== input.bytes) throw sizeMismatch(input.bytes, open.bytes);
      return stateOf(open);
    }
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM uploads WHERE user_id = $1 AND status = 'open'`,
      [userId],
    );
    if (count >= MAX_OPEN_UPLOADS) {
      throw new ApiError(
        409,
        'conflict',
        `you have ${count} unfinished uploads: finish them before starting more`,
      );
    }
    const [row] = await tx.query<UploadRow>(
      `INSERT INTO uploads (user_id, sha256, bytes, mime, temp_name)
       VALUES ($1, $2, $3, $4, 'upload-' || replace(gen_random_uuid()::text, '-', '') || '.part')
       RETURNING ${COLUMNS}`,
      [userId, input.sha256, input.bytes, input.mime],
    );
    return stateOf(row as UploadRow);
  });
}

function sizeMismatch(given: number, known: number): ApiError {
  return new ApiError(400, 'invalid_input', `bytes: this file has ${known} bytes, not ${given}`, {
    field: 'bytes',
  });
}

async function ownUpload(db: Db, userId: string, uploadId: string, lock = false): Promise<UploadRow> {
  const [row] = await db.query<UploadRow>(
    `SELECT ${COLUMNS} FROM uploads WHERE id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [uploadId, userId],
  );
  // Someone else's upload is as unknown as a missing one.
  if (!row) throw notFound(`no upload with id ${uploadId}`);
  return row;
}

/** How far an upload has come; a full one that was not finished (a crash) is finished now. */
export async function getUpload(
  library: MediaLibrary,
  userId: string,
  uploadId: string,
): Promise<UploadState> {
  const row = await ownUpload(library.db, userId, uploadId);
  if (row.status === 'open' && row.received === row.bytes) return finish(library, row);
  return describe(library, row);
}

async function describe(library: MediaLibrary, row: UploadRow): Promise<UploadState> {
  if (row.status !== 'complete') return stateOf(row);
  return stateOf(row, (await findMedia(library.db, row.sha256)) ?? undefined);
}

/**
 * Writes one chunk at `offset`, which must be the number of bytes the server holds (a client that
 * lost track asks `getUpload`). The last chunk completes the upload: the file is checked against
 * its sha256 and stored; a mismatch discards it so the client starts again.
 */
export async function appendUpload(
  library: MediaLibrary,
  userId: string,
  uploadId: string,
  offset: number,
  chunk: Buffer,
): Promise<UploadState> {
  if (chunk.length > MAX_UPLOAD_CHUNK) {
    throw new ApiError(413, 'payload_too_large', `a chunk may hold at most ${MAX_UPLOAD_CHUNK} bytes`);
  }
  const row = await library.db.transaction(async (tx) => {
    const upload = await ownUpload(tx, userId, uploadId, true);
    if (upload.status === 'complete') {
      // A retry of the last chunk whose answer was lost: nothing more to do.
      if (offset + chunk.length === upload.bytes || offset === upload.bytes) return upload;
      throw offsetConflict(upload);
    }
    if (offset !== upload.received) throw offsetConflict(upload);
    if (offset + chunk.length > upload.bytes) {
      throw new ApiError(
        400,
        'invalid_input',
        `this chunk would end at byte ${offset + chunk.length}, past the declared size (${upload.bytes})`,
      );
    }
    if (chunk.length === 0 && upload.received < upload.bytes) {
      throw new ApiError(400, 'invalid_input', 'the chunk is empty: send the next bytes of the file');
    }
    if (chunk.length > 0) {
      await writeAt(await library.store.stagingPath(upload.temp_name), offset, chunk);
      await tx.query('UPDATE uploads SET received = $2, updated_at = now() WHERE id = $1', [
        upload.id,
        offset + chunk.length,
      ]);
    }
    return { ...upload, received: offset + chunk.length };
  });
  if (row.status === 'open' && row.received === row.bytes) return finish(library, row);
  return describe(library, row);
}

function offsetConflict(upload: UploadRow): ApiError {
  return new ApiError(
    409,
    'conflict',
    `the server holds ${upload.received} bytes of this upload: send the chunk that starts at offset ${upload.received}`,
    { field: 'offset' },
  );
}

async function writeAt(path: string, offset: number, bytes: Buffer): Promise<void> {
  // 'a' would ignore the position on Linux; 'r+' needs the file to exist. Create it empty first.
  const handle = await open(path, offset === 0 ? 'w' : 'r+');
  try {
    await handle.write(bytes, 0, bytes.length, offset);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Verifies a fully received upload and stores the file; a wrong hash sends the client back to byte 0. */
async function finish(library: MediaLibrary, row: UploadRow): Promise<UploadState> {
  const path = await library.store.stagingPath(row.temp_name);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { start: 0, end: row.bytes - 1 })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const actual = hash.digest('hex');
  if (size !== row.bytes || actual !== row.sha256) {
    await restart(library, row);
    throw new ApiError(
      400,
      'invalid_input',
      `the file received does not match its sha256 (${size} bytes, sha256 ${actual}): upload it again from offset 0`,
      { field: 'sha256' },
    );
  }
  let media;
  try {
    media = await ingestTempFile(library, path, {
      createdBy: row.user_id,
      known: { sha256: actual, bytes: size },
    });
  } catch (error) {
    if (!(error instanceof MediaFormatError)) throw error;
    await restart(library, row);
    throw new ApiError(400, 'invalid_input', `the uploaded file cannot be used: ${error.message}`);
  }
  await library.db.query(
    `UPDATE uploads SET status = 'complete', updated_at = now() WHERE id = $1 AND status = 'open'`,
    [row.id],
  );
  return stateOf({ ...row, status: 'complete' }, media);
}

async function restart(library: MediaLibrary, row: UploadRow): Promise<void> {
  await rm(await library.store.stagingPath(row.temp_name), { force: true });
  await library.db.query(
    `UPDATE uploads SET received = 0, updated_at = now() WHERE id = $1 AND status = 'open'`,
    [row.id],
  );
}
