import type { EndpointResponse, FeedbackEvent } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import type { DeploymentSettings } from '../settings';

type FeedbackRow = {
  seq: number;
  at: Date;
  type: FeedbackEvent['type'];
  submission_id: string;
  task_id: string;
  payload: Record<string, unknown>;
};

/** What one worker learns on sync: events after `after` (oldest first) and their balances now. */
export async function listFeedback(
  db: Db,
  settings: DeploymentSettings,
  workerId: string,
  page: { after: number; limit: number },
): Promise<EndpointResponse<'feedback'>> {
  const rows = await db.query<FeedbackRow>(
    `SELECT seq, at, type, submission_id, task_id, payload FROM feedback_events
     WHERE worker_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [workerId, page.after, page.limit],
  );
  const events = rows.map(
    (row) =>
      ({
        ...row.payload,
        type: row.type,
        seq: row.seq,
        at: isoOf(row.at),
        submissionId: row.submission_id,
        taskId: row.task_id,
      }) as FeedbackEvent,
  );
  return {
    events,
    nextAfter: rows.at(-1)?.seq ?? page.after,
    balances: await workerBalances(db, settings, workerId),
  };
}

/** Pending, accepted and paid amounts of a worker, from the ledger. */
export async function workerBalances(db: Db, settings: DeploymentSettings, workerId: string) {
  const [row] = await db.query<{ pending: number; accepted: number; paid: number }>(
    `SELECT coalesce(sum(amount_cents) FILTER (WHERE bucket = 'pending'), 0)::int AS pending,
            coalesce(sum(amount_cents) FILTER (WHERE bucket = 'accepted'), 0)::int AS accepted,
            coalesce(sum(amount_cents) FILTER (WHERE bucket = 'paid'), 0)::int AS paid
     FROM ledger WHERE account = 'worker' AND worker_id = $1`,
    [workerId],
  );
  return {
    currency: settings.currency,
    pendingCents: row?.pending ?? 0,
    acceptedCents: row?.accepted ?? 0,
    paidCents: row?.paid ?? 0,
  };
}
