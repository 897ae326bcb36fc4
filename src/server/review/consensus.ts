import type { z } from 'zod';
import type { TaskKind } from '../../shared/domain/task-kinds';
import type { consensusItemSchema } from '../../shared/protocol/review';
import { aggregateAnswers } from '../../shared/scoring/consensus';
import type { Db } from '../db/db';
import { readAllPages } from '../db/pages';

type ConsensusItem = z.infer<typeof consensusItemSchema>;

/**
 * One item with the answers that count for it, in arrival order: accepted, and accepted or
 * corrected by review (a correction counts as its corrected version); never one still waiting for
 * review, nor a rejected one.
 */
export type AnsweredItem = {
  seq: number;
  itemId: string;
  externalId: string | null;
  data: unknown;
  mediaNames: Record<string, string> | null;
  answers: Array<{
    submissionId: string;
    workerId: string;
    worker: string;
    answer: unknown;
    durationMs: number | null;
  }>;
};

/**
 * A page of the project's answered items (regular items only: honeypots are the platform's, not
 * the client's), in import order after the cursor.
 */
export async function answeredItems(
  db: Db,
  projectId: string,
  page: { after: number; limit: number },
): Promise<{ items: AnsweredItem[]; nextAfter: number | null }> {
  const rows = await db.query<{
    seq: number;
    id: string;
    external_id: string | null;
    data: unknown;
    media_names: Record<string, string> | null;
    answers: AnsweredItem['answers'];
  }>(
    `SELECT i.seq, i.id, i.external_id, i.data, i.media_names,
            jsonb_agg(jsonb_build_object(
              'submissionId', s.id, 'workerId', s.worker_id, 'worker', u.username,
              'answer', coalesce(v.answer, s.answer), 'durationMs', s.duration_ms) ORDER BY s.seq) AS answers
     FROM items i
     JOIN submissions s ON s.item_id = i.id AND s.status = 'accepted' AND NOT s.honeypot
                        AND s.review_status IN ('accepted', 'corrected')
     JOIN users u ON u.id = s.worker_id
     LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.version = s.version
     WHERE i.project_id = $1 AND i.gold IS NULL AND i.seq > $2
     GROUP BY i.seq, i.id
     ORDER BY i.seq
     LIMIT $3`,
    [projectId, page.after, page.limit + 1],
  );
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return {
    items: shown.map((row) => ({
      seq: row.seq,
      itemId: row.id,
      externalId: row.external_id,
      data: row.data,
      mediaNames: row.media_names,
      answers: row.answers,
    })),
    nextAfter: more ? (shown.at(-1)?.seq ?? null) : null,
  };
}

/** Every answered item, page by page (exports). */
export async function allAnsweredItems(db: Db, projectId: string): Promise<AnsweredItem[]> {
  return readAllPages(async (after) => {
    const page = await answeredItems(db, projectId, { after, limit: 1000 });
    return { rows: page.items, nextAfter: page.nextAfter };
  });
}

/** Agreement and the aggregated answer per item, with the shared consensus rules. */
export async function projectConsensus(
  db: Db,
  projectId: string,
  page: { after: number; limit: number },
): Promise<{ items: ConsensusItem[]; nextAfter: number | null }> {
  const [project] = await db.query<{ kind: TaskKind }>('SELECT kind FROM projects WHERE id = $1', [
    projectId,
  ]);
  if (!project) return { items: [], nextAfter: null };
  const answered = await answeredItems(db, projectId, page);
  return {
    items: answered.items.map((item) => {
      const consensus = aggregateAnswers(
        project.kind,
        item.answers.map((entry) => entry.answer),
        item.data,
      );
      return {
        itemId: item.itemId,
        externalId: item.externalId,
        answers: item.answers.length,
        agreement: project.kind === 'audio_recording' ? null : (consensus?.agreement ?? null),
        answer: consensus?.answer ?? null,
      };
    }),
    nextAfter: answered.nextAfter,
  };
}
