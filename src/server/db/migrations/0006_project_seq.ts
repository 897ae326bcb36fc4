import type { Migration } from './migration';

/**
 * A running number per project, so the project list comes in pages (newest first, after a
 * cursor) as results and accounts do. Projects made before it are numbered in the order they
 * were made; new ones take the next number.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'project_seq',
  sql: /* sql */ `
ALTER TABLE projects ADD COLUMN seq bigint;
UPDATE projects SET seq = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM projects) AS numbered
WHERE projects.id = numbered.id;
ALTER TABLE projects ALTER COLUMN seq SET NOT NULL;
ALTER TABLE projects ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('projects', 'seq'), coalesce(max(seq), 0) + 1, false) FROM projects;
CREATE UNIQUE INDEX projects_seq_idx ON projects (seq);
`,
};
