import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ProfileStore } from '../profile/profile-store';
import { CallAborted, QueueError, type QueueClient } from '../queue-client';
import type { MediaFiles } from './media-files';
import type { MediaRow } from './media-index';

/** Files downloaded at once (each on its own connection): enough to fill a line, few enough for a shared one. */
export const DOWNLOAD_CONCURRENCY = 3;

export type DownloaderOptions = {
  store: ProfileStore;
  files: MediaFiles;
  client: QueueClient;
  /** How many files download at once. */
  concurrency?: number;
  /** No byte for this long: the download is cut (and resumes on the next pass). */
  stallTimeoutMs: number;
  /** Whether `bytes` more fit in the storage budget. */
  fits: (bytes: number) => boolean;
  /** Files became ready: these tasks changed. */
  onReady: (taskIds: string[]) => void;
  /** Bytes arrived (throttled by the caller). */
  onProgress: () => void;
};

/** How one run of the downloader ended. */
export type DownloadRun =
  | { outcome: 'done' }
  /** Some files do not fit the storage budget; they wait until space is freed. */
  | { outcome: 'budget' }
  /** The queue could not be reached, or refused us: the sync engine backs off and retries. */
  | { outcome: 'failed'; error: unknown };

/** The file the queue sent is not the one its hash names: damaged in transit, or on the queue. */
class DigestMismatch extends Error {}

/**
 * Downloads the media files of a profile's open tasks: a few at a time, earliest tasks first,
 * resumable (HTTP Range from what the partial file holds, across cuts and restarts), each verified
 * against its sha256 before it is synced and renamed into place. Nothing half-downloaded or
 * damaged is ever served.
 */
export class MediaDownloader {
  private readonly inFlight = new Map<string, number>();
  /** The sizes the references announce for the files downloading now, held against the budget. */
  private readonly reserved = new Map<string, number>();
  private running: Promise<DownloadRun> | null = null;
  private abort = new AbortController();
  private stopped = false;

  constructor(private readonly options: DownloaderOptions) {}

  /** Bytes received so far of the files downloading now (added to the stored progress). */
  inFlightBytes(): number {
    let total = 0;
    for (const bytes of this.inFlight.values()) total += bytes;
    return total;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Downloads everything wanted; a run already going is joined, not doubled. */
  run(): Promise<DownloadRun> {
    if (this.stopped) return Promise.resolve({ outcome: 'done' });
    this.running ??= this.downloadAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Cuts the downloads under way (their partial files stay, to resume) and waits for quiet. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  private async downloadAll(): Promise<DownloadRun> {
    const concurrency = this.options.concurrency ?? DOWNLOAD_CONCURRENCY;
    let failure: unknown = null;
    let overBudget = false;
    const skipped = new Set<string>();
    const next = (): MediaRow | null => {
      if (failure !== null || this.stopped) return null;
      const candidates = this.options.store.media.wanted(concurrency * 2 + skipped.size + this.inFlight.size);
      for (const row of candidates) {
        if (this.inFlight.has(row.sha256) || skipped.has(row.sha256)) continue;
        let reserved = 0;
        for (const bytes of this.reserved.values()) reserved += bytes;
        if (!this.options.fits((row.bytes ?? 0) + reserved)) {
          overBudget = true;
          skipped.add(row.sha256);
          continue;
        }
        return row;
      }
      return null;
    };
    const settle = async (row: MediaRow, download: Promise<void>) => {
      try {
        await download;
      } catch (error) {
        if (error instanceof CallAborted || this.stopped) return;
        if (error instanceof QueueError && error.failure.kind === 'http' && error.failure.status === 404) {
          this.options.onReady(
            this.options.store.media.markFailed(row.sha256, 'the queue does not have this file'),
          );
        } else if (error instanceof DigestMismatch) {
          this.options.onReady(this.options.store.media.markFailed(row.sha256, error.message));
        } else {
          failure ??= error;
        }
      } finally {
        this.inFlight.delete(row.sha256);
        this.reserved.delete(row.sha256);
      }
    };
    const settling: Promise<void>[] = [];
    const worker = async () => {
      for (let row = next(); row !== null; row = next()) {
        this.inFlight.set(row.sha256, 0);
        this.reserved.set(row.sha256, row.bytes ?? 0);
        // The connection moves on to the next file once this one's bytes are in: its sync,
        // check and rename run meanwhile (a file still settling is in flight, so never taken twice).
        let allIn: () => void = () => undefined;
        const bytesIn = new Promise<void>((resolve) => (allIn = resolve));
        const settled = settle(row, this.download(row, allIn));
        settling.push(settled);
        await Promise.race([bytesIn, settled]);
      }
    };
    this.abort = new AbortController();
    await Promise.all(Array.from({ length: concurrency }, worker));
    await Promise.all(settling);
    if (this.stopped) return { outcome: 'done' };
    if (failure !== null) return { outcome: 'failed', error: failure };
    return overBudget ? { outcome: 'budget' } : { outcome: 'done' };
  }

  /** One file: resume from the partial file, verify, sync, rename. Retries once from zero if damaged. */
  private async download(row: MediaRow, allIn: () => void): Promise<void> {
    try {
      await this.fetchInto(row, allIn);
    } catch (error) {
      if (!(error instanceof DigestMismatch)) throw error;
      await rm(this.options.files.partialPathOf(row.sha256), { force: true });
      this.inFlight.set(row.sha256, 0);
      await this.fetchInto(row, allIn);
    }
  }

  /** `allIn` is called once every byte is written to the partial file, before it is synced and checked. */
  private async fetchInto(row: MediaRow, allIn: () => void): Promise<void> {
    const { files, client, store } = this.options;
    const partial = files.partialPathOf(row.sha256);
    let have = await files.partialSize(row.sha256);
    if (row.bytes !== null && have > row.bytes) {
      await rm(partial, { force: true });
      have = 0;
    }
    const hash = createHash('sha256');
    if (have > 0) await hashFile(partial, hash);
    this.inFlight.set(row.sha256, have);

    const stall = new AbortController();
    let timer = setTimeout(() => stall.abort(), this.options.stallTimeoutMs);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stall.abort(), this.options.stallTimeoutMs);
    };
    const signal = AbortSignal.any([this.abort.signal, stall.signal]);
    try {
      const response = await client.open(
        'getMedia',
        { params: { sha256: row.sha256 } },
        { signal, accept: [200, 206, 416], headers: have > 0 ? { range: `bytes=${have}-` } : {} },
      );
      if (response.status === 416) {
        // The partial file is longer than the queue's file: start again.
        await response.body?.cancel();
        await rm(partial, { force: true });
        throw new DigestMismatch(`the partial download of ${row.sha256} did not match the queue's file`);
      }
      const resumed = response.status === 206;
      const digest = resumed ? hash : createHash('sha256');
      let received = resumed ? have : 0;
      // Streamed straight to the partial file (buffered writes, as a plain download does), hashed
      // on the way; every chunk also resets the stall timer and moves the progress bar.
      const counter = new Transform({
        transform: (chunk: Buffer, _encoding, done) => {
          touch();
          digest.update(chunk);
          received += chunk.byteLength;
          this.inFlight.set(row.sha256, received);
          this.options.onProgress();
          done(null, chunk);
        },
      });
      // flush: synced to disk before it closes (the pipeline settles once it has closed); once
      // every byte is written, the connection is free for the next file while this one syncs.
      const file = createWriteStream(partial, { flags: resumed ? 'a' : 'w', flush: true });
      file.once('finish', allIn);
      if (response.body) {
        await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counter, file);
      } else {
        file.end();
        await finished(file);
      }
      const actual = digest.digest('hex');
      if (actual !== row.sha256) {
        throw new DigestMismatch(`the file sent for ${row.sha256} has the sha256 ${actual}: it was damaged`);
      }
      await files.commit(partial, row.sha256);
      const mime = row.mime ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? null;
      this.options.onReady(store.media.markReady(row.sha256, received, mime));
    } catch (error) {
      if (stall.signal.aborted && !this.abort.signal.aborted) {
        throw new QueueError(
          { kind: 'network', reason: 'timeout', detail: `no data for ${this.options.stallTimeoutMs} ms` },
          'getMedia',
        );
      }
      if (this.abort.signal.aborted) throw new CallAborted();
      if (error instanceof TypeError || isStreamError(error)) {
        // The body stream broke off (connection reset mid-file): what arrived is kept, to resume.
        throw new QueueError(
          { kind: 'network', reason: 'unreachable', detail: (error as Error).message },
          'getMedia',
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** A connection that broke while the body was streaming (undici's and Node's stream errors). */
function isStreamError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^(ECONNRESET|EPIPE|ERR_STREAM_PREMATURE_CLOSE|UND_ERR_SOCKET|UND_ERR_BODY_TIMEOUT|ABORT_ERR)$/.test(code)
  );
}
