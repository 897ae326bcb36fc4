import { randomInt } from 'node:crypto';
import { mediaOf } from '../../shared/domain/media';
import { checkAnswer } from '../../shared/domain/task-kinds';
import type { SubmissionRequest, SubmissionResponse } from '../../shared/protocol/endpoints';
import { scoreAnswer } from '../../shared/scoring/answers';
import type { Db } from '../db/db';
import { isoOf, isUniqueViolation } from '../db/db';
import { ApiError, invalidInput, notFound } from '../errors';
import { acceptedEntries, entryRows, pendingEntries, splitPrice, type PaySplit } from '../pay/ledger';
import type { DeploymentSettings } from '../settings';
import { type LookupRow, lookupAnswers, type TaskRow } from './answer-lookup';
import { canonicalHash } from './canonical-json';

/** A concurrent request stored the same key first: this one is its replay (or a reused key). */
class SameKeyRace extends Error {}
/** The task changed state between reading and writing (another answer closed it): decide again. */
class TaskMoved extends Error {}

/** Attempts before giving up on a task that keeps changing under us (two are enough in practice). */
const ATTEMPTS = 4;

/**
 * Stores a worker's answer exactly once per idempotency key.
 * - Same key, same payload → the stored result again, `replay: true`; same key, other payload → 409.
 * - The worker must have held the lease it names (`taskId`, `leaseEpoch`), else 403 `not_your_task`.
 * - Late work is never dropped: while the task is not done the answer is `accepted` and closes it
 *   (even if the lease expired or passed to someone else); once done, it is kept as `superseded`
 *   and goes to a supervisor's review queue.
 * - A honeypot answer is scored against its gold answer; a failed one goes to review.
 * - Other answers are sampled into review at the project's rate; the rest are accepted at once.
 * - Pay: accepted work credits the worker's share; work in review is pending until its verdict.
 *
 * Two statements and no explicit transaction: a read, then one write that re-checks, under the
 * task's row lock, the state the decision was made on. When another answer closed the task in
 * between, the write changes nothing and the answer is decided again. (Under load, answers of many
 * workers share these two statements: see submit-batch.ts.)
 */
export async function submitAnswer(
  db: Db,
  workerId: string,
  request: SubmissionRequest,
  settings: Pick<DeploymentSettings, 'payShares' | 'currency'>,
): Promise<SubmissionResponse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await lookupAnswers(db, [{ workerId, request }]);
      return await decideAndWrite(db, workerId, request, row as LookupRow, settings);
    } catch (error) {
      const retry =
        error instanceof SameKeyRace ||
        error instanceof TaskMoved ||
        isUniqueViolation(error, 'submissions_worker_key');
      if (!retry || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Stores answers and everything that follows from each, in one statement for any number of them:
 * the task closes (when the answer counts), the pay is entered, the feedback queued, honeypot
 * accuracy updated. `guard` locks each task (in one order, so two batches cannot deadlock) and
 * re-checks that it is still done or not done (`was_done`) as when the answer was decided; if
 * not, nothing is written for that answer (`guarded` false). Nothing but the submission is written
 * when its key turned out to be taken meanwhile (ON CONFLICT). The answers must name distinct tasks.
 */
const WRITE_SQL = `
WITH r AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    ord int, task_id uuid, item_id uuid, project_id uuid, worker_id uuid, lease_epoch int,
    idempotency_key text, payload_hash text, answer jsonb, status text, started_at timestamptz,
    duration_ms int, honeypot boolean, score real, passed boolean, review_reason text,
    review_status text, auto_accept_hours int, worker_centre_id uuid, pay jsonb, currency text,
    entries jsonb, news jsonb, was_done boolean)
), guard AS MATERIALIZED (
  SELECT t.id FROM tasks t JOIN r ON r.task_id = t.id AND (t.status = 'done') = r.was_done
  ORDER BY t.id
  FOR UPDATE OF t
), ins AS (
  INSERT INTO submissions (task_id, item_id, project_id, worker_id, lease_epoch, idempotency_key,
                           payload_hash, answer, status, started_at, duration_ms, honeypot, score, passed,
                           review_reason, review_status, auto_accept_at, worker_centre_id, pay)
  SELECT r.task_id, r.item_id, r.project_id, r.worker_id, r.lease_epoch, r.idempotency_key,
         r.payload_hash, r.answer, r.status, r.started_at, r.duration_ms, r.honeypot, r.score, r.passed,
         r.review_reason, r.review_status,
         CASE WHEN r.review_reason IS NULL THEN NULL ELSE now() + make_interval(hours => r.auto_accept_hours) END,
         r.worker_centre_id, r.pay
  FROM r JOIN guard ON guard.id = r.task_id
  ORDER BY r.ord
  ON CONFLICT (worker_id, idempotency_key) DO NOTHING
  RETURNING id, received_at, worker_id, idempotency_key
), done AS (
  SELECT r.*, ins.id AS submission_id, ins.received_at
  FROM ins JOIN r ON r.worker_id = ins.worker_id AND r.idempotency_key = ins.idempotency_key
), closed AS (
  UPDATE tasks SET status = 'done' FROM done WHERE tasks.id = done.task_id AND done.status = 'accepted'
), money AS (
  INSERT INTO ledger (account, worker_id, bucket, amount_cents, currency, submission_id, project_id, memo)
  SELECT x.account, x.worker_id, x.bucket, x.amount, done.currency, done.submission_id, done.project_id, x.memo
  FROM done, jsonb_to_recordset(done.entries) AS x(account text, worker_id uuid, bucket text, amount int, memo text)
), news AS (
  INSERT INTO feedback_events (worker_id, type, submission_id, task_id, payload)
  SELECT done.worker_id, x.type, done.submission_id, done.task_id, x.payload
  FROM done, jsonb_to_recordset(done.news) AS x(type text, payload jsonb)
  ORDER BY done.ord
), accuracy AS (
  INSERT INTO worker_project_stats (worker_id, project_id, honeypots_scored, honeypots_passed, score_sum)
  SELECT worker_id, project_id, count(*), count(*) FILTER (WHERE passed), sum(score)
  FROM done WHERE honeypot AND score IS NOT NULL
  GROUP BY worker_id, project_id
  ORDER BY worker_id, project_id
  ON CONFLICT (worker_id, project_id) DO UPDATE
  SET honeypots_scored = worker_project_stats.honeypots_scored + EXCLUDED.honeypots_scored,
      honeypots_passed = worker_project_stats.honeypots_passed + EXCLUDED.honeypots_passed,
      score_sum = worker_project_stats.score_sum + EXCLUDED.score_sum
)
SELECT r.ord, guard.id IS NOT NULL AS guarded, done.submission_id AS id, done.received_at
FROM r LEFT JOIN guard ON guard.id = r.task_id LEFT JOIN done ON done.ord = r.ord
ORDER BY r.ord`;

/** An answer checked and decided (its status, review, score and pay), ready to be written. */
export type Decision = {
  workerId: string;
  request: SubmissionRequest;
  answer: unknown;
  status: SubmissionResponse['status'];
  row: Record<string, unknown>;
};

/** What the write did for one answer. */
export type Written = { guarded: boolean; id: string | null; received_at: Date | null };

/**
 * Decides what an answer stores, from its lookup row: the stored result again (a replay), or a
 * decision to write. Throws the ApiError that refuses it (key reused, no such task, not the
 * worker's lease, an invalid answer). Files the answer names are checked by the caller.
 */
export function decideAnswer(
  workerId: string,
  request: SubmissionRequest,
  looked: LookupRow,
  settings: Pick<DeploymentSettings, 'payShares' | 'currency'>,
): SubmissionResponse | Decision {
  const payloadHash = canonicalHash({
    taskId: request.taskId,
    leaseEpoch: request.leaseEpoch,
    answer: request.answer,
  });
  const task = looked.id === null ? null : (looked as TaskRow);
  const stored = looked.stored;
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
  if (!task) throw notFound(`no task with id ${request.taskId}`);
  if (!task.held) {
    throw new ApiError(
      403,
      'not_your_task',
      `task ${task.id} was not leased to you under lease ${request.leaseEpoch}`,
      {
        field: 'leaseEpoch',
      },
    );
  }

  const checked = checkAnswer(task.kind, task.config, task.data, request.answer);
  if (!checked.ok) throw invalidInput(checked.problems, 'answer');

  const status = task.status === 'done' ? 'superseded' : 'accepted';
  const honeypot =
    task.honeypot && task.gold !== null ? scoreAnswer(task.kind, task.gold, checked.answer, task.data) : null;
  const passed = honeypot ? honeypot.score >= task.honeypot_pass_score : null;
  const reviewReason =
    status === 'superseded'
      ? 'late_work'
      : honeypot
        ? passed
          ? null
          : 'honeypot_failed'
        : sampled(task.review_rate)
          ? 'sample'
          : null;
  const pay = splitPrice(task.price_cents, settings);
  const subject = { workerId, pay };
  const entries = reviewReason === null ? acceptedEntries(subject, false) : pendingEntries(subject);
  const news: Array<{ type: string; payload: unknown }> = [];
  if (pay.worker > 0) {
    news.push({
      type: 'earning',
      payload: {
        amountCents: pay.worker,
        currency: pay.currency,
        status: reviewReason === null ? 'accepted' : 'pending',
      },
    });
  }
  if (honeypot)
    news.push({
      type: 'honeypot',
      payload: { score: honeypot.score, passed: passed === true, expected: task.gold },
    });

  const row = {
    task_id: task.id,
    item_id: task.item_id,
    project_id: task.project_id,
    worker_id: workerId,
    lease_epoch: request.leaseEpoch,
    idempotency_key: request.idempotencyKey,
    payload_hash: payloadHash,
    answer: checked.answer,
    status,
    started_at: request.startedAt ?? null,
    duration_ms: request.durationMs ?? null,
    honeypot: task.honeypot,
    score: honeypot?.score ?? null,
    passed,
    review_reason: reviewReason,
    review_status: reviewReason === null ? 'accepted' : 'pending',
    auto_accept_hours: task.auto_accept_hours,
    worker_centre_id: task.centre_id,
    pay,
    currency: pay.currency,
    entries: entryRows(entries),
    news,
    was_done: task.status === 'done',
  };
  return { workerId, request, answer: checked.answer, status, row };
}

export function isDecision(outcome: SubmissionResponse | Decision): outcome is Decision {
  return 'row' in outcome;
}

/** Writes decided answers (of distinct tasks) in one statement; one result per decision, in order. */
export async function writeAnswers(db: Db, decisions: readonly Decision[]): Promise<Written[]> {
  const rows = decisions.map((decision, ord) => ({ ord, ...decision.row }));
  const written = await db.query<Written & { ord: number }>(WRITE_SQL, [JSON.stringify(rows)]);
  return written.sort((a, b) => a.ord - b.ord);
}

/** The response for a written answer; throws to decide again when the write could not happen. */
export function responseOf(decision: Decision, written: Written | undefined): SubmissionResponse {
  if (!written?.guarded) throw new TaskMoved();
  if (written.id === null || written.received_at === null) throw new SameKeyRace();
  return {
    submissionId: written.id,
    status: decision.status,
    replay: false,
    receivedAt: isoOf(written.received_at),
  };
}

async function decideAndWrite(
  db: Db,
  workerId: string,
  request: SubmissionRequest,
  looked: LookupRow,
  settings: Pick<DeploymentSettings, 'payShares' | 'currency'>,
): Promise<SubmissionResponse> {
  const outcome = decideAnswer(workerId, request, looked, settings);
  if (!isDecision(outcome)) return outcome;
  await checkAnswerMedia(db, outcome.answer);
  const [written] = await writeAnswers(db, [outcome]);
  return responseOf(outcome, written);
}

function sampled(rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return randomInt(1_000_000) < rate * 1_000_000;
}

/** Every file an answer refers to (a recording) must be on the queue already, with the size the answer says. */
async function checkAnswerMedia(db: Db, answer: unknown): Promise<void> {
  const wanted = [...mediaOf(answer)];
  if (wanted.length === 0) return;
  const rows = await db.query<{ sha256: string; bytes: number }>(
    `SELECT sha256, bytes FROM media WHERE sha256 IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(wanted)],
  );
  const stored = new Map(rows.map((row) => [row.sha256, Number(row.bytes)]));
  const missing = wanted.find((sha256) => !stored.has(sha256));
  if (missing) {
    throw new ApiError(
      400,
      'invalid_input',
      `answer: the file ${missing} is not on the queue yet: upload it first (POST /v1/uploads)`,
      {
        field: 'answer',
      },
    );
  }
  for (const ref of declaredRefs(answer)) {
    if (stored.has(ref.sha256) && stored.get(ref.sha256) !== ref.bytes) {
      throw new ApiError(
        400,
        'invalid_input',
        `answer: the file ${ref.sha256} has ${stored.get(ref.sha256)} bytes, not ${ref.bytes}`,
        {
          field: 'answer',
        },
      );
    }
  }
}

function declaredRefs(value: unknown, found: Array<{ sha256: string; bytes: number }> = []) {
  if (Array.isArray(value)) for (const entry of value) declaredRefs(entry, found);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.sha256 === 'string' && typeof record.bytes === 'number')
      found.push({ sha256: record.sha256, bytes: record.bytes });
    else for (const entry of Object.values(record)) declaredRefs(entry, found);
  }
  return found;
}

export type { PaySplit };
