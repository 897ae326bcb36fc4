import type { LeasedTask } from '../../shared/domain/task';
import type { Db } from '../db/db';
import { BATCHING, type BatchCall, Combiner, type CombinerOptions } from './combiner';
import {
  honeypotsDue,
  type LeasedRow,
  leasedTaskOf,
  type LeaseRequest,
  leaseTasks,
  RELEASE_BATCH,
  SELECT_LEASED,
  WORKER_LOCK_NAMESPACE,
} from './leases';
import {
  ADD_LEASE_COUNTS_SQL,
  eligibleSql,
  LOWEST_OPEN_REPLICA_SQL,
  offeredProjectsSql,
  outstandingSql,
  releaseExpiredSql,
} from './lease-sql';
import { isProjectId } from './projects';

export type LeaseCall = {
  workerId: string;
  request: LeaseRequest;
  limits: { maxOutstandingLeases: number };
};

/**
 * Leasing for many workers at once, in one transaction of four statements whatever their number:
 * the queue's answer to a shift starting, when hundreds of HITers ask for work in the same second.
 * It serves the common request (regular tasks of one project, no honeypot due this time, nothing
 * to replay); every other request (a replay, a honeypot due, a refusal to explain, a worker whose
 * request could not be filled from the batch's candidates) is passed to `leaseTasks`, one by one,
 * after the batch commits: the rules stay written once, in leases.ts, and the batch only does what
 * `leaseTasks` would have done for it.
 */
export function createLeaseCombiner(
  db: Db,
  options: CombinerOptions = BATCHING,
): Combiner<LeaseCall, LeasedTask[]> {
  return new Combiner((batch) => leaseBatch(db, batch), options);
}

type Call = BatchCall<LeaseCall, LeasedTask[]>;

/** A project a call may lease from, with what this worker was given there so far. */
type ProjectForWorker = {
  id: string;
  lease_seconds: number;
  honeypot_rate: number;
  eligible: boolean;
  tasks_leased: number | null;
  honeypots_leased: number | null;
};

type PreparedRow = { ord: number; outstanding: number; replay: boolean; projects: ProjectForWorker[] };

/** What the batch will do for one call: `count` regular tasks of `project` (or nothing at all). */
type Plan = { call: Call; project: ProjectForWorker | null; count: number; tasks: string[] };

/**
 * Every call's worker locked (the same per-worker advisory lock as `leaseTasks`, taken in one
 * order so two batches cannot deadlock), expired leases returned to the pool, and for each call:
 * the worker's outstanding leases, whether its request key was answered before, and the projects
 * it may lease from (the one named, or those with open work), each with the worker's counts
 * there (for honeypots).
 */
const PREPARE_BATCH_SQL = `
WITH req AS (
  SELECT r.ord::int AS ord, r.worker_id, r.project_id, r.request_key
  FROM unnest($1::uuid[], $2::uuid[], $3::text[]) WITH ORDINALITY AS r(worker_id, project_id, request_key, ord)
), lock AS MATERIALIZED (
  SELECT count(*) AS held FROM (
    SELECT pg_advisory_xact_lock($4::int, hashes.h)
    FROM (SELECT DISTINCT hashtext(worker_id::text) AS h FROM req) AS hashes
    ORDER BY hashes.h) AS locked
), released AS (
  ${releaseExpiredSql('$5')}
)
SELECT req.ord, ${outstandingSql('u.id')} AS outstanding,
  EXISTS (SELECT 1 FROM lease_requests r WHERE r.worker_id = u.id AND r.request_key = req.request_key) AS replay,
  coalesce((
    SELECT jsonb_agg(jsonb_build_object(
      'id', p.id, 'lease_seconds', p.lease_seconds, 'honeypot_rate', p.honeypot_rate,
      'eligible', ${eligibleSql({ skills: 'u.skills', country: 'c.country', centreId: 'u.centre_id' })},
      'tasks_leased', s.tasks_leased, 'honeypots_leased', s.honeypots_leased)
      ORDER BY p.created_at, p.id)
    FROM projects p
    LEFT JOIN worker_project_stats s ON s.worker_id = u.id AND s.project_id = p.id
    WHERE ${offeredProjectsSql('req.project_id')}
  ), '[]'::jsonb) AS projects
FROM lock, req
JOIN users u ON u.id = req.worker_id
LEFT JOIN centres c ON c.id = u.centre_id
ORDER BY req.ord`;

/**
 * Open regular tasks of one project, as `leaseTasks` picks them (lowest open replica of each item,
 * breadth first, in import order), locked, with which of the batch's workers ($2) held a lease on
 * another task of the same item (those may not take it).
 */
const CANDIDATES_SQL = `
SELECT t.id,
  ARRAY(SELECT l.worker_id FROM leases l
        WHERE l.item_id = t.item_id AND l.worker_id = ANY ($2::uuid[]) AND l.task_id <> t.id) AS held_by
FROM tasks t
WHERE t.project_id = $1::uuid AND t.status = 'open' AND NOT t.honeypot
  AND ${LOWEST_OPEN_REPLICA_SQL}
ORDER BY t.replica, t.seq
LIMIT $3
FOR UPDATE OF t SKIP LOCKED`;

/** The chosen tasks leased (epoch, expiry, history, counts) and each request key recorded. */
const WRITE_BATCH_SQL = `
WITH pick AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS p(task_id, worker_id, secs)
), leased AS (
  UPDATE tasks
  SET status = 'leased', lease_worker = pick.worker_id, lease_epoch = tasks.lease_epoch + 1,
      lease_expires_at = now() + make_interval(secs => pick.secs)
  FROM pick
  WHERE tasks.id = pick.task_id
  RETURNING tasks.id, tasks.item_id, tasks.project_id, tasks.replica, tasks.seq, tasks.lease_epoch,
            tasks.lease_expires_at, tasks.lease_worker
), history AS (
  INSERT INTO leases (task_id, epoch, worker_id, item_id, leased_at, expires_at)
  SELECT id, lease_epoch, lease_worker, item_id, now(), lease_expires_at FROM leased
), counts AS (
  INSERT INTO worker_project_stats (worker_id, project_id, tasks_leased, honeypots_leased)
  SELECT lease_worker, project_id, count(*), 0 FROM leased GROUP BY lease_worker, project_id
  ORDER BY lease_worker, project_id
  ${ADD_LEASE_COUNTS_SQL}
), keys AS (
  INSERT INTO lease_requests (worker_id, request_key, task_ids)
  SELECT k.worker_id, k.request_key, k.task_ids
  FROM jsonb_to_recordset($4::jsonb) AS k(worker_id uuid, request_key text, task_ids uuid[])
)
${SELECT_LEASED('leased', 'leased.lease_worker AS worker_id, ')}`;

async function leaseBatch(db: Db, batch: Call[]): Promise<void> {
  const passOn = new Set<Call>();
  const seen = new Set<string>();
  const mine: Call[] = [];
  for (const call of batch) {
    const { request, workerId } = call.input;
    const simple =
      !request.replayOnly &&
      (request.projectId === undefined || isProjectId(request.projectId)) &&
      !seen.has(workerId);
    seen.add(workerId);
    if (simple) mine.push(call);
    else passOn.add(call);
  }
  if (mine.length > 0) {
    try {
      const served = await db.transaction((tx) => leaseTogether(tx, mine, passOn));
      for (const [call, tasks] of served) call.resolve(tasks);
    } catch {
      // The batch as a whole failed (a deadlock with another path, the database gone): each
      // request is tried alone, and reports its own error if it fails again.
      for (const call of mine) passOn.add(call);
    }
  }
  for (const call of passOn) {
    const { workerId, request, limits } = call.input;
    leaseTasks(db, workerId, request, limits).then(call.resolve, call.reject);
  }
}

/** Leases what it can for `calls`; returns the tasks of each call served and adds the rest to `passOn`. */
async function leaseTogether(tx: Db, calls: Call[], passOn: Set<Call>): Promise<Map<Call, LeasedTask[]>> {
  const prepared = await tx.query<PreparedRow>(PREPARE_BATCH_SQL, [
    calls.map((call) => call.input.workerId),
    calls.map((call) => call.input.request.projectId ?? null),
    calls.map((call) => call.input.request.requestKey ?? null),
    WORKER_LOCK_NAMESPACE,
    RELEASE_BATCH,
  ]);
  const plans: Plan[] = [];
  const rows = new Map(prepared.map((row) => [row.ord, row]));
  calls.forEach((call, index) => {
    const plan = planOf(call, rows.get(index + 1));
    if (plan) plans.push(plan);
    else passOn.add(call);
  });

  const byProject = new Map<string, Plan[]>();
  for (const plan of plans) {
    if (plan.project === null) continue;
    byProject.set(plan.project.id, [...(byProject.get(plan.project.id) ?? []), plan]);
  }
  for (const [projectId, group] of byProject) {
    // Exactly as many as asked: a candidate locked and not taken would be skipped by a concurrent
    // batch, which would then find too few.
    const wanted = group.reduce((sum, plan) => sum + plan.count, 0);
    const candidates = await tx.query<{ id: string; held_by: string[] }>(CANDIDATES_SQL, [
      projectId,
      group.map((plan) => plan.call.input.workerId),
      wanted,
    ]);
    assign(group, candidates, passOn);
  }

  const served = plans.filter((plan) => !passOn.has(plan.call));
  const picks = served.flatMap((plan) =>
    plan.tasks.map((taskId) => ({
      taskId,
      workerId: plan.call.input.workerId,
      seconds: plan.project?.lease_seconds ?? 0,
    })),
  );
  const keys = served
    .filter((plan) => plan.call.input.request.requestKey !== undefined)
    .map((plan) => ({
      worker_id: plan.call.input.workerId,
      request_key: plan.call.input.request.requestKey,
      task_ids: plan.tasks,
    }));
  const leased = await tx.query<LeasedRow & { worker_id: string }>(WRITE_BATCH_SQL, [
    picks.map((pick) => pick.taskId),
    picks.map((pick) => pick.workerId),
    picks.map((pick) => pick.seconds),
    JSON.stringify(keys),
  ]);
  const tasksOf = new Map<string, LeasedTask[]>();
  for (const row of leased)
    tasksOf.set(row.worker_id, [...(tasksOf.get(row.worker_id) ?? []), leasedTaskOf(row)]);
  return new Map(served.map((plan) => [plan.call, tasksOf.get(plan.call.input.workerId) ?? []]));
}

/**
 * The batch serves a call only when `leaseTasks` would do nothing more for it: no replay, room
 * under the cap, an eligible project (the one named, or the first with open work), no honeypot
 * due. `null` passes the call on.
 */
function planOf(call: Call, row: PreparedRow | undefined): Plan | null {
  if (!row || row.replay) return null;
  const room = call.input.limits.maxOutstandingLeases - row.outstanding;
  if (room <= 0) return null;
  const named = call.input.request.projectId !== undefined;
  const project = named ? row.projects[0] : row.projects.find((candidate) => candidate.eligible);
  if (named && !project?.eligible) return null;
  if (!project) return { call, project: null, count: 0, tasks: [] }; // nothing this worker may do
  const count = Math.min(call.input.request.count, room);
  const stats = { tasks_leased: project.tasks_leased ?? 0, honeypots_leased: project.honeypots_leased ?? 0 };
  if (honeypotsDue(project.honeypot_rate, stats, count) > 0) return null;
  return { call, project, count, tasks: [] };
}

/**
 * Hands the candidates out in order, each to the first plan that still wants tasks and may take
 * it. A plan left short (the worker held some of these items, or the batch found too few: the
 * queue may be running dry, or another batch holds what is left) is passed on whole: leasing alone,
 * after this batch commits, searches the whole queue for it as it stands then.
 */
function assign(group: Plan[], candidates: Array<{ id: string; held_by: string[] }>, passOn: Set<Call>) {
  const taken = new Set<string>();
  for (const plan of group) {
    const workerId = plan.call.input.workerId;
    const mine: string[] = [];
    for (const candidate of candidates) {
      if (mine.length >= plan.count) break;
      if (taken.has(candidate.id) || candidate.held_by.includes(workerId)) continue;
      mine.push(candidate.id);
    }
    if (mine.length < plan.count) {
      passOn.add(plan.call);
      continue;
    }
    for (const id of mine) taken.add(id);
    plan.tasks = mine;
  }
}
