import type { z } from 'zod';
import type { resultSchema } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import { readAllPages } from '../db/pages';
import { isoOf } from '../db/db';
import { isProjectId, noSuchProject } from './projects';

export type Result = z.infer<typeof resultSchema>;
export type ResultsPage = { results: Result[]; nextAfter: number | null };

type ResultRow = {
  seq: number;
  id: string;
  task_id: string;
  item_id: string;
  external_id: string | null;
  username: string;
  status: Result['status'];
  answer: unknown;
  received_at: Date;
  review_status: NonNullable<Result['reviewStatus']>;
  version: number;
};

/**
 * One page of a project's answers (accepted and superseded), oldest first, after the cursor
 * `after`; the answer is the latest version (a supervisor's correction when there is one).
 * Honeypot answers are the platform's quality checks, not the client's results: left out.
 * `counting`: only the answers that count, as exports deliver them: accepted, and accepted or
 * corrected by review (auto-acceptance counts); never one still waiting for review or rejected.
 */
export async function listResults(
  db: Db,
  projectId: string,
  page: { limit: number; after: number },
  counting = false,
): Promise<ResultsPage> {
  const known = isProjectId(projectId)
    ? await db.query('SELECT 1 FROM projects WHERE id = $1', [projectId])
    : [];
  if (known.length === 0) throw noSuchProject(projectId);
  // One row more than asked tells whether another page exists.
  const rows = await db.query<ResultRow>(
    `SELECT s.seq, s.id, s.task_id, s.item_id, i.external_id, u.username, s.status,
            coalesce(v.answer, s.answer) AS answer, s.received_at, s.review_status, s.version
     FROM submissions s
     JOIN items i ON i.id = s.item_id
     JOIN users u ON u.id = s.worker_id
     LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.version = s.version
     WHERE s.project_id = $1 AND s.seq > $2 AND NOT s.honeypot
       AND (NOT $4::boolean OR (s.status = 'accepted' AND s.review_status IN ('accepted', 'corrected')))
     ORDER BY s.seq
     LIMIT $3`,
    [projectId, page.after, page.limit + 1, counting],
  );
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return {
    results: shown.map((row) => ({
      submissionId: row.id,
      taskId: row.task_id,
      itemId: row.item_id,
      externalId: row.external_id,
      worker: row.username,
      status: row.status,
      answer: row.answer,
      receivedAt: isoOf(row.received_at),
      reviewStatus: row.review_status,
      version: row.version,
    })),
    nextAfter: more ? (shown.at(-1)?.seq ?? null) : null,
  };
}

/** Every page, for exports and the embedding API. */
export async function listAllResults(
  db: Db,
  projectId: string,
  counting = false,
  pageSize = 1000,
): Promise<Result[]> {
  return readAllPages(async (after) => {
    const page = await listResults(db, projectId, { limit: pageSize, after }, counting);
    return { rows: page.results, nextAfter: page.nextAfter };
  });
}
