import { mediaOf } from '../../../shared/domain/media';
import type { SqliteDatabase } from '../sqlite/open-database';
import type { MediaNeed } from './media-refs';

export type MediaState = 'missing' | 'ready' | 'failed' | 'evicted';

export type MediaRow = {
  sha256: string;
  mime: string | null;
  bytes: number | null;
  origin: 'queue' | 'local';
  state: MediaState;
  error: string | null;
  uploaded: boolean;
  uploadId: string | null;
};

type MediaRecord = Omit<MediaRow, 'uploaded' | 'uploadId'> & { uploaded: number; upload_id: string | null };

const toRow = (record: MediaRecord): MediaRow => ({
  sha256: record.sha256,
  mime: record.mime,
  bytes: record.bytes,
  origin: record.origin,
  state: record.state,
  error: record.error,
  uploaded: record.uploaded === 1,
  uploadId: record.upload_id,
});

/** States of a task that still needs its files on this laptop. */
const OPEN = "('todo', 'draft')";
/** States after which the queue has the answer and the task's files may go. */
const ACKNOWLEDGED = "('accepted', 'superseded')";

export type DownloadProgress = {
  tasks: number;
  tasksReady: number;
  bytes: number;
  readyBytes: number;
  failed: number;
};

/**
 * The media table of one profile: which files its tasks need, which are here, which were made here
 * and still have to reach the queue. The files themselves are in `MediaFiles`.
 */
export class MediaIndex {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
  ) {}

  get(sha256: string): MediaRow | null {
    const record = this.db.prepare('SELECT * FROM media WHERE sha256 = ?').get(sha256) as
      MediaRecord | undefined;
    return record ? toRow(record) : null;
  }

  /** Records what a task needs (inside the caller's transaction); evicted files are wanted again. */
  linkTask(taskId: string, needs: Iterable<MediaNeed>): void {
    const upsert = this.db.prepare(
      `INSERT INTO media (sha256, mime, bytes, origin, state, created_at)
       VALUES (@sha256, @mime, @bytes, 'queue', 'missing', @at)
       ON CONFLICT (sha256) DO UPDATE SET
         mime = coalesce(media.mime, excluded.mime),
         bytes = coalesce(media.bytes, excluded.bytes),
         state = CASE WHEN media.state IN ('evicted', 'failed') THEN 'missing' ELSE media.state END,
         error = CASE WHEN media.state IN ('evicted', 'failed') THEN NULL ELSE media.error END`,
    );
    const link = this.db.prepare('INSERT OR IGNORE INTO task_media (task_id, sha256) VALUES (?, ?)');
    const at = this.now().toISOString();
    for (const need of needs) {
      upsert.run({ ...need, at });
      link.run(taskId, need.sha256);
    }
  }

  /** Links an answer to the local files it names, so they stay until the queue has the answer. */
  linkAnswer(taskId: string, answer: unknown): void {
    const link = this.db.prepare(
      'INSERT OR IGNORE INTO task_media (task_id, sha256) SELECT ?, sha256 FROM media WHERE sha256 = ?',
    );
    for (const sha256 of mediaOf(answer)) link.run(taskId, sha256);
    this.refreshTasks([taskId]);
  }

  /** Recounts the files of these tasks and how many are still missing. */
  refreshTasks(taskIds: readonly string[]): void {
    const update = this.db.prepare(
      `UPDATE tasks SET
         media_files = (SELECT count(*) FROM task_media tm WHERE tm.task_id = tasks.task_id),
         media_missing = (SELECT count(*) FROM task_media tm JOIN media m ON m.sha256 = tm.sha256
                          WHERE tm.task_id = tasks.task_id AND m.state <> 'ready')
       WHERE task_id = ?`,
    );
    for (const taskId of taskIds) update.run(taskId);
  }

  private tasksOf(sha256: string): string[] {
    return this.db.prepare('SELECT task_id FROM task_media WHERE sha256 = ?').pluck().all(sha256) as string[];
  }

  /** Files open tasks still wait for, those of the earliest-leased tasks first. */
  wanted(limit: number): MediaRow[] {
    const records = this.db
      .prepare(
        `SELECT m.* FROM media m
         JOIN (SELECT tm.sha256, min(t.lease_order) AS first FROM task_media tm
               JOIN tasks t ON t.task_id = tm.task_id
               WHERE t.state IN ${OPEN} GROUP BY tm.sha256) need ON need.sha256 = m.sha256
         WHERE m.state = 'missing' AND m.origin = 'queue'
         ORDER BY need.first, m.sha256 LIMIT ?`,
      )
      .all(limit) as MediaRecord[];
    return records.map(toRow);
  }

  /** A download completed and verified: returns the tasks it belongs to, counts refreshed. */
  markReady(sha256: string, bytes: number, mime: string | null): string[] {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE media SET state = 'ready', bytes = ?, mime = coalesce(mime, ?), error = NULL, ready_at = ?
             WHERE sha256 = ?`,
          )
          .run(bytes, mime, this.now().toISOString(), sha256);
        const tasks = this.tasksOf(sha256);
        this.refreshTasks(tasks);
        return tasks;
      })
      .immediate();
  }

  /** The queue does not have the file, or it keeps arriving damaged: tried again with the next batch. */
  markFailed(sha256: string, error: string): string[] {
    this.db.prepare("UPDATE media SET state = 'failed', error = ? WHERE sha256 = ?").run(error, sha256);
    return this.tasksOf(sha256);
  }

  /** A file made on this laptop (a recording), already in place. */
  addLocal(sha256: string, mime: string, bytes: number): void {
    this.db
      .prepare(
        `INSERT INTO media (sha256, mime, bytes, origin, state, created_at, ready_at)
         VALUES (@sha256, @mime, @bytes, 'local', 'ready', @at, @at)
         ON CONFLICT (sha256) DO UPDATE SET state = 'ready', bytes = excluded.bytes,
           mime = coalesce(media.mime, excluded.mime), ready_at = excluded.ready_at`,
      )
      .run({ sha256, mime, bytes, at: this.now().toISOString() });
  }

  setUpload(sha256: string, upload: { uploadId: string | null; uploaded: boolean }): void {
    this.db
      .prepare('UPDATE media SET upload_id = ?, uploaded = ? WHERE sha256 = ?')
      .run(upload.uploadId, upload.uploaded ? 1 : 0, sha256);
  }

  /** Local files an answer needs on the queue before it can be sent. */
  toUpload(answer: unknown): MediaRow[] {
    const rows: MediaRow[] = [];
    for (const sha256 of mediaOf(answer)) {
      const row = this.get(sha256);
      if (row && row.origin === 'local' && !row.uploaded) rows.push(row);
    }
    return rows;
  }

  /**
   * Files every task of which the queue has acknowledged (and, for local ones, that the queue
   * holds): nothing on this laptop needs them any more.
   */
  evictable(taskId: string): MediaRow[] {
    const records = this.db
      .prepare(
        `SELECT m.* FROM task_media mine JOIN media m ON m.sha256 = mine.sha256
         WHERE mine.task_id = ? AND m.state = 'ready' AND (m.origin = 'queue' OR m.uploaded = 1)
           AND NOT EXISTS (SELECT 1 FROM task_media other JOIN tasks t ON t.task_id = other.task_id
                           WHERE other.sha256 = m.sha256 AND t.state NOT IN ${ACKNOWLEDGED})`,
      )
      .all(taskId) as MediaRecord[];
    return records.map(toRow);
  }

  /**
   * Every file still on disk that only acknowledged tasks need: what a crash between an answer
   * being settled and its files being evicted leaves behind. Swept when a session starts.
   */
  evictableAll(): MediaRow[] {
    const records = this.db
      .prepare(
        `SELECT m.* FROM media m
         WHERE m.state = 'ready' AND (m.origin = 'queue' OR m.uploaded = 1)
           AND EXISTS (SELECT 1 FROM task_media tm WHERE tm.sha256 = m.sha256)
           AND NOT EXISTS (SELECT 1 FROM task_media other JOIN tasks t ON t.task_id = other.task_id
                           WHERE other.sha256 = m.sha256 AND t.state NOT IN ${ACKNOWLEDGED})`,
      )
      .all() as MediaRecord[];
    return records.map(toRow);
  }

  /**
   * Recordings made here that nothing refers to any more (a take the HITer discarded): not named by
   * an answer, not in the draft of an open task, and stored before `before` — a recording younger
   * than that may belong to an edit whose autosave has not landed yet.
   */
  discardedRecordings(before: Date): MediaRow[] {
    const records = this.db
      .prepare(
        `SELECT m.* FROM media m
         WHERE m.state = 'ready' AND m.origin = 'local' AND m.uploaded = 0 AND m.ready_at < ?
           AND NOT EXISTS (SELECT 1 FROM task_media tm WHERE tm.sha256 = m.sha256)
           AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.state IN ('todo', 'draft')
                           AND instr(coalesce(t.draft_json, ''), m.sha256) > 0)`,
      )
      .all(before.toISOString()) as MediaRecord[];
    return records.map(toRow);
  }

  markEvicted(sha256: string): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE media SET state = 'evicted', ready_at = NULL WHERE sha256 = ?").run(sha256);
      this.refreshTasks(this.tasksOf(sha256));
    })();
  }

  /** Bytes of the files this profile holds. */
  usedBytes(): number {
    return this.db
      .prepare("SELECT coalesce(sum(bytes), 0) FROM media WHERE state = 'ready'")
      .pluck()
      .get() as number;
  }

  /** Files, bytes and tasks of the work still to do, for the progress bar. */
  downloadProgress(): DownloadProgress {
    const tasks = this.db
      .prepare(
        `SELECT count(*) AS tasks, coalesce(sum(media_missing = 0), 0) AS ready FROM tasks
         WHERE state IN ${OPEN} AND media_files > 0`,
      )
      .get() as { tasks: number; ready: number };
    const files = this.db
      .prepare(
        `SELECT coalesce(sum(m.bytes), 0) AS bytes,
                coalesce(sum(CASE WHEN m.state = 'ready' THEN m.bytes ELSE 0 END), 0) AS readyBytes,
                coalesce(sum(m.state = 'failed'), 0) AS failed
         FROM media m WHERE m.origin = 'queue' AND m.sha256 IN (
           SELECT tm.sha256 FROM task_media tm JOIN tasks t ON t.task_id = tm.task_id WHERE t.state IN ${OPEN})`,
      )
      .get() as { bytes: number; readyBytes: number; failed: number };
    return { tasks: tasks.tasks, tasksReady: tasks.ready, ...files };
  }

  /** Local files that answers waiting in the outbox still have to send. */
  uploadsWaiting(): MediaRow[] {
    const records = this.db
      .prepare(
        `SELECT DISTINCT m.* FROM media m JOIN task_media tm ON tm.sha256 = m.sha256
         JOIN tasks t ON t.task_id = tm.task_id
         WHERE m.origin = 'local' AND m.uploaded = 0 AND t.state = 'pending'`,
      )
      .all() as MediaRecord[];
    return records.map(toRow);
  }
}
