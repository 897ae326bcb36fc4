import type { TaskKind } from '../../shared/domain/task-kinds';
import { checkAnswer } from '../../shared/domain/task-kinds';
import type { SubmissionDetail, VerdictRequest } from '../../shared/protocol/review';
import { isAdmin, forbidden, type Viewer } from '../auth/policy';
import type { Db } from '../db/db';
import { ApiError, invalidInput, notFound } from '../errors';
import {
  addFeedback,
  earning,
  recordAccepted,
  recordRejected,
  type LedgerSubject,
  type NewFeedback,
  type PaySplit,
} from '../pay/ledger';
import { detailOf, getSubmission, SELECT_DETAIL, type DetailRow } from './detail';

type Locked = {
  id: string;
  task_id: string;
  item_id: string;
  project_id: string;
  worker_id: string;
  worker_centre_id: string | null;
  status: 'accepted' | 'superseded';
  review_status: SubmissionDetail['reviewStatus'];
  honeypot: boolean;
  version: number;
  pay: PaySplit | null;
  kind: TaskKind;
  config: unknown;
  data: unknown;
};

/**
 * A supervisor's verdict on a submission waiting for one (`reviewStatus: pending`):
 * - accept: the pay moves from pending to accepted;
 * - reject (a reason is required): the pending pay is cancelled, and an answer that counted for its
 *   item gets a new task so the item still receives the answers it needs;
 * - correct (a corrected answer is required, checked like any answer): stored as a new version, the
 *   original kept; paid like an acceptance.
 * The worker learns the verdict (and the correction) on their next sync. Supervisors review the work
 * of their own centre, never their own.
 */
export async function reviewSubmission(
  db: Db,
  viewer: Viewer,
  submissionId: string,
  request: VerdictRequest,
  currency: string,
): Promise<SubmissionDetail> {
  if (request.verdict === 'reject' && request.reason === undefined) {
    throw new ApiError(400, 'invalid_input', 'reason: say why the work is rejected', { field: 'reason' });
  }
  if (request.verdict === 'correct' && request.correctedAnswer === undefined) {
    throw new ApiError(400, 'invalid_input', 'correctedAnswer: give the corrected answer', {
      field: 'correctedAnswer',
    });
  }
  if (request.verdict !== 'correct' && request.correctedAnswer !== undefined) {
    throw new ApiError(400, 'invalid_input', 'correctedAnswer: only a correction carries an answer', {
      field: 'correctedAnswer',
    });
  }
  await db.transaction(async (tx) => {
    const [row] = await tx.query<Locked>(
      `SELECT s.id, s.task_id, s.item_id, s.project_id, s.worker_id, s.worker_centre_id, s.status, s.review_status,
              s.honeypot, s.version, s.pay, p.kind, p.config, i.data
       FROM submissions s JOIN projects p ON p.id = s.project_id JOIN items i ON i.id = s.item_id
       WHERE s.id = $1 FOR UPDATE OF s`,
      [submissionId],
    );
    const inReach =
      row && (isAdmin(viewer) || (viewer.centreId !== null && viewer.centreId === row.worker_centre_id));
    if (!row || !inReach) throw notFound(`no submission with id ${submissionId}`);
    if (row.worker_id === viewer.id) throw forbidden('you cannot review your own work');
    if (row.review_status !== 'pending') {
      throw new ApiError(409, 'conflict', `this submission already has its verdict (${row.review_status})`);
    }
    await applyVerdict(tx, row, request, viewer.id, currency);
  });
  return getSubmission(db, viewer, submissionId);
}

async function applyVerdict(
  tx: Db,
  row: Locked,
  request: VerdictRequest,
  reviewerId: string,
  currency: string,
): Promise<void> {
  const subject: LedgerSubject & { taskId: string } = {
    submissionId: row.id,
    projectId: row.project_id,
    workerId: row.worker_id,
    taskId: row.task_id,
    pay: row.pay ?? unpaid(currency),
  };
  let correctedAnswer: unknown;
  if (request.verdict === 'correct') {
    const checked = checkAnswer(row.kind, row.config, row.data, request.correctedAnswer);
    if (!checked.ok) throw invalidInput(checked.problems, 'correctedAnswer');
    correctedAnswer = checked.answer;
    await tx.query(
      `INSERT INTO submission_versions (submission_id, version, answer, author_id) VALUES ($1, $2, $3::jsonb, $4)`,
      [row.id, row.version + 1, JSON.stringify(correctedAnswer), reviewerId],
    );
  }
  const reviewStatus: 'accepted' | 'rejected' | 'corrected' =
    request.verdict === 'accept' ? 'accepted' : request.verdict === 'reject' ? 'rejected' : 'corrected';
  await tx.query(
    `UPDATE submissions SET review_status = $2, reviewed_at = now(), reviewer_id = $3, verdict_reason = $4,
       verdict_comment = $5, version = version + $6, auto_accept_at = NULL
     WHERE id = $1`,
    [
      row.id,
      reviewStatus,
      reviewerId,
      request.reason ?? null,
      request.comment ?? null,
      request.verdict === 'correct' ? 1 : 0,
    ],
  );
  if (reviewStatus === 'rejected') {
    await recordRejected(tx, subject);
    if (row.status === 'accepted' && !row.honeypot) await reopenItem(tx, row.item_id, row.project_id);
  } else {
    await recordAccepted(tx, subject, true);
  }
  const verdictEvent: NewFeedback = {
    workerId: row.worker_id,
    submissionId: row.id,
    taskId: row.task_id,
    type: 'verdict',
    payload: {
      verdict: reviewStatus,
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
      ...(request.comment !== undefined ? { comment: request.comment } : {}),
      ...(correctedAnswer !== undefined ? { correctedAnswer } : {}),
    },
  };
  const money = earning(subject, reviewStatus === 'rejected' ? 'cancelled' : 'accepted');
  await addFeedback(tx, money ? [verdictEvent, money] : [verdictEvent]);
}

/** A rejected answer no longer counts: the item gets one more task (a new replica) to lease. */
async function reopenItem(tx: Db, itemId: string, projectId: string): Promise<void> {
  await tx.query(
    `INSERT INTO tasks (project_id, item_id, replica)
     SELECT $2, $1, coalesce(max(replica) FILTER (WHERE NOT honeypot), -1) + 1 FROM tasks WHERE item_id = $1`,
    [itemId, projectId],
  );
}

/** The split of work that carries no pay (in the deployment's currency, so every figure shares one). */
function unpaid(currency: string): PaySplit {
  return { worker: 0, platform: 0, help: 0, currency };
}

/**
 * Accepts work nobody reviewed in time (`auto_accept_at` passed), a batch at a time: pay moves to
 * accepted and the worker is told, with the reason code `auto_accepted`.
 */
export async function autoAccept(db: Db, currency: string, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<Locked>(
      `SELECT s.id, s.task_id, s.item_id, s.project_id, s.worker_id, s.worker_centre_id, s.status, s.review_status,
              s.honeypot, s.version, s.pay, p.kind, p.config, NULL AS data
       FROM submissions s JOIN projects p ON p.id = s.project_id
       WHERE s.review_status = 'pending' AND s.auto_accept_at < now()
       ORDER BY s.auto_accept_at LIMIT $1
       FOR UPDATE OF s SKIP LOCKED`,
      [limit],
    );
    for (const row of rows) {
      await tx.query(
        `UPDATE submissions SET review_status = 'accepted', reviewed_at = now(), verdict_reason = 'auto_accepted',
           auto_accept_at = NULL WHERE id = $1`,
        [row.id],
      );
      const subject = {
        submissionId: row.id,
        projectId: row.project_id,
        workerId: row.worker_id,
        taskId: row.task_id,
        pay: row.pay ?? unpaid(currency),
      };
      await recordAccepted(tx, subject, true);
      const money = earning(subject, 'accepted');
      const verdict = {
        workerId: row.worker_id,
        submissionId: row.id,
        taskId: row.task_id,
        type: 'verdict' as const,
        payload: { verdict: 'accepted' as const, reason: 'auto_accepted' },
      };
      await addFeedback(tx, money ? [verdict, money] : [verdict]);
    }
    return rows.length;
  });
}

/**
 * The review queue: pending verdicts, oldest first (failed honeypots, late work and samples alike),
 * of the viewer's centre (admins: all), optionally one project or one reason.
 */
export async function reviewQueue(
  db: Db,
  viewer: Viewer,
  query: { projectId?: string | undefined; reason?: string | undefined; limit: number; after: number },
): Promise<{ submissions: SubmissionDetail[]; nextAfter: number | null }> {
  if (!isAdmin(viewer) && viewer.centreId === null) return { submissions: [], nextAfter: null };
  const rows = await db.query<DetailRow>(
    `${SELECT_DETAIL}
     WHERE s.review_status = 'pending' AND s.seq > $1
       AND ($2::boolean OR s.worker_centre_id = $3)
       AND ($4::uuid IS NULL OR s.project_id = $4) AND ($5::text IS NULL OR s.review_reason = $5)
       AND s.worker_id <> $6
     ORDER BY s.seq LIMIT $7`,
    [
      query.after,
      isAdmin(viewer),
      viewer.centreId,
      query.projectId ?? null,
      query.reason ?? null,
      viewer.id,
      query.limit + 1,
    ],
  );
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  return { submissions: shown.map(detailOf), nextAfter: more ? (shown.at(-1)?.seq ?? null) : null };
}
