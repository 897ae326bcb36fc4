/**
 * SQL pieces leasing alone (leases.ts) and leasing in batches (lease-batch.ts) share, so that both
 * apply one set of rules.
 */

/** Expired regular leases returned to the pool, oldest first, at most `limit` (a parameter). */
export function releaseExpiredSql(limit: string): string {
  return `UPDATE tasks SET status = 'open'
  WHERE id IN (
    SELECT id FROM tasks
    WHERE status = 'leased' AND NOT honeypot AND lease_expires_at < now()
    ORDER BY lease_expires_at
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED)
  RETURNING id`;
}

/** How many tasks the worker `workerId` (an expression) holds now. */
export function outstandingSql(workerId: string): string {
  return `(SELECT count(*)::int FROM tasks t
     WHERE t.lease_worker = ${workerId} AND t.status = 'leased' AND t.lease_expires_at > now())`;
}

/**
 * Whether project `p` may be leased by a worker with these skills, country and centre: active,
 * its required skills held, and its data allowed where the worker works (residency by country or
 * partner centre).
 */
export function eligibleSql(worker: { skills: string; country: string; centreId: string }): string {
  return `p.active AND p.required_skills <@ ${worker.skills} AND (
        (cardinality(p.residency_countries) = 0 AND cardinality(p.residency_centres) = 0)
        OR ${worker.country} = ANY (p.residency_countries) OR ${worker.centreId} = ANY (p.residency_centres))`;
}

/**
 * The projects a request looks at: the one named (`projectId`, an expression, eligible or not so
 * the caller can say why), or with none named every active project with open regular work (or
 * work the `released` CTE just returned to the pool).
 */
export function offeredProjectsSql(projectId: string): string {
  return `(${projectId} IS NULL AND p.active
           AND (EXISTS (SELECT 1 FROM tasks t WHERE t.project_id = p.id AND t.status = 'open' AND NOT t.honeypot)
                OR EXISTS (SELECT 1 FROM released r JOIN tasks t ON t.id = r.id WHERE t.project_id = p.id)))
       OR p.id = ${projectId}`;
}

/** Task `t` is its item's lowest open regular replica: a batch never holds two tasks of one item. */
export const LOWEST_OPEN_REPLICA_SQL = `NOT EXISTS (
    SELECT 1 FROM tasks earlier
    WHERE earlier.item_id = t.item_id AND earlier.replica < t.replica
      AND earlier.status = 'open' AND NOT earlier.honeypot)`;

/**
 * Adds a lease's counts to the worker's in the project (an INSERT of worker_id, project_id,
 * tasks_leased, honeypots_leased ends with this). Kept in every project: honeypots keep pace with
 * them, and they say who may read the project's example images (media/serve.ts).
 */
export const ADD_LEASE_COUNTS_SQL = `ON CONFLICT (worker_id, project_id) DO UPDATE
  SET tasks_leased = worker_project_stats.tasks_leased + EXCLUDED.tasks_leased,
      honeypots_leased = worker_project_stats.honeypots_leased + EXCLUDED.honeypots_leased`;
