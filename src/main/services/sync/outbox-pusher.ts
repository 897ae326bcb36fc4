import { mediaOf } from '../../../shared/domain/media';
import type { SubmissionOutcome, SubmissionResponse } from '../../../shared/protocol/endpoints';
import type { MediaFiles } from '../media/media-files';
import type { OutboxRow } from '../profile/profile-schema';
import type { ProfileStore } from '../profile/profile-store';
import { CallAborted, QueueError, type QueueClient } from '../queue-client';
import { judgeFailure, SUPERSEDED_MESSAGE } from './push-outcome';
import { encodeReason } from './server-reason';
import { UploadImpossible, type Uploader } from './uploader';

const MAX_DURATION_MS = 30 * 86_400_000;
/**
 * Answers in flight at once. Each is an independent task with its own idempotency key (a task has
 * at most one answer waiting), so they are sent in outbox order but need not wait for each other:
 * the queue's round trips overlap instead of adding up.
 */
export const PUSH_WINDOW = 8;
/**
 * Answers per `submitBatch` call: a long outbox (a day offline) drains in a few hundred requests
 * instead of thousands, which is what counts on a slow, far line. Answers naming local files
 * (recordings) go one by one, after their upload.
 */
export const SUBMIT_BATCH = 50;

/** What the pusher needs from the sync engine around it. */
export type PusherHost = {
  store: ProfileStore;
  client: QueueClient;
  /** The profile's media folder: files of settled answers that nothing else needs are deleted. */
  files?: MediaFiles | undefined;
  uploader: Uploader | null;
  /** Answers per batch (SUBMIT_BATCH unless a test wants more requests). */
  batchSize?: number | undefined;
  signal: AbortSignal;
  stopped(): boolean;
  /** The queue answered: it is reachable. */
  reached(): void;
  tasksChanged(taskIds: string[]): void;
  progressChanged(): void;
};

/**
 * Sends the outbox to the queue and settles each answer by the queue's verdict: accepted or
 * replayed (settled, its files freed), superseded (kept and flagged), refused (kept, the reason
 * shown), or worth retrying (counted on the row, the error thrown for the engine's backoff).
 */
export class OutboxPusher {
  /** An older queue without `submitBatch`: answers go one by one from then on. */
  private batchUnsupported = false;

  constructor(private readonly host: PusherHost) {}

  /**
   * Pushes every waiting answer, oldest first: in batches first, then one by one (up to PUSH_WINDOW
   * at a time) what no batch took. The first failure worth retrying stops new sends; the ones in
   * flight finish (and settle), then it is thrown for backoff.
   */
  async pushAll(): Promise<void> {
    if (!this.batchUnsupported) await this.pushBatches();
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | null = null;
    let after = 0;
    for (;;) {
      while (!this.host.stopped() && failure === null && inFlight.size < PUSH_WINDOW) {
        const [row] = this.host.store.pendingAfter(after, 1);
        if (!row) break;
        after = row.id;
        const sending: Promise<void> = this.push(row).then(
          () => void inFlight.delete(sending),
          (error: unknown) => {
            inFlight.delete(sending);
            failure ??= { error };
          },
        );
        inFlight.add(sending);
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    this.host.progressChanged();
    if (failure !== null) throw (failure as { error: unknown }).error;
  }

  /**
   * Sends one outbox row (its local files first); settles it when the queue decides, rethrows when
   * it should be retried. A settled answer frees the media no other task needs.
   */
  private async push(row: OutboxRow): Promise<void> {
    const { client } = this.host;
    try {
      await this.host.uploader?.uploadFor(row.answer);
      const response = await client.call('submit', { body: submissionOf(row) }, { signal: this.host.signal });
      this.host.reached();
      await this.settleSent(row, response);
    } catch (error) {
      if (this.host.stopped() || error instanceof CallAborted) throw error;
      this.settleFailed(row, error);
    }
    this.host.progressChanged();
  }

  /**
   * Sends the waiting answers that name no local file, oldest first, SUBMIT_BATCH per call, and
   * settles each by its own outcome. Returns when none is left, or when the queue cannot take a
   * batch (an older queue without the endpoint, or a batch it refuses as a whole): the one-by-one
   * path then sends them, each getting its own verdict. Throws like `push` when worth retrying.
   */
  private async pushBatches(): Promise<void> {
    const { store, client } = this.host;
    let after = 0;
    while (!this.host.stopped()) {
      const scanned = store.pendingAfter(after, this.host.batchSize ?? SUBMIT_BATCH);
      const last = scanned.at(-1);
      if (!last) return;
      after = last.id;
      const rows = scanned.filter((row) => mediaOf(row.answer).size === 0);
      if (rows.length === 0) continue;
      let outcomes: SubmissionOutcome[];
      try {
        ({ outcomes } = await client.call(
          'submitBatch',
          { body: { submissions: rows.map(submissionOf) } },
          { signal: this.host.signal },
        ));
      } catch (error) {
        if (this.host.stopped() || error instanceof CallAborted) throw error;
        if (error instanceof QueueError && error.failure.kind === 'http' && error.failure.status === 404) {
          this.batchUnsupported = true;
          return;
        }
        if (judgeFailure(error).action === 'refuse') return;
        for (const row of rows) store.recordAttempt(row.id, messageOf(error));
        throw error;
      }
      this.host.reached();
      let retry: unknown = null;
      for (const [index, row] of rows.entries()) {
        const outcome = outcomes[index];
        try {
          if (!outcome)
            throw new Error(`the queue sent ${outcomes.length} outcomes for ${rows.length} answers`);
          if (outcome.ok) await this.settleSent(row, outcome.result);
          else
            this.settleFailed(
              row,
              new QueueError({ kind: 'http', status: outcome.status, ...outcome.error }, 'submit'),
            );
        } catch (error) {
          retry ??= error;
        }
      }
      this.host.progressChanged();
      if (retry !== null) throw retry;
    }
  }

  /** The queue stored the answer (or had it already): the task is settled, its files freed. */
  private async settleSent(row: OutboxRow, response: SubmissionResponse): Promise<void> {
    const taskId = this.host.store.settle(
      row.id,
      response.status === 'accepted'
        ? { outcome: 'accepted' }
        : { outcome: 'superseded', message: SUPERSEDED_MESSAGE },
      response.submissionId,
    );
    await this.evict(taskId);
    this.host.tasksChanged([taskId]);
  }

  /**
   * A refused answer is settled as refused (kept, its reason shown to the HITer); a failure worth
   * retrying is counted on the row and rethrown.
   */
  private settleFailed(row: OutboxRow, error: unknown): void {
    const { store } = this.host;
    const verdict: ReturnType<typeof judgeFailure> =
      error instanceof UploadImpossible
        ? { action: 'refuse', message: error.message, code: 'upload_impossible' }
        : judgeFailure(error);
    if (verdict.action !== 'refuse') {
      store.recordAttempt(row.id, messageOf(error));
      throw error;
    }
    this.host.reached();
    // Stored with its code, so the HITer reads the reason in their language (the text is detail).
    const message = verdict.code ? encodeReason(verdict.code, verdict.message) : verdict.message;
    const taskId = store.settle(row.id, { outcome: 'refused', message });
    this.host.tasksChanged([taskId]);
  }

  /** Deletes the files of an acknowledged task that no task still on this laptop needs. */
  private async evict(taskId: string): Promise<void> {
    const { files, store } = this.host;
    if (!files) return;
    for (const media of store.media.evictable(taskId)) {
      await files.remove(media.sha256);
      store.media.markEvicted(media.sha256);
    }
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
