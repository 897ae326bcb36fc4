import type { TaskState } from '../../../shared/bridge/contract';

/**
 * `profiles/<userId>/profile.db`: one HITer's token, cached tasks and outbox. Each HITer has their
 * own file, so two people sharing a laptop never see, or push, each other's work.
 */
export const PROFILE_MIGRATIONS = [
  `CREATE TABLE meta (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT;
   CREATE TABLE tasks (
     task_id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     project_id TEXT NOT NULL,
     project_name TEXT NOT NULL,
     -- the full LeasedTask as the queue sent it: everything needed to work offline
     task_json TEXT NOT NULL,
     lease_epoch INTEGER NOT NULL,
     lease_expires_at TEXT NOT NULL,
     lease_order INTEGER NOT NULL,
     state TEXT NOT NULL
       CHECK (state IN ('todo', 'draft', 'pending', 'accepted', 'superseded', 'refused')),
     draft_json TEXT,
     answer_json TEXT,
     server_message TEXT,
     opened_at TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     idempotency_key TEXT NOT NULL UNIQUE,
     task_id TEXT NOT NULL REFERENCES tasks (task_id),
     lease_epoch INTEGER NOT NULL,
     answer_json TEXT NOT NULL,
     started_at TEXT,
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed'))
   ) STRICT;
   CREATE INDEX outbox_by_state ON outbox (state, id);
   CREATE INDEX outbox_by_task ON outbox (task_id);`,
  // 2: media, feedback, lease renewal, and an inbox that stays fast with 100,000 cached tasks.
  `ALTER TABLE tasks ADD COLUMN preview TEXT;
   ALTER TABLE tasks ADD COLUMN lease_lost INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE tasks ADD COLUMN media_files INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE tasks ADD COLUMN media_missing INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE tasks ADD COLUMN submitted_at TEXT;
   UPDATE tasks SET submitted_at = updated_at WHERE state NOT IN ('todo', 'draft');
   -- one partial index per part of the inbox, so each part is read in order without a sort; the
   -- open and waiting parts (a few hundred tasks at most) hold every column the inbox shows, so the
   -- wide rows (task, draft and answer JSON) are never read to list them
   CREATE INDEX tasks_open ON tasks (lease_order, task_id, state, kind, project_name, preview, updated_at,
     lease_expires_at, server_message, lease_lost, media_files, media_missing) WHERE state IN ('todo', 'draft');
   CREATE INDEX tasks_pending ON tasks (updated_at, lease_order, task_id, state, kind, project_name, preview,
     lease_expires_at, server_message, lease_lost, media_files, media_missing) WHERE state = 'pending';
   CREATE INDEX tasks_settled ON tasks (updated_at DESC, task_id)
     WHERE state IN ('accepted', 'superseded', 'refused');
   CREATE INDEX tasks_submitted ON tasks (submitted_at DESC, task_id) WHERE submitted_at IS NOT NULL;
   ALTER TABLE outbox ADD COLUMN submission_id TEXT;
   -- every media file this profile holds or needs: downloaded from the queue, or made here
   CREATE TABLE media (
     sha256 TEXT PRIMARY KEY,
     mime TEXT,
     bytes INTEGER,
     origin TEXT NOT NULL CHECK (origin IN ('queue', 'local')),
     state TEXT NOT NULL CHECK (state IN ('missing', 'ready', 'failed', 'evicted')),
     error TEXT,
     -- local files: the queue holds them (answers referring to them may go)
     uploaded INTEGER NOT NULL DEFAULT 0,
     upload_id TEXT,
     created_at TEXT NOT NULL,
     ready_at TEXT
   ) STRICT;
   CREATE INDEX media_by_state ON media (state);
   CREATE TABLE task_media (
     task_id TEXT NOT NULL REFERENCES tasks (task_id),
     sha256 TEXT NOT NULL REFERENCES media (sha256),
     PRIMARY KEY (task_id, sha256)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX task_media_by_sha ON task_media (sha256);
   -- what the queue said about this HITer's work: verdicts, honeypot results, earnings
   CREATE TABLE feedback (
     seq INTEGER PRIMARY KEY,
     type TEXT NOT NULL,
     task_id TEXT NOT NULL,
     submission_id TEXT NOT NULL,
     at TEXT NOT NULL,
     event_json TEXT NOT NULL,
     seen INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE INDEX feedback_by_task ON feedback (task_id, type, seq);
   CREATE INDEX feedback_unseen ON feedback (seen) WHERE seen = 0;`,
  // 3: the sync indicator counts refused and superseded answers on every status: a tiny index.
  `CREATE INDEX tasks_flagged ON tasks (state) WHERE state IN ('refused', 'superseded');`,
] as const;

export type TaskRow = {
  taskId: string;
  kind: string;
  projectId: string;
  projectName: string;
  /** The LeasedTask JSON, parsed but not yet validated. */
  task: unknown;
  leaseEpoch: number;
  leaseExpiresAt: string;
  leaseOrder: number;
  state: TaskState;
  draft: unknown;
  answer: unknown;
  serverMessage: string | null;
  openedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Cut once when the task is cached, so the inbox never parses the task again. */
  preview: string | null;
  leaseLost: boolean;
  mediaFiles: number;
  mediaMissing: number;
  submittedAt: string | null;
};

export type TaskRecord = {
  task_id: string;
  kind: string;
  project_id: string;
  project_name: string;
  task_json: string;
  lease_epoch: number;
  lease_expires_at: string;
  lease_order: number;
  state: TaskState;
  draft_json: string | null;
  answer_json: string | null;
  server_message: string | null;
  opened_at: string | null;
  created_at: string;
  updated_at: string;
  preview: string | null;
  lease_lost: number;
  media_files: number;
  media_missing: number;
  submitted_at: string | null;
};

export function toTaskRow(record: TaskRecord): TaskRow {
  return {
    taskId: record.task_id,
    kind: record.kind,
    projectId: record.project_id,
    projectName: record.project_name,
    task: JSON.parse(record.task_json),
    leaseEpoch: record.lease_epoch,
    leaseExpiresAt: record.lease_expires_at,
    leaseOrder: record.lease_order,
    state: record.state,
    draft: record.draft_json === null ? null : JSON.parse(record.draft_json),
    answer: record.answer_json === null ? null : JSON.parse(record.answer_json),
    serverMessage: record.server_message,
    openedAt: record.opened_at,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    preview: record.preview,
    leaseLost: record.lease_lost === 1,
    mediaFiles: record.media_files,
    mediaMissing: record.media_missing,
    submittedAt: record.submitted_at,
  };
}

export type OutboxRow = {
  id: number;
  idempotencyKey: string;
  taskId: string;
  leaseEpoch: number;
  answer: unknown;
  startedAt: string | null;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  state: 'pending' | 'done' | 'failed';
  submissionId: string | null;
};

export type OutboxRecord = {
  id: number;
  idempotency_key: string;
  task_id: string;
  lease_epoch: number;
  answer_json: string;
  started_at: string | null;
  created_at: string;
  attempts: number;
  last_error: string | null;
  state: OutboxRow['state'];
  submission_id: string | null;
};

export function toOutboxRow(record: OutboxRecord): OutboxRow {
  return {
    id: record.id,
    idempotencyKey: record.idempotency_key,
    taskId: record.task_id,
    leaseEpoch: record.lease_epoch,
    answer: JSON.parse(record.answer_json),
    startedAt: record.started_at,
    createdAt: record.created_at,
    attempts: record.attempts,
    lastError: record.last_error,
    state: record.state,
    submissionId: record.submission_id,
  };
}
