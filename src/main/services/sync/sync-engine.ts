import type { BridgeEmitter, SyncStatus } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import { MediaDownloader } from '../media/downloader';
import type { MediaFiles } from '../media/media-files';
import type { StorageBudget } from '../media/storage-budget';
import type { ProfileStore } from '../profile/profile-store';
import { CallAborted, QueueError, type QueueClient } from '../queue-client';
import { backoffDelay, type SyncTimings } from './backoff';
import { recoverTake } from './batch-take';
import { pullFeedback } from './feedback-pull';
import { OutboxPusher } from './outbox-pusher';
import { ProgressBatcher } from './progress-batcher';
import { judgeFailure, type SyncProblem } from './push-outcome';
import { renewLeases } from './lease-renewal';
import { Uploader } from './uploader';

export type SyncEngineOptions = {
  store: ProfileStore;
  client: QueueClient;
  emit: BridgeEmitter;
  timings: SyncTimings;
  now: () => Date;
  random: () => number;
  /** The profile's media folder and budget; without them, no media is downloaded or uploaded. */
  files?: MediaFiles;
  budget?: StorageBudget;
  /** Told when the queue refused the token (false: an online sign-in is needed) or took work with it. */
  onAuth?: (accepted: boolean) => void;
};

/** A recording no draft or answer names is collected once it is this old. */
const DISCARDED_AFTER_MS = 3_600_000;
/** Progress, and which tasks changed, are pushed to the renderer at most this often. */
const PROGRESS_EVERY_MS = 250;
/**
 * How long `stop()` lets a request in flight finish before cutting it. Cutting one before it is
 * sent can leave a connected, silent socket in fetch's pool, and a queue server waits for such a
 * socket before it can close (a minute, for the embedded demo when the app quits).
 */
const STOP_GRACE_MS = 1_500;

/**
 * One HITer's link with the queue. Each pass: make sure the queue answers; push the outbox oldest
 * first, one row at a time, each with its own idempotency key (so an answer whose response was lost
 * is replayed, never duplicated), the local files it names uploaded first; renew the leases; bring
 * the feedback down; and start the downloads of the open tasks' media. Backs off with full jitter
 * while the queue is out of reach, probing `health` until it answers again.
 */
export class SyncEngine {
  private online: boolean | null = null;
  private syncing = false;
  private lastSyncAt: string | null = null;
  private lastError: SyncStatus['lastError'] = null;
  private nextRetryAt: string | null = null;
  /** Failures in a row, for the backoff. */
  private attempt = 0;
  /** Set by 401/426: nothing is pushed until the HITer acts (or asks for `sync.now`). */
  private halted = false;
  private stopped = false;
  private lastPassOk = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private lastEmitted = '';
  private lastRenewalAt = 0;
  /** Endpoints this queue turned out not to have (an older queue): not asked again this session. */
  private readonly unsupported = new Set<'renewLeases' | 'feedback'>();
  private readonly downloader: MediaDownloader | null;
  private readonly uploader: Uploader | null;
  private readonly pusher: OutboxPusher;
  private readonly progress = new ProgressBatcher(PROGRESS_EVERY_MS, (taskIds) => {
    if (taskIds.length > 0) this.options.emit('tasks.changed', { taskIds });
    this.emitStatus();
  });

  constructor(private readonly options: SyncEngineOptions) {
    const { files, budget, store, client, timings } = options;
    this.downloader =
      files && budget
        ? new MediaDownloader({
            store,
            files,
            client,
            stallTimeoutMs: timings.stallTimeoutMs,
            fits: (bytes) => budget.fits(bytes),
            onReady: (taskIds) => this.progress.tasksChanged(taskIds),
            onProgress: () => this.progress.progressChanged(),
          })
        : null;
    this.uploader = files
      ? new Uploader({
          store,
          files,
          client,
          signal: this.abort.signal,
          onProgress: () => this.progress.progressChanged(),
        })
      : null;
    this.pusher = new OutboxPusher({
      store,
      client,
      files,
      uploader: this.uploader,
      batchSize: timings.submitBatch,
      signal: this.abort.signal,
      stopped: () => this.stopped,
      reached: () => {
        this.online = true;
      },
      tasksChanged: (taskIds) => this.progress.tasksChanged(taskIds),
      progressChanged: () => this.progress.progressChanged(),
    });
  }

  start(): void {
    void this.sweep();
    void this.trigger();
  }

  /**
   * Evicts the files of tasks the queue already acknowledged that a crash (between settling an
   * answer and deleting its files) left on disk, and recordings the HITer discarded (older than an
   * hour, so a take whose draft is still on its way is never touched): they stop using the budget.
   */
  private async sweep(): Promise<void> {
    const { files, store, now } = this.options;
    if (!files) return;
    try {
      const before = new Date(now().getTime() - DISCARDED_AFTER_MS);
      for (const media of [...store.media.evictableAll(), ...store.media.discardedRecordings(before)]) {
        if (this.stopped) return;
        await files.remove(media.sha256);
        if (this.stopped) return;
        store.media.markEvicted(media.sha256);
      }
    } catch (error) {
      // Only disk space is at stake: the next session sweeps again.
      console.warn('[sync] sweeping acknowledged media failed', error);
    }
  }

  status(): SyncStatus {
    const { store, budget } = this.options;
    const flagged = store.flaggedCounts();
    const status: SyncStatus = {
      online: this.online,
      syncing: this.syncing,
      pendingCount: store.pendingCount(),
      refusedCount: flagged.refused,
      supersededCount: flagged.superseded,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      nextRetryAt: this.nextRetryAt,
    };
    if (!this.downloader || !budget) return status;
    const progress = store.media.downloadProgress();
    const uploads = store.media.uploadsWaiting();
    return {
      ...status,
      download: {
        bytes: progress.bytes,
        doneBytes: Math.min(progress.bytes, progress.readyBytes + this.downloader.inFlightBytes()),
        tasks: progress.tasks,
        tasksReady: progress.tasksReady,
        failed: progress.failed,
      },
      upload: {
        bytes: uploads.reduce((sum, row) => sum + (row.bytes ?? 0), 0),
        doneBytes: uploads.reduce((sum, row) => sum + (this.uploader?.sentBytes(row.sha256) ?? 0), 0),
      },
      storage: budget.view(),
    };
  }

  /** New work in the outbox. While offline the backoff schedule stands: no hammering. */
  poke(): void {
    if (this.stopped) return;
    this.emitStatus();
    if (this.online === false || this.halted) return;
    void this.trigger();
  }

  /** Forgets the backoff and runs one full pass now; resolves with the status after it. */
  async syncNow(): Promise<SyncStatus> {
    this.attempt = 0;
    this.halted = false;
    this.lastRenewalAt = 0;
    while (this.running) await this.running;
    await this.trigger();
    // Signed out meanwhile: the store is closing, there is no status to give.
    if (this.stopped) throw new BridgeError('not_signed_in', 'the session ended while it was syncing');
    return this.status();
  }

  /**
   * Cancels the timer, the downloads and the pass in progress: a request in flight gets a short
   * grace to finish (its answer is recorded), then is cut. Resolves once the engine is quiet.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimer();
    this.progress.stop();
    const downloads = this.downloader?.stop();
    if (this.running) {
      const cut = setTimeout(() => this.abort.abort(), STOP_GRACE_MS);
      try {
        await this.running;
      } finally {
        clearTimeout(cut);
      }
    }
    await downloads;
  }

  private trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    const run = async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && this.lastPassOk && !this.stopped);
      } finally {
        this.running = null;
      }
    };
    this.running = run();
    return this.running;
  }

  /** One pass (see the class comment). Never throws. */
  private async pass(): Promise<void> {
    const { store, client, timings, now } = this.options;
    this.syncing = true;
    this.nextRetryAt = null;
    this.emitStatus();
    try {
      await this.options.budget?.refresh();
      if (store.nextPending() === null || this.online !== true) {
        await client.call('health', {}, { signal: this.abort.signal });
        this.online = true;
        this.emitStatus();
      }
      await this.pusher.pushAll();
      if (this.stopped) return;
      const recovered = await recoverTake(store, client, this.abort.signal);
      if (recovered.length > 0) this.progress.tasksChanged(recovered);
      if (
        !this.unsupported.has('renewLeases') &&
        now().getTime() - this.lastRenewalAt >= timings.renewIntervalMs
      ) {
        const renewed = await this.optional('renewLeases', () =>
          renewLeases(store, client, this.abort.signal),
        );
        this.lastRenewalAt = now().getTime();
        if (renewed && renewed.length > 0) this.progress.tasksChanged(renewed);
      }
      if (!this.unsupported.has('feedback')) {
        const added = await this.optional('feedback', () =>
          pullFeedback(store, client, this.abort.signal, now),
        );
        if (added && added > 0) this.options.emit('work.changed', { unseen: store.feedback.unseen() });
      }
      if (this.stopped) return;
      this.lastPassOk = true;
      this.attempt = 0;
      this.lastError = null;
      this.lastSyncAt = now().toISOString();
      if (store.getToken() !== null) this.options.onAuth?.(true);
      this.schedule(timings.idleIntervalMs, false);
      this.startDownloads();
    } catch (error) {
      if (this.stopped || error instanceof CallAborted) return;
      this.lastPassOk = false;
      this.onFailure(error);
    } finally {
      if (!this.stopped) {
        this.syncing = false;
        this.progress.flush();
      }
    }
  }

  /** Downloads the media of a batch just taken, without waiting for the next pass. */
  downloadNow(): void {
    if (this.stopped) return;
    // The queue just answered (it leased the batch): it is reachable, whatever the backoff says.
    this.online = true;
    this.startDownloads();
    if (!this.halted) void this.trigger();
  }

  /** Runs a step the queue may not offer yet (an older queue answers 404): then it is skipped. */
  private async optional<T>(name: 'renewLeases' | 'feedback', step: () => Promise<T>): Promise<T | null> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof QueueError && error.failure.kind === 'http' && error.failure.status === 404) {
        this.unsupported.add(name);
        return null;
      }
      throw error;
    }
  }

  /** Downloads run beside the passes (a large batch must not hold back answers); failures back off. */
  private startDownloads(): void {
    const downloader = this.downloader;
    if (!downloader || downloader.busy || this.stopped || this.halted || this.online !== true) return;
    void downloader.run().then((result) => {
      if (this.stopped) return;
      if (result.outcome === 'failed') {
        if (result.error instanceof CallAborted) return;
        this.lastPassOk = false;
        this.onFailure(result.error);
      }
      this.emitStatus();
    });
  }

  private onFailure(error: unknown): void {
    const verdict = judgeFailure(error);
    if (verdict.action === 'halt') {
      this.online = true;
      this.halted = true;
      this.setError(verdict.problem);
      this.clearTimer();
      this.nextRetryAt = null;
      if (verdict.problem.code === 'session_expired') this.options.onAuth?.(false);
      return;
    }
    if (verdict.action === 'retry') {
      if (verdict.online !== null) this.online = verdict.online;
      this.setError(verdict.problem);
    } else {
      // Only a probe, a renewal, the feedback or a download can land here: the queue answered oddly.
      this.online = true;
      this.setError({ code: 'server_error', message: verdict.message });
    }
    const delay = backoffDelay(this.attempt, this.options.random, this.options.timings);
    this.attempt += 1;
    this.schedule(delay, true);
  }

  private setError(problem: SyncProblem): void {
    this.lastError = { ...problem, at: this.options.now().toISOString() };
  }

  private schedule(delayMs: number, isRetry: boolean): void {
    this.clearTimer();
    if (this.stopped) return;
    this.nextRetryAt = isRetry ? new Date(this.options.now().getTime() + delayMs).toISOString() : null;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.trigger();
    }, delayMs);
    // A pending retry must not keep a closing app (or a test runner) alive.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private emitStatus(): void {
    if (this.stopped) return;
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.options.emit('sync.status', status);
  }
}
