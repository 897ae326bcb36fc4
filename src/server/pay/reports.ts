import type { z } from 'zod';
import type {
  newTrainingSchema,
  payoutSchema,
  trainingSchema,
  workerStatsSchema,
} from '../../shared/protocol/accounts';
import type { ImpactReport } from '../../shared/protocol/impact';
import { isAdmin, forbidden, type Viewer } from '../auth/policy';
import type { Db } from '../db/db';
import { ApiError, notFound } from '../errors';
import { getAccount } from '../accounts/accounts';
import type { DeploymentSettings } from '../settings';
import { workerBalances } from '../queue/feedback';
import { addFeedback, earning, recordPaid, type PaySplit } from './ledger';
import { requireProjectInReach } from '../auth/policy';

const PAYOUT_LOCK_NAMESPACE = 720_310_003;

/** A worker's balances: yourself, or staff of your centre, or an admin. */
export async function balancesFor(db: Db, settings: DeploymentSettings, viewer: Viewer, userId: string) {
  await getAccount(db, viewer, userId); // 404 when out of reach
  return workerBalances(db, settings, userId);
}

/**
 * Pays a worker everything accepted and not yet paid: for each such submission the ledger moves its
 * share from accepted to paid, and the worker is told on their next sync.
 */
export async function createPayout(
  db: Db,
  settings: Pick<DeploymentSettings, 'currency'>,
  workerId: string,
): Promise<z.infer<typeof payoutSchema>> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PAYOUT_LOCK_NAMESPACE, workerId]);
    const [worker] = await tx.query('SELECT 1 FROM users WHERE id = $1', [workerId]);
    if (!worker) throw notFound(`no account with id ${workerId}`);
    const due = await tx.query<{
      submission_id: string;
      project_id: string;
      task_id: string;
      amount: number;
      currency: string;
      pay: PaySplit;
    }>(
      `SELECT l.submission_id, l.project_id, s.task_id, sum(l.amount_cents)::int AS amount, min(l.currency) AS currency, s.pay
       FROM ledger l JOIN submissions s ON s.id = l.submission_id
       WHERE l.account = 'worker' AND l.worker_id = $1 AND l.bucket = 'accepted'
       GROUP BY l.submission_id, l.project_id, s.task_id, s.pay
       HAVING sum(l.amount_cents) > 0`,
      [workerId],
    );
    const [{ id: payoutId } = { id: '' }] = await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id');
    let total = 0;
    const events = [];
    for (const entry of due) {
      const subject = {
        submissionId: entry.submission_id,
        projectId: entry.project_id,
        workerId,
        taskId: entry.task_id,
        pay: { ...entry.pay, worker: entry.amount },
      };
      await recordPaid(tx, subject, payoutId);
      total += entry.amount;
      const event = earning(subject, 'paid');
      if (event) events.push(event);
    }
    await addFeedback(tx, events);
    return {
      payoutId,
      workerId,
      amountCents: total,
      currency: due[0]?.currency ?? settings.currency,
      submissions: due.length,
    };
  });
}

/** The client's impact report for one project. */
export async function impactReport(
  db: Db,
  settings: DeploymentSettings,
  projectId: string,
): Promise<ImpactReport> {
  const [project] = await db.query<{ name: string }>('SELECT name FROM projects WHERE id = $1', [projectId]);
  if (!project) throw notFound(`no project with id ${projectId}`);
  const [work] = await db.query<{ workers: number; tasks: number; ms: number | null }>(
    // Honeypots are the platform's checks, not the client's tasks: not counted as tasks, though the
    // time spent on them is work done (hours) by the people counted.
    `SELECT count(DISTINCT worker_id)::int AS workers, count(*) FILTER (WHERE NOT honeypot)::int AS tasks,
            sum(duration_ms)::float8 AS ms
     FROM submissions WHERE project_id = $1 AND review_status IN ('accepted', 'corrected')`,
    [projectId],
  );
  const countries = await db.query<{ country: string; workers: number }>(
    `SELECT coalesce(c.country, 'unknown') AS country, count(DISTINCT s.worker_id)::int AS workers
     FROM submissions s LEFT JOIN centres c ON c.id = s.worker_centre_id
     WHERE s.project_id = $1 AND s.review_status IN ('accepted', 'corrected')
     GROUP BY 1 ORDER BY 2 DESC, 1`,
    [projectId],
  );
  const [money] = await db.query<{ workers: number; paid: number; help: number; platform: number }>(
    `SELECT coalesce(sum(amount_cents) FILTER (WHERE account = 'worker' AND bucket IN ('accepted', 'paid')), 0)::int AS workers,
            coalesce(sum(amount_cents) FILTER (WHERE account = 'worker' AND bucket = 'paid'), 0)::int AS paid,
            coalesce(sum(amount_cents) FILTER (WHERE account = 'help'), 0)::int AS help,
            coalesce(sum(amount_cents) FILTER (WHERE account = 'platform'), 0)::int AS platform
     FROM ledger WHERE project_id = $1`,
    [projectId],
  );
  const [training] = await db.query<{ hours: number | null; person_hours: number | null }>(
    `SELECT sum(hours)::float8 AS hours, sum(hours * attendees)::float8 AS person_hours
     FROM training_sessions WHERE project_id = $1`,
    [projectId],
  );
  const round2 = (value: number) => Math.round(value * 100) / 100;
  return {
    projectId,
    projectName: project.name,
    generatedAt: new Date().toISOString(),
    currency: settings.currency,
    workers: work?.workers ?? 0,
    countries,
    tasksAccepted: work?.tasks ?? 0,
    activeHours: round2((work?.ms ?? 0) / 3_600_000),
    paidToWorkersCents: money?.workers ?? 0,
    paidOutCents: money?.paid ?? 0,
    helpProgrammeCents: money?.help ?? 0,
    platformCents: money?.platform ?? 0,
    trainingHours: round2(training?.hours ?? 0),
    trainingPersonHours: round2(training?.person_hours ?? 0),
  };
}

/** Each worker's figures in a project; staff other than admins see the workers of their centre. */
export async function projectWorkers(
  db: Db,
  viewer: Viewer,
  projectId: string,
): Promise<Array<z.infer<typeof workerStatsSchema>>> {
  await requireProjectInReach(db, viewer, projectId);
  const rows = await db.query<{
    worker_id: string;
    username: string;
    centre_id: string | null;
    tasks_leased: number;
    submitted: number;
    accepted: number;
    rejected: number;
    honeypots_scored: number;
    honeypots_passed: number;
    score_sum: number;
  }>(
    `WITH work AS (
       SELECT worker_id, count(*)::int AS submitted,
              count(*) FILTER (WHERE review_status IN ('accepted', 'corrected'))::int AS accepted,
              count(*) FILTER (WHERE review_status = 'rejected')::int AS rejected
       FROM submissions WHERE project_id = $1 GROUP BY worker_id)
     SELECT u.id AS worker_id, u.username, u.centre_id,
            coalesce(st.tasks_leased + st.honeypots_leased, 0)::int AS tasks_leased,
            coalesce(w.submitted, 0) AS submitted, coalesce(w.accepted, 0) AS accepted, coalesce(w.rejected, 0) AS rejected,
            coalesce(st.honeypots_scored, 0) AS honeypots_scored, coalesce(st.honeypots_passed, 0) AS honeypots_passed,
            coalesce(st.score_sum, 0)::float8 AS score_sum
     FROM users u
     LEFT JOIN worker_project_stats st ON st.worker_id = u.id AND st.project_id = $1
     LEFT JOIN work w ON w.worker_id = u.id
     WHERE (st.worker_id IS NOT NULL OR w.worker_id IS NOT NULL)
       AND ($2::boolean OR u.centre_id = $3)
     ORDER BY u.username`,
    [projectId, isAdmin(viewer), viewer.centreId],
  );
  return rows.map((row) => ({
    workerId: row.worker_id,
    username: row.username,
    centreId: row.centre_id,
    tasksLeased: row.tasks_leased,
    submitted: row.submitted,
    accepted: row.accepted,
    rejected: row.rejected,
    honeypotsScored: row.honeypots_scored,
    honeypotsPassed: row.honeypots_passed,
    accuracy:
      row.honeypots_scored > 0 ? Math.round((row.score_sum / row.honeypots_scored) * 10_000) / 10_000 : null,
  }));
}

/** A training session given by the viewer (a trainer, supervisor or admin) to HITers of their centre. */
export async function recordTraining(
  db: Db,
  viewer: Viewer,
  input: z.infer<typeof newTrainingSchema>,
): Promise<z.infer<typeof trainingSchema>> {
  if (!isAdmin(viewer) && viewer.centreId === null)
    throw forbidden('you belong to no partner centre: ask an admin');
  if (input.projectId !== undefined) {
    try {
      await requireProjectInReach(
        db,
        { ...viewer, role: viewer.role === 'hitter' ? 'trainer' : viewer.role },
        input.projectId,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 404)
        throw new ApiError(404, 'not_found', error.message, { field: 'projectId' });
      throw error;
    }
  }
  const [row] = await db.query<{ id: string; held_on: string | Date }>(
    `INSERT INTO training_sessions (trainer_id, centre_id, project_id, held_on, hours, attendees, topic)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, held_on::text AS held_on`,
    [
      viewer.id,
      viewer.centreId,
      input.projectId ?? null,
      input.heldOn,
      input.hours,
      input.attendees,
      input.topic,
    ],
  );
  return {
    id: row?.id ?? '',
    trainerId: viewer.id,
    centreId: viewer.centreId,
    projectId: input.projectId ?? null,
    heldOn: String(row?.held_on ?? input.heldOn),
    hours: input.hours,
    attendees: input.attendees,
    topic: input.topic,
  };
}
