import type { BridgeEmitter, SyncStatus } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import type { OutboxRow } from '../profile/profile-schema';
import type { ProfileStore } from '../profile/profile-store';
import { CallAborted, type QueueClient } from '../queue-client';
import { backoffDelay, type SyncTimings } from './backoff';
import { judgeFailure, SUPERSEDED_MESSAGE, type SyncProblem } from './push-outcome';

export type SyncEngineOptions = {
  store: ProfileStore;
  client: QueueClient;
  emit: BridgeEmitter;
  timings: SyncTimings;
  now: () => Date;
  random: () => number;
};

const MAX_DURATION_MS = 30 * 86_400_000;

/**
 * How long `stop()` lets a request in flight finish before cutting it. Cutting one before it is
 * sent can leave a connected, silent socket in fetch's pool, and a queue server waits for such a
 * socket before it can close (a minute, for the embedded demo when the app quits).
 */
const STOP_GRACE_MS = 1_500;

/**
 * Pushes one HITer's outbox to the queue, oldest first, one row at a time, each with its own
 * idempotency key — so an answer whose response was lost is replayed, never duplicated. Backs off
 * with full jitter while the queue is out of reach, probing `health` until it answers again.
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

  constructor(private readonly options: SyncEngineOptions) {}

  start(): void {
    void this.trigger();
  }

  status(): SyncStatus {
    return {
      online: this.online,
      syncing: this.syncing,
      pendingCount: this.options.store.pendingCount(),
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      nextRetryAt: this.nextRetryAt,
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
    while (this.running) await this.running;
    await this.trigger();
    // Signed out meanwhile: the store is closing, there is no status to give.
    if (this.stopped) throw new BridgeError('not_signed_in', 'the session ended while it was syncing');
    return this.status();
  }

  /**
   * Cancels the timer and the pass in progress: a request in flight gets a short grace to finish
   * (its answer is recorded), then is cut. Resolves once the engine is quiet.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimer();
    if (!this.running) return;
    const cut = setTimeout(() => this.abort.abort(), STOP_GRACE_MS);
    try {
      await this.running;
    } finally {
      clearTimeout(cut);
    }
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

  /** One pass: make sure the queue answers, then push every pending row. Never throws. */
  private async pass(): Promise<void> {
    this.syncing = true;
    this.nextRetryAt = null;
    this.emitStatus();
    try {
      let row = this.options.store.nextPending();
      if (!row || this.online !== true) {
        await this.options.client.call('health', {}, { signal: this.abort.signal });
        this.online = true;
        this.emitStatus();
      }
      while (row && !this.stopped) {
        await this.push(row);
        row = this.options.store.nextPending();
      }
      if (this.stopped) return;
      this.lastPassOk = true;
      this.attempt = 0;
      this.lastError = null;
      this.lastSyncAt = this.options.now().toISOString();
      this.schedule(this.options.timings.idleIntervalMs, false);
    } catch (error) {
      if (this.stopped || error instanceof CallAborted) return;
      this.lastPassOk = false;
      this.onFailure(error);
    } finally {
      if (!this.stopped) {
        this.syncing = false;
        this.emitStatus();
      }
    }
  }

  private onFailure(error: unknown): void {
    const verdict = judgeFailure(error);
    if (verdict.action === 'halt') {
      this.online = true;
      this.halted = true;
      this.setError(verdict.problem);
      return;
    }
    if (verdict.action === 'retry') {
      if (verdict.online !== null) this.online = verdict.online;
      this.setError(verdict.problem);
    } else {
      // Only a probe can land here (pushes settle refusals themselves): the queue answered oddly.
      this.online = true;
      this.setError({ code: 'server_error', message: verdict.message });
    }
    const delay = backoffDelay(this.attempt, this.options.random, this.options.timings);
    this.attempt += 1;
    this.schedule(delay, true);
  }

  /** Sends one outbox row; settles it when the queue decides, rethrows when it should be retried. */
  private async push(row: OutboxRow): Promise<void> {
    const { store, client, emit } = this.options;
    try {
      const response = await client.call(
        'submit',
        { body: submissionOf(row) },
        { signal: this.abort.signal },
      );
      this.online = true;
      const taskId = store.settle(
        row.id,
        response.status === 'accepted'
          ? { outcome: 'accepted' }
          : { outcome: 'superseded', message: SUPERSEDED_MESSAGE },
      );
      if (!this.stopped) emit('tasks.changed', { taskIds: [taskId] });
    } catch (error) {
      if (this.stopped || error instanceof CallAborted) throw error;
      const verdict = judgeFailure(error);
      if (verdict.action !== 'refuse') {
        store.recordAttempt(row.id, error instanceof Error ? error.message : String(error));
        throw error;
      }
      this.online = true;
      const taskId = store.settle(row.id, { outcome: 'refused', message: verdict.message });
      emit('tasks.changed', { taskIds: [taskId] });
    }
    this.emitStatus();
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

/** The wire form of an outbox row, with when the HITer started and how long they worked. */
export function submissionOf(row: OutboxRow) {
  const base = {
    taskId: row.taskId,
    leaseEpoch: row.leaseEpoch,
    idempotencyKey: row.idempotencyKey,
    answer: row.answer,
  };
  if (!row.startedAt) return base;
  const duration = Date.parse(row.createdAt) - Date.parse(row.startedAt);
  if (!Number.isFinite(duration)) return base;
  return {
    ...base,
    startedAt: row.startedAt,
    durationMs: Math.min(Math.max(Math.round(duration), 0), MAX_DURATION_MS),
  };
}
