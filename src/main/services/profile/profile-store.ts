import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { BridgeError } from '../../../shared/bridge/errors';
import type { LeasedTask } from '../../../shared/domain/task';
import { FeedbackStore } from '../feedback/feedback-store';
import { previewOf } from '../inbox';
import { MediaIndex } from '../media/media-index';
import { instructionMedia, mediaNeedsOf } from '../media/media-refs';
import { openDatabase, type SqliteDatabase } from '../sqlite/open-database';
import { fillMissingPreviews, type InboxRecord, readInbox, readInboxRecord } from './profile-inbox';
import { profileDbPath } from './profile-paths';
import {
  PROFILE_MIGRATIONS,
  toOutboxRow,
  toTaskRow,
  type OutboxRecord,
  type OutboxRow,
  type TaskRecord,
  type TaskRow,
} from './profile-schema';

/** How the queue settled one outbox row. */
export type Settlement =
  | { outcome: 'accepted' }
  | { outcome: 'superseded'; message: string }
  | { outcome: 'refused'; message: string };

const OPEN_STATES = new Set(['todo', 'draft']);

/**
 * A draft written with synchronous=NORMAL is on disk at the latest this long after (see saveDraft).
 * Why 100 ms: an edit must be on disk within 500 ms of the HITer making it; the renderer's
 * autosave debounce takes the larger share of that budget, and the disk flush gets the rest. The
 * flush is not done inside each save (synchronous=FULL would put an fsync — milliseconds, tens on
 * a cheap disk — in every autosave and ruin its p99); it is one deferred checkpoint, coalesced, so
 * a burst of saves pays for one fsync at most every 100 ms and each save stays a plain commit.
 */
export const DRAFT_SYNC_MS = 100;

export type LeaseRenewal = {
  taskId: string;
  leaseEpoch: number;
  status: 'renewed' | 'lost';
  leaseExpiresAt: string | null;
};

export class ProfileStore {
  readonly media: MediaIndex;
  readonly feedback: FeedbackStore;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
    /** `profiles/<userId>`: the database and the media folder. */
    readonly dir: string,
  ) {
    this.media = new MediaIndex(db, now);
    this.feedback = new FeedbackStore(db);
  }

  static open(dataDir: string, userId: string, now: () => Date = () => new Date()): ProfileStore {
    const file = profileDbPath(dataDir, userId);
    const db = openDatabase(file, PROFILE_MIGRATIONS, `profile ${userId}`);
    try {
      fillMissingPreviews(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new ProfileStore(db, now, dirname(file));
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
    return typeof row === 'string' ? row : null;
  }

  setMeta(key: string, value: string | null): void {
    if (value === null) {
      this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  getToken(): string | null {
    return this.getMeta('token');
  }

  setToken(token: string | null): void {
    this.setMeta('token', token);
  }

  /**
   * Caches a freshly leased batch in one transaction, with each task's preview and the media files
   * it needs. A task already here (re-leased to the same HITer after its lease ran out) takes the
   * new epoch and expiry and keeps its draft; one the server had refused is open again.
   */
  storeLeasedTasks(tasks: readonly LeasedTask[]): string[] {
    const at = this.stamp();
    const existing = this.db.prepare('SELECT state, draft_json, server_message FROM tasks WHERE task_id = ?');
    const insert = this.db.prepare(
      `INSERT INTO tasks (task_id, kind, project_id, project_name, task_json, lease_epoch, lease_expires_at,
                          lease_order, state, preview, created_at, updated_at)
       VALUES (@taskId, @kind, @projectId, @projectName, @json, @leaseEpoch, @leaseExpiresAt,
               @order, 'todo', @preview, @at, @at)`,
    );
    const refresh = this.db.prepare(
      `UPDATE tasks SET task_json = @json, project_name = @projectName, lease_epoch = @leaseEpoch,
              lease_expires_at = @leaseExpiresAt, state = @state, server_message = @serverMessage,
              preview = @preview, lease_lost = 0, updated_at = @at
       WHERE task_id = @taskId`,
    );
    return this.db
      .transaction(() => {
        let order =
          (this.db.prepare('SELECT max(lease_order) FROM tasks').pluck().get() as number | null) ?? 0;
        for (const task of tasks) {
          const base = {
            taskId: task.taskId,
            projectName: task.projectName,
            json: JSON.stringify(task),
            leaseEpoch: task.leaseEpoch,
            leaseExpiresAt: task.leaseExpiresAt,
            preview: previewOf(task),
            at,
          };
          const found = existing.get(task.taskId) as
            { state: TaskRow['state']; draft_json: string | null; server_message: string | null } | undefined;
          if (!found) {
            order += 1;
            insert.run({ ...base, kind: task.kind, projectId: task.projectId, order });
          } else if (found.state === 'refused') {
            const state = found.draft_json === null ? 'todo' : 'draft';
            refresh.run({ ...base, state, serverMessage: null });
          } else {
            refresh.run({ ...base, state: found.state, serverMessage: found.server_message });
          }
          const needs = mediaNeedsOf(task.data);
          for (const need of instructionMedia(task.instructions))
            if (!needs.has(need.sha256)) needs.set(need.sha256, need);
          this.media.linkTask(task.taskId, needs.values());
        }
        const ids = tasks.map((task) => task.taskId);
        this.media.refreshTasks(ids);
        return ids;
      })
      .immediate();
  }

  getTask(taskId: string): TaskRow | null {
    const record = this.db.prepare('SELECT * FROM tasks WHERE task_id = ?').get(taskId) as
      TaskRecord | undefined;
    return record ? toTaskRow(record) : null;
  }

  listTasks(): TaskRow[] {
    return (this.db.prepare('SELECT * FROM tasks').all() as TaskRecord[]).map(toTaskRow);
  }

  /** The inbox in its order (see profile-inbox.ts). */
  inbox(): InboxRecord[] {
    return readInbox(this.db);
  }

  /** One task as the inbox shows it. */
  inboxRecord(taskId: string): InboxRecord | null {
    return readInboxRecord(this.db, taskId);
  }

  /** Remembers when the HITer first opened a task: the submission reports it for pay and impact. */
  markOpened(taskId: string): void {
    this.db
      .prepare('UPDATE tasks SET opened_at = ? WHERE task_id = ? AND opened_at IS NULL')
      .run(this.stamp(), taskId);
  }

  /**
   * Saves a draft. Written with synchronous=NORMAL (no disk flush on the HITer's every keystroke),
   * which survives the app crashing; a checkpoint at most DRAFT_SYNC_MS later flushes the WAL, so
   * a power cut loses at most those last 100 ms of saves and never corrupts anything.
   */
  saveDraft(taskId: string, draftJson: string): { savedAt: string; firstDraft: boolean } {
    const at = this.stamp();
    const firstDraft = this.db
      .transaction(() => {
        const task = this.requireOpenTask(taskId);
        this.db
          .prepare("UPDATE tasks SET draft_json = ?, state = 'draft', updated_at = ? WHERE task_id = ?")
          .run(draftJson, at, taskId);
        return task.state === 'todo';
      })
      .immediate();
    this.scheduleDiskSync();
    return { savedAt: at, firstDraft };
  }

  private scheduleDiskSync(): void {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      if (!this.db.open) return;
      // PASSIVE syncs the WAL, then copies it into the file; if something held it back, try again.
      const [result] = this.db.pragma('wal_checkpoint(PASSIVE)') as Array<{
        busy: number;
        log: number;
        checkpointed: number;
      }>;
      if (result && (result.busy !== 0 || result.checkpointed < result.log)) this.scheduleDiskSync();
    }, DRAFT_SYNC_MS);
    this.syncTimer.unref?.();
  }

  /**
   * Submits an answer: the answer, the task's move to `pending` and the outbox row are written in
   * one transaction, synced to disk before returning (synchronous=FULL), so a power cut either keeps
   * all three or none. Local files the answer names (recordings) are tied to the task until sent.
   */
  submit(taskId: string, answer: unknown): TaskRow {
    const at = this.stamp();
    const answerJson = JSON.stringify(answer);
    this.db.pragma('synchronous = FULL');
    try {
      this.db
        .transaction(() => {
          const task = this.requireOpenTask(taskId);
          this.db
            .prepare(
              `UPDATE tasks SET answer_json = ?, state = 'pending', server_message = NULL, updated_at = ?,
                 submitted_at = ? WHERE task_id = ?`,
            )
            .run(answerJson, at, at, taskId);
          this.db
            .prepare(
              `INSERT INTO outbox (idempotency_key, task_id, lease_epoch, answer_json, started_at, created_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(randomUUID(), taskId, task.lease_epoch, answerJson, task.opened_at, at);
          this.media.linkAnswer(taskId, answer);
        })
        .immediate();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
    return this.getTask(taskId) as TaskRow;
  }

  /** The few columns a write needs: the wide ones (task, draft, answer JSON) are not read. */
  private requireOpenTask(taskId: string): Pick<TaskRecord, 'state' | 'lease_epoch' | 'opened_at'> {
    const task = this.db
      .prepare('SELECT state, lease_epoch, opened_at FROM tasks WHERE task_id = ?')
      .get(taskId) as Pick<TaskRecord, 'state' | 'lease_epoch' | 'opened_at'> | undefined;
    if (!task) throw new BridgeError('not_found', `no task ${taskId} on this laptop`, 'taskId');
    if (!OPEN_STATES.has(task.state)) {
      throw new BridgeError('task_closed', `task ${taskId} is ${task.state}: it can no longer be changed`);
    }
    return task;
  }

  /** The oldest answer still waiting to reach the queue. */
  nextPending(): OutboxRow | null {
    const record = this.db
      .prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1")
      .get() as OutboxRecord | undefined;
    return record ? toOutboxRow(record) : null;
  }

  /** The next answers waiting after a given outbox row, in sending order (for a window of pushes). */
  pendingAfter(outboxId: number, limit: number): OutboxRow[] {
    const records = this.db
      .prepare("SELECT * FROM outbox WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?")
      .all(outboxId, limit) as OutboxRecord[];
    return records.map(toOutboxRow);
  }

  /** Answers the queue refused, or that someone else finished first: kept here, and counted for the HITer. */
  flaggedCounts(): { refused: number; superseded: number } {
    const rows = this.db
      .prepare(
        "SELECT state, count(*) AS n FROM tasks WHERE state IN ('refused', 'superseded') GROUP BY state",
      )
      .all() as { state: 'refused' | 'superseded'; n: number }[];
    const counts = { refused: 0, superseded: 0 };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  pendingCount(): number {
    return this.db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
  }

  outbox(): OutboxRow[] {
    return (this.db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutboxRecord[]).map(toOutboxRow);
  }

  recordAttempt(outboxId: number, error: string | null): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?')
      .run(error, outboxId);
  }

  /** Closes an outbox row and moves its task to the state the queue's answer implies. */
  settle(outboxId: number, settlement: Settlement, submissionId: string | null = null): string {
    const at = this.stamp();
    return this.db
      .transaction(() => {
        const taskId = this.db.prepare('SELECT task_id FROM outbox WHERE id = ?').pluck().get(outboxId) as
          string | undefined;
        if (taskId === undefined) throw new Error(`outbox row ${outboxId} does not exist`);
        const refused = settlement.outcome === 'refused';
        const message = settlement.outcome === 'accepted' ? null : settlement.message;
        this.db
          .prepare(
            'UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, submission_id = ? WHERE id = ?',
          )
          .run(refused ? 'failed' : 'done', refused ? message : null, submissionId, outboxId);
        this.db
          .prepare('UPDATE tasks SET state = ?, server_message = ?, updated_at = ? WHERE task_id = ?')
          .run(settlement.outcome, message, at, taskId);
        return taskId;
      })
      .immediate();
  }

  /** Leases worth renewing: tasks still to do or waiting to be sent, not known to be lost. */
  leasesToRenew(limit = 500): { taskId: string; leaseEpoch: number }[] {
    return this.db
      .prepare(
        `SELECT task_id AS taskId, lease_epoch AS leaseEpoch FROM tasks
         WHERE state IN ('todo', 'draft', 'pending') AND lease_lost = 0 ORDER BY lease_expires_at LIMIT ?`,
      )
      .all(limit) as { taskId: string; leaseEpoch: number }[];
  }

  /** Applies the queue's answer to a renewal; returns the tasks whose lease changed. */
  applyRenewals(renewals: readonly LeaseRenewal[]): string[] {
    const renewed = this.db.prepare(
      'UPDATE tasks SET lease_expires_at = ? WHERE task_id = ? AND lease_epoch = ? AND lease_expires_at <> ?',
    );
    const lost = this.db.prepare(
      'UPDATE tasks SET lease_lost = 1 WHERE task_id = ? AND lease_epoch = ? AND lease_lost = 0',
    );
    return this.db
      .transaction(() => {
        const changed: string[] = [];
        for (const lease of renewals) {
          const result =
            lease.status === 'renewed' && lease.leaseExpiresAt !== null
              ? renewed.run(lease.leaseExpiresAt, lease.taskId, lease.leaseEpoch, lease.leaseExpiresAt)
              : lease.status === 'lost'
                ? lost.run(lease.taskId, lease.leaseEpoch)
                : { changes: 0 };
          if (result.changes > 0) changed.push(lease.taskId);
        }
        return changed;
      })
      .immediate();
  }

  /** The task on screen, so the app reopens on it after a crash; null once the HITer left it. */
  openTaskId(): string | null {
    return this.getMeta('openTask');
  }

  setOpenTask(taskId: string | null): void {
    this.setMeta('openTask', taskId);
  }

  /** SQLite's full integrity check: "ok", or what is wrong (for the kill test and support). */
  integrityCheck(): string[] {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
      (row) => row.integrity_check,
    );
  }

  close(): void {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    if (this.db.open) this.db.close();
  }
}
