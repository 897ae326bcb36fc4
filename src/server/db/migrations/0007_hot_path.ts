import type { Migration } from './migration';

/**
 * Changes for the queue's hot path (many workers leasing and submitting each second):
 *
 * - The lease history indexed by item first: "which of these workers held a lease on this item?"
 *   is asked for every candidate task when many workers lease at once (one probe per item, where
 *   the worker-first index needed one per worker). Questions naming both the worker and the item
 *   use it as well as they used the old index, which it replaces.
 * - The tasks' index on their item goes: the unique (item, replica) index answers the same
 *   questions, and every lease and every answer rewrote both.
 * - The history tables (leases, submissions, ledger, feedback) and the task's lease holder no
 *   longer declare foreign keys to users, projects and centres. Every such row is written by the
 *   queue from the very rows the same statement reads (the task, its project, the worker's
 *   account), and those rows are never deleted (accounts are deactivated, projects paused), so the
 *   checks could never fail; but each one looked the parent up and share-locked it, and the
 *   project's row is the parent of every answer, so concurrent batches kept rewriting its lock
 *   (together a sixth of the database's work per cycle in `bench:queue`). References to tasks,
 *   items and submissions stay checked.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'hot_path',
  sql: /* sql */ `
CREATE INDEX leases_item_worker_idx ON leases (item_id, worker_id);
DROP INDEX leases_worker_item_idx;
DROP INDEX tasks_item_idx;

ALTER TABLE tasks DROP CONSTRAINT tasks_lease_worker_fkey;
ALTER TABLE leases DROP CONSTRAINT leases_worker_id_fkey;
ALTER TABLE submissions DROP CONSTRAINT submissions_project_id_fkey;
ALTER TABLE submissions DROP CONSTRAINT submissions_worker_id_fkey;
ALTER TABLE submissions DROP CONSTRAINT submissions_worker_centre_id_fkey;
ALTER TABLE feedback_events DROP CONSTRAINT feedback_events_worker_id_fkey;
ALTER TABLE ledger DROP CONSTRAINT ledger_worker_id_fkey;
ALTER TABLE ledger DROP CONSTRAINT ledger_project_id_fkey;
`,
};
