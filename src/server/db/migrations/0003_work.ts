import type { Migration } from './migration';

/**
 * Partner centres and roles, eligibility (skills, residency), honeypots, review routing, answer
 * versions, the pay ledger and training sessions; leasing indexes for the hot path.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'work',
  sql: /* sql */ `
CREATE TABLE centres (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  -- ISO 3166-1 alpha-2
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('hitter', 'trainer', 'supervisor', 'admin'));
ALTER TABLE users ADD COLUMN centre_id uuid REFERENCES centres (id);
ALTER TABLE users ADD COLUMN skills text[] NOT NULL DEFAULT '{}';
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
CREATE INDEX users_centre_idx ON users (centre_id);

ALTER TABLE projects ADD COLUMN honeypot_rate real NOT NULL DEFAULT 0 CHECK (honeypot_rate >= 0 AND honeypot_rate <= 0.5);
ALTER TABLE projects ADD COLUMN honeypot_pass_score real NOT NULL DEFAULT 0.8 CHECK (honeypot_pass_score BETWEEN 0 AND 1);
ALTER TABLE projects ADD COLUMN review_rate real NOT NULL DEFAULT 0 CHECK (review_rate BETWEEN 0 AND 1);
ALTER TABLE projects ADD COLUMN auto_accept_hours integer NOT NULL DEFAULT 72 CHECK (auto_accept_hours >= 0);
ALTER TABLE projects ADD COLUMN required_skills text[] NOT NULL DEFAULT '{}';
-- Data residency: where the project's data may be held. Both empty: anywhere.
ALTER TABLE projects ADD COLUMN residency_countries text[] NOT NULL DEFAULT '{}';
ALTER TABLE projects ADD COLUMN residency_centres uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE projects ADD COLUMN active boolean NOT NULL DEFAULT true;

-- Honeypots: items with a gold answer. They get no regular tasks; a task is made per worker when
-- one is mixed into a batch.
ALTER TABLE items ADD COLUMN gold jsonb;
-- The original file names of media fields ({"image": "photos/cat.png"}), for exports.
ALTER TABLE items ADD COLUMN media_names jsonb;
CREATE INDEX items_gold_idx ON items (project_id) WHERE gold IS NOT NULL;
-- Import order, the keyset of consensus pages and exports.
ALTER TABLE items ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX items_project_seq_idx ON items (project_id, seq);

ALTER TABLE tasks ADD COLUMN honeypot boolean NOT NULL DEFAULT false;
CREATE SEQUENCE honeypot_replica_seq START 1000 MAXVALUE 2147483647;
DROP INDEX tasks_leasing_idx;
DROP INDEX tasks_status_idx;
-- The leasing hot path: open regular tasks in hand-out order.
CREATE INDEX tasks_open_idx ON tasks (project_id, replica, seq) WHERE status = 'open' AND NOT honeypot;
-- Expired leases, for the sweeper and the release before leasing.
CREATE INDEX tasks_expiry_idx ON tasks (lease_expires_at) WHERE status = 'leased' AND NOT honeypot;
-- A worker's outstanding leases (the per-worker cap).
CREATE INDEX tasks_worker_leased_idx ON tasks (lease_worker) WHERE status = 'leased';
CREATE INDEX tasks_item_idx ON tasks (item_id);

-- Leases name their item, so "never the same item twice" is one index probe.
ALTER TABLE leases ADD COLUMN item_id uuid REFERENCES items (id) ON DELETE CASCADE;
UPDATE leases l SET item_id = t.item_id FROM tasks t WHERE t.id = l.task_id;
ALTER TABLE leases ALTER COLUMN item_id SET NOT NULL;
CREATE INDEX leases_worker_item_idx ON leases (worker_id, item_id);

-- Review: why a submission is in a supervisor's queue (null: not routed), its verdict, and when
-- it is accepted without one.
ALTER TABLE submissions ADD COLUMN honeypot boolean NOT NULL DEFAULT false;
ALTER TABLE submissions ADD COLUMN score real;
ALTER TABLE submissions ADD COLUMN passed boolean;
ALTER TABLE submissions ADD COLUMN review_reason text CHECK (review_reason IN ('sample', 'honeypot_failed', 'late_work'));
ALTER TABLE submissions ADD COLUMN review_status text NOT NULL DEFAULT 'accepted'
  CHECK (review_status IN ('pending', 'accepted', 'rejected', 'corrected'));
ALTER TABLE submissions ADD COLUMN auto_accept_at timestamptz;
ALTER TABLE submissions ADD COLUMN reviewed_at timestamptz;
ALTER TABLE submissions ADD COLUMN reviewer_id uuid REFERENCES users (id);
ALTER TABLE submissions ADD COLUMN verdict_reason text;
ALTER TABLE submissions ADD COLUMN verdict_comment text;
ALTER TABLE submissions ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE submissions ADD COLUMN worker_centre_id uuid REFERENCES centres (id);
-- How the price is split if the work is accepted, fixed when it arrives: {"worker","platform","help","currency"}.
ALTER TABLE submissions ADD COLUMN pay jsonb;
CREATE INDEX submissions_review_idx ON submissions (project_id, seq) WHERE review_status = 'pending';
CREATE INDEX submissions_auto_accept_idx ON submissions (auto_accept_at) WHERE review_status = 'pending';
CREATE INDEX submissions_worker_idx ON submissions (worker_id, seq);

-- Corrections: the supervisor's answer as a new version; version 1 stays in submissions.answer.
CREATE TABLE submission_versions (
  submission_id uuid NOT NULL REFERENCES submissions (id),
  version integer NOT NULL CHECK (version >= 2),
  answer jsonb NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, version)
);

-- Running honeypot accuracy and the counters that pace honeypots, per worker and project.
CREATE TABLE worker_project_stats (
  worker_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  tasks_leased integer NOT NULL DEFAULT 0,
  honeypots_leased integer NOT NULL DEFAULT 0,
  honeypots_scored integer NOT NULL DEFAULT 0,
  honeypots_passed integer NOT NULL DEFAULT 0,
  score_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (worker_id, project_id)
);

-- The pay ledger, append-only. A worker's money moves pending → accepted → paid (or pending →
-- cancelled, written as a negative pending entry); the platform and the help programme receive
-- their shares on acceptance. Balances are sums.
CREATE TABLE ledger (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  account text NOT NULL CHECK (account IN ('worker', 'platform', 'help')),
  worker_id uuid REFERENCES users (id),
  bucket text NOT NULL CHECK (bucket IN ('pending', 'accepted', 'paid')),
  amount_cents integer NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  submission_id uuid REFERENCES submissions (id),
  project_id uuid NOT NULL REFERENCES projects (id),
  payout_id uuid,
  memo text NOT NULL CHECK (memo IN ('submitted', 'accepted', 'rejected', 'paid')),
  CHECK ((account = 'worker') = (worker_id IS NOT NULL))
);
CREATE INDEX ledger_worker_idx ON ledger (worker_id, bucket) WHERE account = 'worker';
CREATE INDEX ledger_submission_idx ON ledger (submission_id);
CREATE INDEX ledger_project_idx ON ledger (project_id, account);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the pay ledger is append-only: add a correcting entry instead';
END
$$;
CREATE TRIGGER ledger_no_change BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();

-- Training given by trainers, for the impact report.
CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trainer_id uuid NOT NULL REFERENCES users (id),
  centre_id uuid REFERENCES centres (id),
  project_id uuid REFERENCES projects (id),
  held_on date NOT NULL,
  hours numeric(6, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
  attendees integer NOT NULL CHECK (attendees >= 1),
  topic text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_sessions_project_idx ON training_sessions (project_id);
`,
};
