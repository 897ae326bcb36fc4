import type { Db } from './db';

/** The tables the queue's hot statements read, which grow with every lease and answer. */
const GROWING_TABLES = [
  'items',
  'tasks',
  'leases',
  'lease_requests',
  'submissions',
  'ledger',
  'feedback_events',
  'worker_project_stats',
] as const;

/**
 * Re-analyses the growing tables that more than doubled (in pages) since the planner last looked
 * at them, and names them. PostgreSQL's autovacuum does this by itself; embedded PGlite has none,
 * and a plan made while a table was small (a lookup as a scan of the whole table) stays cached on
 * the connection while the table grows by thousands of rows an hour.
 */
export async function refreshPlannerStatistics(db: Db): Promise<string[]> {
  const grown = await db.query<{ name: string }>(
    `SELECT t.name FROM unnest($1::text[]) AS t(name)
     JOIN pg_class c ON c.oid = to_regclass(t.name)
     WHERE pg_relation_size(c.oid) / current_setting('block_size')::int > 2 * greatest(c.relpages, 0) + 8
     ORDER BY t.name`,
    [GROWING_TABLES],
  );
  // Names from the list above only: nothing from outside reaches this statement.
  for (const { name } of grown) await db.exec(`ANALYZE ${name}`);
  return grown.map((row) => row.name);
}
