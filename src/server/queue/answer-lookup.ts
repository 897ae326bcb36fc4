import { idSchema } from '../../shared/domain/common';
import type { TaskKind } from '../../shared/domain/task-kinds';
import type { SubmissionRequest, SubmissionResponse } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';

/** What an answer is decided on: its task, project and item, its lease, what its key stored. */
export type TaskRow = {
  id: string;
  status: 'open' | 'leased' | 'done';
  honeypot: boolean;
  item_id: string;
  project_id: string;
  kind: TaskKind;
  config: unknown;
  data: unknown;
  gold: unknown;
  price_cents: number;
  review_rate: number;
  auto_accept_hours: number;
  honeypot_pass_score: number;
  held: boolean;
  centre_id: string | null;
  /** The submission already stored under this key, if any. */
  stored: {
    id: string;
    payload_hash: string;
    status: SubmissionResponse['status'];
    received_at: string;
    task_id: string;
  } | null;
};

/**
 * Reads, in one statement for any number of answers (of one worker or of many), each one's task
 * (none when the id names no task), whether its worker held the lease named (lease history is
 * never rewritten), and what its idempotency key already stored.
 */
export const LOOKUP_SQL = `
SELECT r.ord, t.id, t.status, t.honeypot, t.item_id, t.project_id, p.kind, p.config, i.data, i.gold,
       p.price_cents, p.review_rate, p.auto_accept_hours, p.honeypot_pass_score,
       -- A scalar subquery, one probe of the lease's primary key per answer: as a join or an
       -- EXISTS, a planner that thinks the history small (a fresh queue's, not analysed yet)
       -- hashes all of it, at every batch.
       (SELECT true FROM leases l WHERE l.task_id = t.id AND l.epoch = r.epoch AND l.worker_id = r.worker_id) IS NOT NULL AS held,
       (SELECT u.centre_id FROM users u WHERE u.id = r.worker_id) AS centre_id,
       (SELECT jsonb_build_object('id', s.id, 'payload_hash', s.payload_hash, 'status', s.status,
                                  'received_at', s.received_at, 'task_id', s.task_id)
        FROM submissions s WHERE s.worker_id = r.worker_id AND s.idempotency_key = r.key) AS stored
FROM jsonb_to_recordset($1::jsonb) AS r(ord int, worker_id uuid, task_id uuid, epoch int, key text)
LEFT JOIN tasks t ON t.id = r.task_id
LEFT JOIN projects p ON p.id = t.project_id
LEFT JOIN items i ON i.id = t.item_id
ORDER BY r.ord`;

/** A lookup row: the task's columns are null when the answer names no task. */
export type LookupRow = Omit<TaskRow, 'id'> & { ord: number; id: string | null };

/** An answer and the worker who sends it. */
export type WorkerAnswer = { workerId: string; request: SubmissionRequest };

/** One lookup row per answer, in the order given. */
export function lookupAnswers(db: Db, answers: readonly WorkerAnswer[]): Promise<LookupRow[]> {
  const wanted = answers.map(({ workerId, request }, ord) => ({
    ord,
    worker_id: workerId,
    // An id that is not a uuid names no task (and would fail the cast).
    task_id: idSchema.safeParse(request.taskId).success ? request.taskId : null,
    epoch: request.leaseEpoch,
    key: request.idempotencyKey,
  }));
  return db.query<LookupRow>(LOOKUP_SQL, [JSON.stringify(wanted)]);
}
