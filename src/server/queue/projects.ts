import { idSchema } from '../../shared/domain/common';
import { projectSpecSchema, type Project, type ProjectSpecInput } from '../../shared/domain/project';
import type { TaskKind } from '../../shared/domain/task-kinds';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import { invalidInputFromZod, notFound } from '../errors';

type ProjectRow = {
  id: string;
  name: string;
  kind: TaskKind;
  config: unknown;
  instructions: string;
  price_cents: number;
  overlap: number;
  lease_seconds: number;
  created_at: Date;
  item_count: number;
  task_count: number;
  done_count: number;
};

const SELECT_PROJECT = `
SELECT p.id, p.name, p.kind, p.config, p.instructions, p.price_cents, p.overlap, p.lease_seconds, p.created_at,
  (SELECT count(*)::int FROM items i WHERE i.project_id = p.id) AS item_count,
  (SELECT count(*)::int FROM tasks t WHERE t.project_id = p.id) AS task_count,
  (SELECT count(*)::int FROM tasks t WHERE t.project_id = p.id AND t.status = 'done') AS done_count
FROM projects p`;

function projectOf(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    config: row.config,
    instructions: row.instructions,
    priceCents: row.price_cents,
    overlap: row.overlap,
    leaseSeconds: row.lease_seconds,
    createdAt: isoOf(row.created_at),
    itemCount: row.item_count,
    taskCount: row.task_count,
    doneCount: row.done_count,
  };
}

/** Creates a project from a spec; the config is checked against its task kind. */
export async function createProject(db: Db, input: ProjectSpecInput): Promise<Project> {
  const parsed = projectSpecSchema.safeParse(input);
  if (!parsed.success) throw invalidInputFromZod(parsed.error);
  const spec = parsed.data;
  const [created] = await db.query<{ id: string }>(
    `INSERT INTO projects (name, kind, config, instructions, price_cents, overlap, lease_seconds)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7) RETURNING id`,
    [
      spec.name,
      spec.kind,
      JSON.stringify(spec.config),
      spec.instructions,
      spec.priceCents,
      spec.overlap,
      spec.leaseSeconds,
    ],
  );
  if (!created) throw new Error('project insert returned no row');
  return getProject(db, created.id);
}

export async function getProject(db: Db, projectId: string): Promise<Project> {
  if (!isProjectId(projectId)) throw noSuchProject(projectId);
  const [row] = await db.query<ProjectRow>(`${SELECT_PROJECT} WHERE p.id = $1`, [projectId]);
  if (!row) throw noSuchProject(projectId);
  return projectOf(row);
}

/** Newest first. */
export async function listProjects(db: Db): Promise<Project[]> {
  const rows = await db.query<ProjectRow>(`${SELECT_PROJECT} ORDER BY p.created_at DESC, p.id`);
  return rows.map(projectOf);
}

export async function findProjectByName(db: Db, name: string): Promise<Project | null> {
  const [row] = await db.query<ProjectRow>(
    `${SELECT_PROJECT} WHERE p.name = $1 ORDER BY p.created_at LIMIT 1`,
    [name],
  );
  return row ? projectOf(row) : null;
}

export function noSuchProject(projectId: string) {
  return notFound(`no project with id ${projectId}`);
}

/** Ids come from people too (CLI, embedders): a malformed one is simply not found, not a database error. */
export function isProjectId(projectId: string): boolean {
  return idSchema.safeParse(projectId).success;
}
