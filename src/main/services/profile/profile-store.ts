import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { BridgeError } from '../../../shared/bridge/errors';
import { idSchema } from '../../../shared/domain/common';
import type { LeasedTask } from '../../../shared/domain/task';
import { openDatabase, type SqliteDatabase } from '../sqlite/open-database';
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

/** The path of a HITer's database; the user id comes from the server, so it is checked first. */
export function profileDbPath(dataDir: string, userId: string): string {
  if (!idSchema.safeParse(userId).success) {
    throw new Error(`refusing to use "${userId}" as a profile folder: the server's user id must be a uuid`);
  }
  return join(dataDir, 'profiles', userId.toLowerCase(), 'profile.db');
}

export class ProfileStore {
  private constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
  ) {}

  static open(dataDir: string, userId: string, now: () => Date = () => new Date()): ProfileStore {
    const db = openDatabase(profileDbPath(dataDir, userId), PROFILE_MIGRATIONS, `profile ${userId}`);
    return new ProfileStore(db, now);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  getToken(): string | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'token'").pluck().get();
    return typeof row === 'string' ? row : null;
  }

  setToken(token: string | null): void {
    if (token === null) {
      this.db.prepare("DELETE FROM meta WHERE key = 'token'").run();
      return;
    }
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('token', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(token);
  }

  /**
   * Caches a freshly leased batch in one transaction. A task already here (re-leased to the same
   * HITer after its lease ran out) takes the new epoch and expiry and keeps its draft; one the server
   * had refused is open again.
   */
  storeLeasedTasks(tasks: readonly LeasedTask[]): string[] {
    const at = this.stamp();
    const existing = this.db.prepare('SELECT state, draft_json, server_message FROM tasks WHERE task_id = ?');
    const insert = this.db.prepare(
      `INSERT INTO tasks (task_id, kind, project_id, project_name, task_json, lease_epoch, lease_expires_at,
                          lease_order, state, created_at, updated_at)
       VALUES (@taskId, @kind, @projectId, @projectName, @json, @leaseEpoch, @leaseExpiresAt,
               @order, 'todo', @at, @at)`,
    );
    const refresh = this.db.prepare(
      `UPDATE tasks SET task_json = @json, project_name = @projectName, lease_epoch = @leaseEpoch,
              lease_expires_at = @leaseExpiresAt, state = @state, server_message = @serverMessage,
              updated_at = @at
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
        }
        return tasks.map((task) => task.taskId);
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

  /** Remembers when the HITer first opened a task: the submission reports it for pay and impact. */
  markOpened(taskId: string): void {
    this.db
      .prepare('UPDATE tasks SET opened_at = ? WHERE task_id = ? AND opened_at IS NULL')
      .run(this.stamp(), taskId);
  }

  saveDraft(taskId: string, draftJson: string): string {
    const at = this.stamp();
    this.db
      .transaction(() => {
        this.requireOpenTask(taskId);
        this.db
          .prepare("UPDATE tasks SET draft_json = ?, state = 'draft', updated_at = ? WHERE task_id = ?")
          .run(draftJson, at, taskId);
      })
      .immediate();
    return at;
  }

  /**
   * Submits an answer: the answer, the task's move to `pending` and the outbox row are written in
   * one transaction, synced to disk before returning (synchronous=FULL), so a power cut either keeps
   * all three or none.
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
              "UPDATE tasks SET answer_json = ?, state = 'pending', server_message = NULL, updated_at = ? WHERE task_id = ?",
            )
            .run(answerJson, at, taskId);
          this.db
            .prepare(
              `INSERT INTO outbox (idempotency_key, task_id, lease_epoch, answer_json, started_at, created_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(randomUUID(), taskId, task.lease_epoch, answerJson, task.opened_at, at);
        })
        .immediate();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
    return this.getTask(taskId) as TaskRow;
  }

  private requireOpenTask(taskId: string): TaskRecord {
    const task = this.db.prepare('SELECT * FROM tasks WHERE task_id = ?').get(taskId) as
      TaskRecord | undefined;
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
  settle(outboxId: number, settlement: Settlement): string {
    const at = this.stamp();
    return this.db
      .transaction(() => {
        const taskId = this.db.prepare('SELECT task_id FROM outbox WHERE id = ?').pluck().get(outboxId) as
          string | undefined;
        if (taskId === undefined) throw new Error(`outbox row ${outboxId} does not exist`);
        const refused = settlement.outcome === 'refused';
        const message = settlement.outcome === 'accepted' ? null : settlement.message;
        this.db
          .prepare('UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ? WHERE id = ?')
          .run(refused ? 'failed' : 'done', refused ? message : null, outboxId);
        this.db
          .prepare('UPDATE tasks SET state = ?, server_message = ?, updated_at = ? WHERE task_id = ?')
          .run(settlement.outcome, message, at, taskId);
        return taskId;
      })
      .immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
