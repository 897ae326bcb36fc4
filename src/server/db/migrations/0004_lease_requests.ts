import type { Migration } from './migration';

/**
 * What each lease request handed out, under the worker's request key: a workstation whose answer
 * was cut on the way back asks again with the same key and gets the same tasks, not a second batch.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'lease_requests',
  sql: /* sql */ `
CREATE TABLE lease_requests (
  worker_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  request_key text NOT NULL,
  task_ids uuid[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (worker_id, request_key)
);
CREATE INDEX lease_requests_created_idx ON lease_requests (created_at);
`,
};
