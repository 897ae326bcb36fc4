/** What the inbox reads of a HITer's profile: the tasks' columns it lists, never drafts or answers. */
import { previewOfRow } from '../inbox';
import type { SqliteDatabase } from '../sqlite/open-database';
import type { TaskRow } from './profile-schema';

/** What the inbox reads of a task: its columns, never its drafts or answer. */
export type InboxRecord = {
  task_id: string;
  kind: string;
  project_name: string;
  state: TaskRow['state'];
  preview: string | null;
  updated_at: string;
  lease_expires_at: string;
  server_message: string | null;
  lease_lost: number;
  media_files: number;
  media_missing: number;
  media_bytes: number;
  media_ready_bytes: number;
};

/** The inbox shows every open and waiting task up to these counts, and the latest settled ones. */
export const INBOX_LIMITS = { open: 500, pending: 500, settled: 100 } as const;

/** Every column is in the open and pending indexes: listing them never reads a wide row. */
const INBOX_COLUMNS = `t.task_id, t.kind, t.project_name, t.state, t.preview,
  t.updated_at, t.lease_expires_at, t.server_message, t.lease_lost, t.media_files, t.media_missing`;
/** A task's media bytes, needed and here; only tasks with media pay for the lookup. */
const MEDIA_BYTES = `
  CASE WHEN t.media_files = 0 THEN 0 ELSE (SELECT coalesce(sum(m.bytes), 0) FROM task_media tm
    JOIN media m ON m.sha256 = tm.sha256 WHERE tm.task_id = t.task_id) END AS media_bytes,
  CASE WHEN t.media_files = 0 THEN 0 ELSE (SELECT coalesce(sum(m.bytes), 0) FROM task_media tm
    JOIN media m ON m.sha256 = tm.sha256 WHERE tm.task_id = t.task_id AND m.state = 'ready') END
    AS media_ready_bytes`;

/**
 * The inbox in its order, read from three partial indexes without sorting: open tasks by lease
 * order, then answers waiting to be sent in sending order, then the latest settled ones.
 */
export function readInbox(db: SqliteDatabase): InboxRecord[] {
  const open = db
    .prepare(
      `SELECT ${INBOX_COLUMNS}, ${MEDIA_BYTES} FROM tasks t
         WHERE t.state IN ('todo', 'draft') ORDER BY t.lease_order, t.task_id LIMIT ?`,
    )
    .all(INBOX_LIMITS.open) as InboxRecord[];
  const pending = db
    .prepare(
      `SELECT ${INBOX_COLUMNS}, 0 AS media_bytes, 0 AS media_ready_bytes FROM tasks t
         WHERE t.state = 'pending' ORDER BY t.updated_at, t.lease_order LIMIT ?`,
    )
    .all(INBOX_LIMITS.pending) as InboxRecord[];
  const settled = db
    .prepare(
      `SELECT ${INBOX_COLUMNS}, 0 AS media_bytes, 0 AS media_ready_bytes FROM tasks t
         WHERE t.state IN ('accepted', 'superseded', 'refused') ORDER BY t.updated_at DESC, t.task_id LIMIT ?`,
    )
    .all(INBOX_LIMITS.settled) as InboxRecord[];
  return [...open, ...pending, ...settled];
}

/** One task as the inbox shows it. */
export function readInboxRecord(db: SqliteDatabase, taskId: string): InboxRecord | null {
  const record = db
    .prepare(`SELECT ${INBOX_COLUMNS}, ${MEDIA_BYTES} FROM tasks t WHERE t.task_id = ?`)
    .get(taskId) as InboxRecord | undefined;
  return record ?? null;
}

/**
 * Tasks cached before previews were stored (schema 1) get theirs once, at the first open after the
 * upgrade, so the inbox never has to parse a task again.
 */
export function fillMissingPreviews(db: SqliteDatabase): void {
  const missing = db.prepare('SELECT task_id, task_json FROM tasks WHERE preview IS NULL').all() as {
    task_id: string;
    task_json: string;
  }[];
  if (missing.length === 0) return;
  const update = db.prepare('UPDATE tasks SET preview = ? WHERE task_id = ?');
  db.transaction(() => {
    for (const row of missing) update.run(previewOfRow(null, row.task_json), row.task_id);
  })();
}
