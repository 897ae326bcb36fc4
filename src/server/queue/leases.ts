import { leasedTaskSchema, type LeasedTask } from '../../shared/domain/task';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import { isProjectId, noSuchProject } from './projects';

/** Namespace of the per-worker advisory lock (the second key is a hash of the worker id). */
const WORKER_LOCK_NAMESPACE = 720_310_002;

/** A task is available when it is open, or leased but its lease has run out. */
const AVAILABLE = (alias: string) =>
  `(${alias}.status = 'open' OR (${alias}.status = 'leased' AND ${alias}.lease_expires_at < now()))`;

/**
 * Picks and leases in one statement. The rules, in the WHERE clause of the locking SELECT so that
 * PostgreSQL re-checks them on the latest row version after waiting for a lock:
 * - available (see above), in the project when one is asked for;
 * - the worker has not answered this item, nor held a lease on another task of it (they may still
 *   send that work late, and an item's answers must come from different people);
 * - one task per item: among an item's available tasks, the lowest replica.
 * Breadth first: every item's first replica goes out before any item's second.
 * `SKIP LOCKED` lets concurrent workers pass over each other's candidates instead of waiting.
 */
const LEASE_SQL = `
WITH picked AS (
  SELECT t.id
  FROM tasks t
  WHERE ${AVAILABLE('t')}
    AND ($2::uuid IS NULL OR t.project_id = $2::uuid)
    AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.item_id = t.item_id AND s.worker_id = $1::uuid)
    AND NOT EXISTS (
      SELECT 1 FROM leases l JOIN tasks other ON other.id = l.task_id
      WHERE l.worker_id = $1::uuid AND other.item_id = t.item_id AND other.id <> t.id)
    AND NOT EXISTS (
      SELECT 1 FROM tasks earlier
      WHERE earlier.item_id = t.item_id AND earlier.replica < t.replica AND ${AVAILABLE('earlier')})
  ORDER BY t.replica, t.seq
  LIMIT $3
  FOR UPDATE OF t SKIP LOCKED
), leased AS (
  UPDATE tasks
  SET status = 'leased',
      lease_worker = $1::uuid,
      lease_epoch = tasks.lease_epoch + 1,
      lease_expires_at = now() + make_interval(secs => p.lease_seconds)
  FROM picked, projects p
  WHERE tasks.id = picked.id AND p.id = tasks.project_id
  RETURNING tasks.id, tasks.item_id, tasks.project_id, tasks.replica, tasks.seq, tasks.lease_epoch, tasks.lease_expires_at
), history AS (
  INSERT INTO leases (task_id, epoch, worker_id, leased_at, expires_at)
  SELECT id, lease_epoch, $1::uuid, now(), lease_expires_at FROM leased
)
SELECT leased.id AS task_id, leased.lease_epoch, leased.lease_expires_at,
       i.id AS item_id, i.external_id, i.data,
       p.id AS project_id, p.name AS project_name, p.instructions, p.price_cents, p.kind, p.config
FROM leased
JOIN items i ON i.id = leased.item_id
JOIN projects p ON p.id = leased.project_id
ORDER BY leased.replica, leased.seq`;

type LeasedRow = {
  task_id: string;
  lease_epoch: number;
  lease_expires_at: Date;
  item_id: string;
  external_id: string | null;
  data: unknown;
  project_id: string;
  project_name: string;
  instructions: string;
  price_cents: number;
  kind: string;
  config: unknown;
};

/** Leases up to `count` tasks to a worker, optionally from one project; fewer (or none) when the queue runs dry. */
export async function leaseTasks(
  db: Db,
  workerId: string,
  request: { count: number; projectId?: string | undefined },
): Promise<LeasedTask[]> {
  const projectId = request.projectId ?? null;
  return db.transaction(async (tx) => {
    if (projectId !== null) {
      const known = isProjectId(projectId)
        ? await tx.query('SELECT 1 FROM projects WHERE id = $1', [projectId])
        : [];
      if (known.length === 0) throw noSuchProject(projectId);
    }
    // One lease call per worker at a time, so the "never the same item twice" rules see their own
    // previous leases even when a workstation fires two requests at once.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WORKER_LOCK_NAMESPACE, workerId]);
    const rows = await tx.query<LeasedRow>(LEASE_SQL, [workerId, projectId, request.count]);
    return rows.map(leasedTaskOf);
  });
}

function leasedTaskOf(row: LeasedRow): LeasedTask {
  return leasedTaskSchema.parse({
    taskId: row.task_id,
    itemId: row.item_id,
    externalId: row.external_id,
    projectId: row.project_id,
    projectName: row.project_name,
    instructions: row.instructions,
    priceCents: row.price_cents,
    leaseEpoch: row.lease_epoch,
    leaseExpiresAt: isoOf(row.lease_expires_at),
    kind: row.kind,
    config: row.config,
    data: row.data,
  });
}
