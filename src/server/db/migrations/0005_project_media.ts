import type { Migration } from './migration';

/**
 * The stored files a project's instructions show (example images): whoever may work on the
 * project, or run it, may read them, as they read the files of the items they hold.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'project_media',
  sql: /* sql */ `
CREATE TABLE project_media (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  sha256 text NOT NULL REFERENCES media (sha256),
  PRIMARY KEY (sha256, project_id)
);
CREATE INDEX project_media_project_idx ON project_media (project_id);
`,
};
