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
  };
}
