import { open } from 'node:fs/promises';
import { MAX_UPLOAD_CHUNK, type UploadState } from '../../../shared/protocol/endpoints';
import type { MediaFiles } from '../media/media-files';
import type { MediaRow } from '../media/media-index';
import type { ProfileStore } from '../profile/profile-store';
import { QueueError, type QueueClient } from '../queue-client';

/** Chunks small enough to get through a weak link between cuts, well under the queue's limit. */
export const UPLOAD_CHUNK_BYTES = Math.min(1024 * 1024, MAX_UPLOAD_CHUNK);

/** A file an answer needs cannot be sent at all: the answer is refused with this message. */
export class UploadImpossible extends Error {}

export type UploaderOptions = {
  store: ProfileStore;
  files: MediaFiles;
  client: QueueClient;
  signal: AbortSignal;
  onProgress: () => void;
};

/**
 * Sends the local files an answer names (recordings) to the queue before the answer itself, in
 * resumable chunks: the queue says how much it holds, and sending goes on from there, across cuts
 * and restarts. The upload id is kept, so a restart resumes the same upload.
 */
export class Uploader {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly options: UploaderOptions) {}

  /** Bytes the queue already holds of files still uploading. */
  sentBytes(sha256: string): number {
    return this.inFlight.get(sha256) ?? 0;
  }

  /** Answers go several at a time: two naming the same file share one upload. */
  private readonly uploading = new Map<string, Promise<void>>();

  async uploadFor(answer: unknown): Promise<void> {
    for (const row of this.options.store.media.toUpload(answer)) {
      let upload = this.uploading.get(row.sha256);
      if (!upload) {
        upload = this.upload(row).finally(() => this.uploading.delete(row.sha256));
        this.uploading.set(row.sha256, upload);
      }
      await upload;
    }
  }

  private async upload(row: MediaRow): Promise<void> {
    const { store, files, client, signal } = this.options;
    const path = files.pathOf(row.sha256);
    if (!(await files.has(row.sha256)) || row.bytes === null) {
      throw new UploadImpossible(`the file ${row.sha256} this answer needs is no longer on this laptop`);
    }
    const bytes = row.bytes;
    let state: UploadState = await client.call(
      'createUpload',
      { body: { sha256: row.sha256, bytes, mime: row.mime ?? 'application/octet-stream' } },
      { signal },
    );
    store.media.setUpload(row.sha256, { uploadId: state.uploadId, uploaded: state.complete });
    const handle = await open(path, 'r');
    try {
      while (!state.complete) {
        this.inFlight.set(row.sha256, state.received);
        this.options.onProgress();
        const length = Math.min(UPLOAD_CHUNK_BYTES, bytes - state.received);
        if (length <= 0) {
          throw new UploadImpossible(
            `the queue holds all ${bytes} bytes of ${row.sha256} but did not complete it`,
          );
        }
        const chunk = Buffer.alloc(length);
        const { bytesRead } = await handle.read(chunk, 0, length, state.received);
        try {
          state = await client.call(
            'appendUpload',
            {
              params: { uploadId: state.uploadId },
              query: { offset: state.received },
              body: chunk.subarray(0, bytesRead),
            },
            { signal },
          );
        } catch (error) {
          // Our idea of the offset is stale (a chunk landed but its answer was lost): ask.
          if (
            error instanceof QueueError &&
            error.failure.kind === 'http' &&
            error.failure.code === 'conflict'
          ) {
            state = await client.call('getUpload', { params: { uploadId: state.uploadId } }, { signal });
            continue;
          }
          throw error;
        }
      }
    } finally {
      await handle.close();
      this.inFlight.delete(row.sha256);
    }
    store.media.setUpload(row.sha256, { uploadId: state.uploadId, uploaded: true });
    this.options.onProgress();
  }
}
