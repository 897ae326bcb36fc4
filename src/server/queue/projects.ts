import { idSchema } from '../../shared/domain/common';
import { instructionImages } from '../../shared/domain/instructions';
import { projectSpecSchema, type Project, type ProjectSpecInput } from '../../shared/domain/project';
import type { TaskKind } from '../../shared/domain/task-kinds';
import type { Db } from '../db/db';
import { readAllPages } from '../db/pages';
import { isoOf } from '../db/db';
import { isAdmin, projectInReach, requireProjectInReach, forbidden, type Viewer } from '../auth/policy';
import { ApiError, invalidInputFromZod, notFound } from '../errors';

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
  gold_count: number;
  honeypot_rate: number;
  honeypot_pass_score: number;
  review_rate: number;
  auto_accept_hours: number;
  required_skills: string[];
  residency_countries: string[];
  residency_centres: string[];
};

const SELECT_PROJECT = `
SELECT p.id, p.seq, p.name, p.kind, p.config, p.instructions, p.price_cents, p.overlap, p.lease_seconds, p.created_at,
  p.honeypot_rate, p.honeypot_pass_score, p.review_rate, p.auto_accept_hours, p.required_skills,
  p.residency_countries, p.residency_centres,
  (SELECT count(*)::int FROM items i WHERE i.project_id = p.id AND i.gold IS NULL) AS item_count,
  (SELECT count(*)::int FROM items i WHERE i.project_id = p.id AND i.gold IS NOT NULL) AS gold_count,
  (SELECT count(*)::int FROM tasks t WHERE t.project_id = p.id AND NOT t.honeypot) AS task_count,
  (SELECT count(*)::int FROM tasks t WHERE t.project_id = p.id AND NOT t.honeypot AND t.status = 'done') AS done_count
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
    honeypotRate: roundRate(row.honeypot_rate),
    honeypotPassScore: roundRate(row.honeypot_pass_score),
    reviewRate: roundRate(row.review_rate),
    autoAcceptHours: row.auto_accept_hours,
    requiredSkills: row.required_skills,
    residency: { countries: row.residency_countries, centreIds: row.residency_centres },
    goldCount: row.gold_count,
  };
}

/** Rates are stored as `real`: 0.1 comes back as 0.10000000149…; give back what was set. */
function roundRate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Creates a project from a spec; the config is checked against its task kind, the residency's
 * centres must exist, and a supervisor (when `viewer` is one) may only create a project their own
 * centre may hold.
 */
export async function createProject(db: Db, input: ProjectSpecInput, viewer?: Viewer): Promise<Project> {
  const parsed = projectSpecSchema.safeParse(input);
  if (!parsed.success) throw invalidInputFromZod(parsed.error);
  const spec = parsed.data;
  const centres = spec.residency.centreIds;
  if (centres.length > 0) {
    const known = await db.query<{ id: string }>('SELECT id FROM centres WHERE id = ANY ($1::uuid[])', [
      centres,
    ]);
    const missing = centres.findIndex((id) => !known.some((row) => row.id === id));
    if (missing >= 0) {
      throw new ApiError(
        400,
        'invalid_input',
        `residency.centreIds[${missing}]: no partner centre with this id`,
        {
          field: `residency.centreIds[${missing}]`,
        },
      );
    }
  }
  if (viewer && !isAdmin(viewer)) {
    const { countries } = spec.residency;
    const open = countries.length === 0 && centres.length === 0;
    const mine =
      (viewer.country !== null && countries.includes(viewer.country)) ||
      (viewer.centreId !== null && centres.includes(viewer.centreId));
    if (!open && !mine)
      throw forbidden("this project's residency excludes your own centre: you could not run it");
  }
  const examples = await storedInstructionImages(db, spec.instructions);
  return db.transaction(async (tx) => {
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO projects (name, kind, config, instructions, price_cents, overlap, lease_seconds,
       honeypot_rate, honeypot_pass_score, review_rate, auto_accept_hours, required_skills,
       residency_countries, residency_centres)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13::text[], $14::uuid[])
     RETURNING id`,
      [
        spec.name,
        spec.kind,
        JSON.stringify(spec.config),
        spec.instructions,
        spec.priceCents,
        spec.overlap,
        spec.leaseSeconds,
        spec.honeypotRate,
        spec.honeypotPassScore,
        spec.reviewRate,
        spec.autoAcceptHours,
        spec.requiredSkills,
        spec.residency.countries,
        spec.residency.centreIds,
      ],
    );
    if (!created) throw new Error('project insert returned no row');
    if (examples.length > 0) {
      await tx.query('INSERT INTO project_media (project_id, sha256) SELECT $1, unnest($2::text[])', [
        created.id,
        examples,
      ]);
    }
    return getProject(tx, created.id);
  });
}

/**
 * The stored files the instructions show as example images; one the queue does not have is
 * refused, naming it (upload it first: `POST /v1/media`, or the CLI's `--media-dir`).
 */
async function storedInstructionImages(db: Db, instructions: string): Promise<string[]> {
  const wanted = instructionImages(instructions);
  if (wanted.length === 0) return [];
  const known = await db.query<{ sha256: string }>(
    'SELECT sha256 FROM media WHERE sha256 = ANY ($1::text[])',
    [wanted],
  );
  const missing = wanted.find((sha256) => !known.some((row) => row.sha256 === sha256));
  if (missing) {
    throw new ApiError(
      400,
      'invalid_input',
      `instructions: the example image /media/${missing} is not stored on this queue: upload it first`,
      { field: 'instructions' },
    );
  }
  return wanted;
}

export async function getProject(db: Db, projectId: string, viewer?: Viewer): Promise<Project> {
  if (!isProjectId(projectId)) throw noSuchProject(projectId);
  if (viewer) await requireProjectInReach(db, viewer, projectId);
  const [row] = await db.query<ProjectRow>(`${SELECT_PROJECT} WHERE p.id = $1`, [projectId]);
  if (!row) throw noSuchProject(projectId);
  return projectOf(row);
}

export type ProjectPage = { projects: Project[]; nextAfter: number | null };

/**
 * Newest first, a page at a time: `after` is the `nextAfter` of the page before (0: from the
 * newest). Staff other than admins see the projects their centre may hold.
 */
export async function listProjects(
  db: Db,
  viewer?: Viewer,
  page: { limit: number; after: number } = { limit: 200, after: 0 },
): Promise<ProjectPage> {
  const rows = await db.query<ProjectRow & { seq: string }>(
    `${SELECT_PROJECT}
     WHERE ($1::boolean OR ${projectInReach('p', '$2', '$3')}) AND ($4::bigint = 0 OR p.seq < $4)
     ORDER BY p.seq DESC LIMIT $5`,
    [
      !viewer || isAdmin(viewer),
      viewer?.centreId ?? null,
      viewer?.country ?? null,
      page.after,
      page.limit + 1,
    ],
  );
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return { projects: shown.map(projectOf), nextAfter: more ? Number(shown.at(-1)?.seq) : null };
}

/** Every project, newest first (the CLI's list), page after page. */
export async function allProjects(db: Db): Promise<Project[]> {
  return readAllPages(async (after) => {
    const page = await listProjects(db, undefined, { limit: 500, after });
    return { rows: page.projects, nextAfter: page.nextAfter };
  });
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
