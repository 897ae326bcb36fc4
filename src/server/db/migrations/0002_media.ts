import type { Migration } from './migration';

/** Media files, resumable uploads and the feedback a worker receives. */
export const migration0002: Migration = {
  version: 2,
  name: 'media',
  sql: /* sql */ `
-- One row per stored file (content-addressed). ref is the MediaRef handed out: size, thumbnail,
-- duration, peaks. Thumbnails and peaks are media too, with derived_from naming their source.
CREATE TABLE media (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[a-f0-9]{64}$'),
  mime text NOT NULL,
  bytes bigint NOT NULL CHECK (bytes >= 0),
  ref jsonb NOT NULL,
  derived_from text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The files an item shows (with their thumbnails and peaks): a HITer may fetch a file while, or
-- after, holding a task of such an item, and no other.
CREATE TABLE item_media (
  sha256 text NOT NULL,
  item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  PRIMARY KEY (sha256, item_id)
);
CREATE INDEX item_media_item_idx ON item_media (item_id);

-- A resumable upload of an answer file (a recording): bytes land in the media store's tmp folder
-- at the offset recorded here, and the file is verified against its sha256 at the end.
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[a-f0-9]{64}$'),
  bytes bigint NOT NULL CHECK (bytes > 0),
  mime text NOT NULL,
  received bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= bytes),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'complete')),
  temp_name text NOT NULL,
  -- false when the file was already stored and this person sent nothing: a known hash is not a
  -- right to read the file
  sent boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open upload per file and person: asking again resumes it.
CREATE UNIQUE INDEX uploads_open_key ON uploads (user_id, sha256) WHERE status = 'open';
CREATE INDEX uploads_sha_idx ON uploads (sha256, user_id) WHERE status = 'complete' AND sent;

-- What comes back to a worker on sync: verdicts, honeypot scores, earnings. Append-only; the
-- workstation reads it after a cursor (seq).
CREATE TABLE feedback_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  worker_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL CHECK (type IN ('verdict', 'honeypot', 'earning')),
  submission_id uuid NOT NULL REFERENCES submissions (id),
  task_id uuid NOT NULL REFERENCES tasks (id),
  payload jsonb NOT NULL
);
CREATE INDEX feedback_events_worker_idx ON feedback_events (worker_id, seq);
`,
};
