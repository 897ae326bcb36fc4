import type { z } from 'zod';
import { idSchema } from '../../shared/domain/common';
import { checkAnswer, type TaskKind } from '../../shared/domain/task-kinds';
import type { submissionRequestSchema, SubmissionResponse } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import { isoOf, isUniqueViolation } from '../db/db';
import { ApiError, invalidInput, notFound } from '../errors';
import { canonicalHash } from './canonical-json';

export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

/** Thrown inside the transaction when a concurrent request stored the same key first: retry as a replay. */
class SameKeyRace extends Error {}

/**
 * Stores a worker's answer exactly once per idempotency key.
 * - Same key, same payload → the stored result again, `replay: true`; same key, other payload → 409.
 * - The worker must have held the lease it names (`taskId`, `leaseEpoch`), else 403 `not_your_task`.
 * - Late work is never dropped: while the task is not done the answer is `accepted` and closes it
 *   (even if the lease expired or passed to someone else); once done, it is kept as `superseded`.
 */
export async function submitAnswer(
  db: Db,
  workerId: string,
  request: SubmissionRequest,
): Promise<SubmissionResponse> {
  const payloadHash = canonicalHash({
    taskId: request.taskId,
    leaseEpoch: request.leaseEpoch,
    answer: request.answer,
  });
  try {
    return await db.transaction((tx) => submitOnce(tx, workerId, request, payloadHash));
  } catch (error) {
    if (!(error instanceof SameKeyRace) && !isUniqueViolation(error, 'submissions_worker_key')) throw error;
    // The other request has committed by now: this one is its replay (or a reused key).
    return db.transaction((tx) => submitOnce(tx, workerId, request, payloadHash));
  }
}

type StoredRow = {
  id: string;
  payload_hash: string;
  status: SubmissionResponse['status'];
  received_at: Date;
  task_id: string;
};
type TaskRow = {
  id: string;
  status: 'open' | 'leased' | 'done';
  item_id: string;
  project_id: string;
  kind: TaskKind;
  config: unknown;
  data: unknown;
};

async function submitOnce(
  tx: Db,
  workerId: string,
  request: SubmissionRequest,
  payloadHash: string,
): Promise<SubmissionResponse> {
  const [stored] = await tx.query<StoredRow>(
    `SELECT id, payload_hash, status, received_at, task_id FROM submissions
     WHERE worker_id = $1 AND idempotency_key = $2`,
    [workerId, request.idempotencyKey],
  );
  if (stored) {
    if (stored.payload_hash !== payloadHash) {
      throw new ApiError(
        409,
        'idempotency_key_reused',
        `this idempotency key was already used for another answer (task ${stored.task_id}); make a new key for each answer`,
        { field: 'idempotencyKey' },
      );
    }
    return {
      submissionId: stored.id,
      status: stored.status,
      replay: true,
      receivedAt: isoOf(stored.received_at),
    };
  }

  const [task] = idSchema.safeParse(request.taskId).success
    ? await tx.query<TaskRow>(
        `SELECT t.id, t.status, t.item_id, t.project_id, p.kind, p.config, i.data
         FROM tasks t JOIN projects p ON p.id = t.project_id JOIN items i ON i.id = t.item_id
         WHERE t.id = $1 FOR UPDATE OF t`,
        [request.taskId],
      )
    : [];
  if (!task) throw notFound(`no task with id ${request.taskId}`);

  const held = await tx.query('SELECT 1 FROM leases WHERE task_id = $1 AND epoch = $2 AND worker_id = $3', [
    task.id,
    request.leaseEpoch,
    workerId,
  ]);
  if (held.length === 0) {
    throw new ApiError(
      403,
      'not_your_task',
      `task ${task.id} was not leased to you under lease ${request.leaseEpoch}`,
      { field: 'leaseEpoch' },
    );
  }

  const checked = checkAnswer(task.kind, task.config, task.data, request.answer);
  if (!checked.ok) throw invalidInput(checked.problems, 'answer');

  const status = task.status === 'done' ? 'superseded' : 'accepted';
  const [inserted] = await tx.query<{ id: string; received_at: Date }>(
    `INSERT INTO submissions (task_id, item_id, project_id, worker_id, lease_epoch, idempotency_key,
                              payload_hash, answer, status, started_at, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11)
     ON CONFLICT (worker_id, idempotency_key) DO NOTHING
     RETURNING id, received_at`,
    [
      task.id,
      task.item_id,
      task.project_id,
      workerId,
      request.leaseEpoch,
      request.idempotencyKey,
      payloadHash,
      JSON.stringify(checked.answer),
      status,
      request.startedAt ?? null,
      request.durationMs ?? null,
    ],
  );
  if (!inserted) throw new SameKeyRace();
  if (status === 'accepted') {
    await tx.query(`UPDATE tasks SET status = 'done' WHERE id = $1`, [task.id]);
  }
  return { submissionId: inserted.id, status, replay: false, receivedAt: isoOf(inserted.received_at) };
}
