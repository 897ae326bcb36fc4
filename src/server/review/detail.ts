import type { SubmissionDetail } from '../../shared/protocol/review';
import { isAdmin, type Viewer } from '../auth/policy';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import { notFound } from '../errors';

export type DetailRow = {
  seq: number;
  id: string;
  task_id: string;
  item_id: string;
  external_id: string | null;
  project_id: string;
  kind: SubmissionDetail['kind'];
  worker_id: string;
  username: string;
  worker_centre_id: string | null;
  status: SubmissionDetail['status'];
  review_reason: SubmissionDetail['reviewReason'];
  review_status: SubmissionDetail['reviewStatus'];
  auto_accept_at: Date | null;
  data: unknown;
  answer: unknown;
  current_answer: unknown;
  version: number;
  honeypot: boolean;
  score: number | null;
  passed: boolean | null;
  gold: unknown;
  reviewer_id: string | null;
  verdict_reason: string | null;
  verdict_comment: string | null;
  reviewed_at: Date | null;
  received_at: Date;
  duration_ms: number | null;
};

/** Everything a review shows about a submission; `WHERE` and `ORDER` are added by the caller. */
export const SELECT_DETAIL = `
SELECT s.seq, s.id, s.task_id, s.item_id, i.external_id, s.project_id, p.kind, s.worker_id, u.username,
       s.worker_centre_id, s.status, s.review_reason, s.review_status, s.auto_accept_at, i.data, s.answer,
       coalesce(v.answer, s.answer) AS current_answer, s.version, s.honeypot, s.score, s.passed, i.gold,
       s.reviewer_id, s.verdict_reason, s.verdict_comment, s.reviewed_at, s.received_at, s.duration_ms
FROM submissions s
JOIN items i ON i.id = s.item_id
JOIN projects p ON p.id = s.project_id
JOIN users u ON u.id = s.worker_id
LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.version = s.version`;

export function detailOf(row: DetailRow): SubmissionDetail {
  return {
    submissionId: row.id,
    taskId: row.task_id,
    itemId: row.item_id,
    externalId: row.external_id,
    projectId: row.project_id,
    kind: row.kind,
    worker: { id: row.worker_id, username: row.username, centreId: row.worker_centre_id },
    status: row.status,
    reviewReason: row.review_reason,
    reviewStatus: row.review_status,
    autoAcceptAt: row.auto_accept_at ? isoOf(row.auto_accept_at) : null,
    data: row.data,
    answer: row.answer,
    currentAnswer: row.current_answer,
    version: row.version,
    honeypot:
      row.honeypot && row.score !== null
        ? { score: row.score, passed: row.passed === true, expected: row.gold }
        : null,
    verdict: row.reviewed_at
      ? {
          reviewerId: row.reviewer_id,
          reason: row.verdict_reason,
          comment: row.verdict_comment,
          at: isoOf(row.reviewed_at),
        }
      : null,
    receivedAt: isoOf(row.received_at),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  };
}

/**
 * A submission for its worker, for staff of the worker's centre (trainers read, supervisors
 * review), or for an admin; anyone else gets 404.
 */
export async function getSubmission(
  db: Db,
  viewer: Viewer,
  submissionId: string,
  lock = false,
): Promise<SubmissionDetail> {
  const [row] = await db.query<DetailRow>(
    `${SELECT_DETAIL} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [submissionId],
  );
  if (!row || !mayRead(viewer, row)) throw notFound(`no submission with id ${submissionId}`);
  return detailOf(row);
}

export function mayRead(
  viewer: Viewer,
  row: { worker_id: string; worker_centre_id: string | null },
): boolean {
  if (row.worker_id === viewer.id || isAdmin(viewer)) return true;
  return viewer.role !== 'hitter' && viewer.centreId !== null && viewer.centreId === row.worker_centre_id;
}
