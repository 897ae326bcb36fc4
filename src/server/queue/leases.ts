import { randomInt } from 'node:crypto';
import type { LeasedTask } from '../../shared/domain/task';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import { ApiError } from '../errors';
import {
  ADD_LEASE_COUNTS_SQL,
  eligibleSql,
  LOWEST_OPEN_REPLICA_SQL,
  offeredProjectsSql,
  outstandingSql,
  releaseExpiredSql,
} from './lease-sql';
import { isProjectId, noSuchProject } from './projects';

/** Namespace of the per-worker advisory lock (the second key is a hash of the worker id). */
export const WORKER_LOCK_NAMESPACE = 720_310_002;
/** Expired leases returned to the pool by one lease call (the sweeper does the rest). */
export const RELEASE_BATCH = 200;

/** What leasing needs to know about the worker, read once per call. */
type WorkerRow = {
  skills: string[];
  centre_id: string | null;
  country: string | null;
  outstanding: number;
  /** This request key was answered before. */
  replay: boolean;
};
export type EligibleProject = {
  id: string;
  lease_seconds: number;
  honeypot_rate: number;
  eligible: boolean;
  missing_skills: string[];
};

/**
 * Everything a lease call needs first, in one statement:
 * - the worker's advisory lock: one lease call per worker at a time, so that the "never the same
 *   item twice" rules of the next statement (a fresh snapshot, taken after the lock) see the
 *   worker's previous leases even when a workstation fires two requests at once;
 * - expired leases returned to the pool (their history stays: late work is still accepted);
 * - the worker's skills, centre, country and outstanding leases (for the per-worker cap), and
 *   whether this request key ($5) was answered before;
 * - the projects they may do, oldest first: active, whose required skills they hold and whose data
 *   may be held where they work (residency by country or partner centre). With a project id, that
 *   one project and whether it is eligible (so the caller can say why not).
 */
const PREPARE_SQL = `
WITH lock AS MATERIALIZED (
  SELECT pg_advisory_xact_lock($1::int, hashtext($2::text)) AS held
), released AS (
  ${releaseExpiredSql('$4')}
), w AS (
  SELECT u.id, u.skills, u.centre_id, c.country, ${outstandingSql('u.id')} AS outstanding
  FROM lock, users u LEFT JOIN centres c ON c.id = u.centre_id
  WHERE u.id = $2::uuid
)
SELECT w.skills, w.centre_id, w.country, w.outstanding,
  (SELECT count(*)::int FROM released) AS released,
  EXISTS (SELECT 1 FROM lease_requests r WHERE r.worker_id = w.id AND r.request_key = $5::text) AS replay,
  coalesce((
    SELECT jsonb_agg(jsonb_build_object(
      'id', p.id, 'lease_seconds', p.lease_seconds, 'honeypot_rate', p.honeypot_rate,
      'eligible', ${eligibleSql({ skills: 'w.skills', country: 'w.country', centreId: 'w.centre_id' })},
      'missing_skills', ARRAY(SELECT s FROM unnest(p.required_skills) AS s WHERE NOT s = ANY (w.skills)))
      ORDER BY p.created_at, p.id)
    FROM projects p
    WHERE ${offeredProjectsSql('$3::uuid')}
  ), '[]'::jsonb) AS projects
FROM w`;

/**
 * Picks and leases the regular tasks of one project in one statement. The rules sit in the WHERE
 * clause of the locking SELECT, so PostgreSQL re-checks them on the latest row version:
 * - open (expired leases are returned to the pool before this runs);
 * - the worker has held no lease on another task of this item: an item's answers come from different
 *   people, and a worker who answered an item held a lease on it (their own expired lease on this
 *   very task does not count: they may take it back);
 * - one task per item: among an item's open tasks, the lowest replica, so a batch never holds two.
 * Breadth first (every item's first replica before any second), in import order, along the partial
 * index `tasks_open_idx`. `SKIP LOCKED` lets concurrent workers pass over each other's candidates.
 */
const LEASE_SQL = `
WITH picked AS (
  SELECT t.id
  FROM tasks t
  WHERE t.project_id = $2::uuid AND t.status = 'open' AND NOT t.honeypot
    AND NOT EXISTS (
      SELECT 1 FROM leases l WHERE l.worker_id = $1::uuid AND l.item_id = t.item_id AND l.task_id <> t.id)
    AND ${LOWEST_OPEN_REPLICA_SQL}
  ORDER BY t.replica, t.seq
  LIMIT $3
  FOR UPDATE OF t SKIP LOCKED
), leased AS (
  UPDATE tasks
  SET status = 'leased', lease_worker = $1::uuid, lease_epoch = tasks.lease_epoch + 1,
      lease_expires_at = now() + make_interval(secs => $4::int)
  FROM picked
  WHERE tasks.id = picked.id
  RETURNING tasks.id, tasks.item_id, tasks.project_id, tasks.replica, tasks.seq, tasks.lease_epoch, tasks.lease_expires_at
), history AS (
  INSERT INTO leases (task_id, epoch, worker_id, item_id, leased_at, expires_at)
  SELECT id, lease_epoch, $1::uuid, item_id, now(), lease_expires_at FROM leased
)
${SELECT_LEASED('leased')}`;

/**
 * Whether this worker could take a regular task of the project now, and the epoch its lease would
 * carry: the same rules as LEASE_SQL, without taking anything.
 */
const NEXT_REGULAR_SQL = `
SELECT t.lease_epoch + 1 AS epoch
FROM tasks t
WHERE t.project_id = $2::uuid AND t.status = 'open' AND NOT t.honeypot
  AND NOT EXISTS (
    SELECT 1 FROM leases l WHERE l.worker_id = $1::uuid AND l.item_id = t.item_id AND l.task_id <> t.id)
ORDER BY t.replica, t.seq
LIMIT 1`;

/**
 * Honeypots: gold items of the project this worker has never held, in random order; a new task
 * is made for each (gold items have no regular tasks) and leased at once. Its epoch ($5) is one a
 * regular task of the same batch carries (or, alone in a batch, the one the next regular task would
 * have carried), so the fencing token does not give it away either.
 */
const GOLD_SQL = `
WITH gold AS (
  SELECT i.id FROM items i
  WHERE i.project_id = $2::uuid AND i.gold IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.worker_id = $1::uuid AND l.item_id = i.id)
  ORDER BY random()
  LIMIT $3
), made AS (
  INSERT INTO tasks (project_id, item_id, replica, honeypot, status, lease_worker, lease_epoch, lease_expires_at)
  SELECT $2::uuid, gold.id, nextval('honeypot_replica_seq'), true, 'leased', $1::uuid, $5::int,
         now() + make_interval(secs => $4::int)
  FROM gold
  RETURNING id, item_id, project_id, replica, seq, lease_epoch, lease_expires_at
), history AS (
  INSERT INTO leases (task_id, epoch, worker_id, item_id, leased_at, expires_at)
  SELECT id, lease_epoch, $1::uuid, item_id, now(), lease_expires_at FROM made
)
${SELECT_LEASED('made')}`;

export function SELECT_LEASED(from: string, extra = ''): string {
  return `SELECT ${extra}${from}.id AS task_id, ${from}.lease_epoch, ${from}.lease_expires_at,
       i.id AS item_id, i.data,
       p.id AS project_id, p.name AS project_name, p.instructions, p.price_cents, p.kind, p.config
FROM ${from}
JOIN items i ON i.id = ${from}.item_id
JOIN projects p ON p.id = ${from}.project_id
ORDER BY ${from}.replica, ${from}.seq`;
}

export type LeasedRow = {
  task_id: string;
  lease_epoch: number;
  lease_expires_at: Date;
  item_id: string;
  data: unknown;
  project_id: string;
  project_name: string;
  instructions: string;
  price_cents: number;
  kind: string;
  config: unknown;
};

export type LeaseRequest = {
  count: number;
  projectId?: string | undefined;
  requestKey?: string | undefined;
  /** Recovering a lost answer: the tasks this key leased, or none; nothing new is leased. */
  replayOnly?: boolean | undefined;
};

/** Request keys are kept this long: a workstation retries a lost batch within minutes, not days. */
const REQUEST_KEY_DAYS = 7;

/**
 * The tasks a request key was answered with that this worker still holds, in the order first
 * handed out (honeypots stay where they were). Expired and finished ones are not handed back.
 */
const REPLAY_SQL = `
SELECT t.id AS task_id, t.lease_epoch, t.lease_expires_at,
       i.id AS item_id, i.data,
       p.id AS project_id, p.name AS project_name, p.instructions, p.price_cents, p.kind, p.config
FROM lease_requests r
JOIN tasks t ON t.id = ANY (r.task_ids)
JOIN items i ON i.id = t.item_id
JOIN projects p ON p.id = t.project_id
WHERE r.worker_id = $1 AND r.request_key = $2
  AND t.lease_worker = $1 AND t.status = 'leased' AND t.lease_expires_at > now()
ORDER BY array_position(r.task_ids, t.id)`;

/**
 * Leases up to `count` tasks to a worker, from one project or from any they may do; fewer (or none)
 * when the queue runs dry. Honeypots are mixed in at each project's rate, at random places.
 */
export async function leaseTasks(
  db: Db,
  workerId: string,
  request: LeaseRequest,
  limits: { maxOutstandingLeases: number },
): Promise<LeasedTask[]> {
  const projectId = request.projectId ?? null;
  if (projectId !== null && !isProjectId(projectId)) throw noSuchProject(projectId);
  return db.transaction(async (tx) => {
    const [prepared] = await tx.query<WorkerRow & { projects: EligibleProject[] }>(PREPARE_SQL, [
      WORKER_LOCK_NAMESPACE,
      workerId,
      projectId,
      RELEASE_BATCH,
      request.requestKey ?? null,
    ]);
    if (!prepared) throw new ApiError(401, 'unauthenticated', 'this account no longer exists');
    // A request asked again (its answer was lost on the way): the same tasks, nothing new, and
    // before the cap (the tasks it holds are these very ones).
    if (prepared.replay) {
      return (await tx.query<LeasedRow>(REPLAY_SQL, [workerId, request.requestKey])).map(leasedTaskOf);
    }
    if (request.replayOnly) return [];

    const room = limits.maxOutstandingLeases - prepared.outstanding;
    if (room <= 0) {
      throw new ApiError(
        409,
        'conflict',
        `you already hold ${prepared.outstanding} tasks, the most one person may hold: submit some before taking more`,
      );
    }
    const projects = prepared.projects;
    if (projectId !== null) {
      const [project] = projects;
      if (!project) throw noSuchProject(projectId);
      if (!project.eligible) throw notEligible(project);
    }

    const tasks: LeasedTask[] = [];
    let wanted = Math.min(request.count, room);
    for (const project of projects) {
      if (wanted <= 0) break;
      if (!project.eligible) continue;
      const batch = await leaseFromProject(tx, workerId, project, wanted);
      tasks.push(...batch);
      wanted -= batch.length;
    }
    if (request.requestKey !== undefined) {
      await tx.query(
        `INSERT INTO lease_requests (worker_id, request_key, task_ids) VALUES ($1, $2, $3::uuid[])`,
        [workerId, request.requestKey, tasks.map((task) => task.taskId)],
      );
    }
    return tasks;
  });
}

function notEligible(project: EligibleProject): ApiError {
  const why =
    project.missing_skills.length > 0
      ? `it needs the skill${project.missing_skills.length === 1 ? '' : 's'} ${project.missing_skills.join(', ')}`
      : 'its data may not be held where you work (data residency), or it is paused';
  return new ApiError(403, 'forbidden', `you may not take tasks of project ${project.id}: ${why}`);
}

/** Forgets request keys old enough that no workstation still retries them. */
export async function forgetLeaseRequests(db: Db, limit = RELEASE_BATCH): Promise<number> {
  const rows = await db.query(
    `DELETE FROM lease_requests WHERE (worker_id, request_key) IN (
       SELECT worker_id, request_key FROM lease_requests
       WHERE created_at < now() - make_interval(days => $1) LIMIT $2)
     RETURNING 1`,
    [REQUEST_KEY_DAYS, limit],
  );
  return rows.length;
}

/** Returns tasks whose lease ran out to the pool (the lease history keeps who held them). */
export async function releaseExpired(db: Db, limit = RELEASE_BATCH): Promise<number> {
  const rows = await db.query(releaseExpiredSql('$1'), [limit]);
  return rows.length;
}

async function leaseFromProject(
  tx: Db,
  workerId: string,
  project: EligibleProject,
  count: number,
): Promise<LeasedTask[]> {
  const { regular, gold } =
    project.honeypot_rate > 0
      ? await leaseWithHoneypots(tx, workerId, project, count)
      : { regular: await leaseRegular(tx, workerId, project, count), gold: [] };
  if (regular.length + gold.length > 0) {
    await tx.query(
      `INSERT INTO worker_project_stats (worker_id, project_id, tasks_leased, honeypots_leased)
       VALUES ($1, $2, $3, $4) ${ADD_LEASE_COUNTS_SQL}`,
      [workerId, project.id, regular.length, gold.length],
    );
  }
  const batch = regular.map(leasedTaskOf);
  // Mixed in at random places: nothing about a honeypot's position gives it away.
  for (const honeypot of gold.map(leasedTaskOf)) batch.splice(randomInt(batch.length + 1), 0, honeypot);
  return batch;
}

/** Regular tasks and honeypots of a project whose honeypot rate is above zero. */
async function leaseWithHoneypots(
  tx: Db,
  workerId: string,
  project: EligibleProject,
  count: number,
): Promise<{ regular: LeasedRow[]; gold: LeasedRow[] }> {
  const rate = project.honeypot_rate;
  // Honeypots keep pace with the rate over everything this worker was given in the project.
  const [stats] = await tx.query<{ tasks_leased: number; honeypots_leased: number }>(
    `SELECT tasks_leased, honeypots_leased FROM worker_project_stats WHERE worker_id = $1 AND project_id = $2`,
    [workerId, project.id],
  );
  const target = honeypotsDue(rate, stats, count);
  const regular = await leaseRegular(tx, workerId, project, count - target);
  let gold: LeasedRow[] = [];
  if (target > 0) {
    // Honeypots only while regular work is there: a batch of honeypots alone would give them away.
    // A batch of one (count 1) checks that a regular task could have come instead.
    const next =
      regular.length > 0
        ? { epoch: (regular[randomInt(regular.length)] as LeasedRow).lease_epoch }
        : (await tx.query<{ epoch: number }>(NEXT_REGULAR_SQL, [workerId, project.id]))[0];
    const honeypotCount = !next
      ? 0
      : regular.length === 0
        ? target
        : Math.min(target, Math.ceil((regular.length * rate) / (1 - rate)));
    if (honeypotCount > 0) {
      gold = await tx.query<LeasedRow>(GOLD_SQL, [
        workerId,
        project.id,
        honeypotCount,
        project.lease_seconds,
        next?.epoch ?? 1,
      ]);
    }
    // Fewer honeypots than planned (this worker has seen every gold item, or regular work ran
    // short): fill the batch with regular work rather than hand back less than asked.
    const short = count - regular.length - gold.length;
    if (short > 0 && regular.length === count - target) {
      regular.push(...(await leaseRegular(tx, workerId, project, short)));
    }
  }
  return { regular, gold };
}

/** How many of a batch of `count` should be honeypots, for the rate to hold over everything given. */
export function honeypotsDue(
  rate: number,
  stats: { tasks_leased: number; honeypots_leased: number } | undefined,
  count: number,
): number {
  if (rate <= 0) return 0;
  const given = (stats?.tasks_leased ?? 0) + (stats?.honeypots_leased ?? 0);
  const due = Math.max(0, Math.round(rate * (given + count)) - (stats?.honeypots_leased ?? 0));
  // In a batch of several, at least one regular task; a batch of one may be a honeypot.
  return Math.min(due, count - (count > 1 ? 1 : 0));
}

async function leaseRegular(
  tx: Db,
  workerId: string,
  project: EligibleProject,
  count: number,
): Promise<LeasedRow[]> {
  if (count <= 0) return [];
  return tx.query<LeasedRow>(LEASE_SQL, [workerId, project.id, count, project.lease_seconds]);
}

/** The task as the worker receives it (checked against the contract by the route, on the way out). */
export function leasedTaskOf(row: LeasedRow): LeasedTask {
  return {
    taskId: row.task_id,
    itemId: row.item_id,
    // Never the client's id: it could tell a honeypot ("gold-1") from a regular task.
    externalId: null,
    projectId: row.project_id,
    projectName: row.project_name,
    instructions: row.instructions,
    priceCents: row.price_cents,
    leaseEpoch: row.lease_epoch,
    leaseExpiresAt: isoOf(row.lease_expires_at),
    kind: row.kind,
    config: row.config,
    data: row.data,
  } as LeasedTask;
}
