import type { Migration } from './migration';

/**
 * The first schema of the central queue. Kept as a string in a module (not a .sql file) so that
 * bundlers carry it along with the code.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sql: /* sql */ `
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('hitter', 'supervisor', 'admin')),
  -- scrypt$N$r$p$salt$hash: never the password itself
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the sha256 of a bearer token is stored: a leaked table does not sign anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL,
  config jsonb NOT NULL,
  instructions text NOT NULL DEFAULT '',
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  overlap integer NOT NULL CHECK (overlap BETWEEN 1 AND 10),
  lease_seconds integer NOT NULL CHECK (lease_seconds > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  -- the client's own id for the item (optional; unique within the project when given)
  external_id text,
  -- the line of the import file it came from, for messages and ordering
  line_no integer NOT NULL,
  data jsonb NOT NULL,
  CONSTRAINT items_external_id_key UNIQUE (project_id, external_id)
);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- insertion order: tasks are handed out in the order they were imported
  seq bigint GENERATED ALWAYS AS IDENTITY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  -- 0 .. overlap-1: one task per wanted answer
  replica integer NOT NULL CHECK (replica >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'leased', 'done')),
  lease_worker uuid REFERENCES users (id),
  -- fencing token: raised at every lease, named by every submission
  lease_epoch integer NOT NULL DEFAULT 0,
  lease_expires_at timestamptz,
  CONSTRAINT tasks_item_replica_key UNIQUE (item_id, replica)
);
CREATE INDEX tasks_leasing_idx ON tasks (project_id, status, replica, seq);
CREATE INDEX tasks_status_idx ON tasks (status, replica, seq);

-- Every lease ever granted: a submission is accepted only under a lease its worker really held.
CREATE TABLE leases (
  task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  epoch integer NOT NULL,
  worker_id uuid NOT NULL REFERENCES users (id),
  leased_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (task_id, epoch)
);
CREATE INDEX leases_worker_idx ON leases (worker_id, task_id);

CREATE TABLE submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- arrival order, the keyset of the results listing
  seq bigint GENERATED ALWAYS AS IDENTITY,
  task_id uuid NOT NULL REFERENCES tasks (id),
  item_id uuid NOT NULL REFERENCES items (id),
  project_id uuid NOT NULL REFERENCES projects (id),
  worker_id uuid NOT NULL REFERENCES users (id),
  lease_epoch integer NOT NULL,
  idempotency_key text NOT NULL,
  -- sha256 of the canonical JSON of {taskId, leaseEpoch, answer}: tells a replay from a reused key
  payload_hash text NOT NULL,
  answer jsonb NOT NULL,
  -- superseded: the task was already done when this arrived; kept for a supervisor, never dropped
  status text NOT NULL CHECK (status IN ('accepted', 'superseded')),
  started_at timestamptz,
  duration_ms bigint CHECK (duration_ms >= 0),
  received_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT submissions_worker_key UNIQUE (worker_id, idempotency_key),
  CONSTRAINT submissions_seq_key UNIQUE (seq)
);
CREATE INDEX submissions_results_idx ON submissions (project_id, seq);
CREATE INDEX submissions_item_worker_idx ON submissions (item_id, worker_id);
`,
};
