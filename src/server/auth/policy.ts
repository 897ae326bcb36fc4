import type { Role } from '../../shared/domain/common';
import type { Db } from '../db/db';
import { ApiError } from '../errors';

/**
 * Who is asking, with what per-object checks need: their role and partner centre. Rules
 * (checked per object, and walked by test/integration/server-authorization.test.ts):
 * - a hitter reaches their own tasks, submissions, uploads, balances and feedback, and the media of
 *   items they were leased;
 * - a trainer, in addition, reads the accounts and figures of their centre and records trainings;
 * - a supervisor, in addition, manages the HITers and trainers of their centre, reviews their work,
 *   and runs the projects whose data may be held in their centre (data residency);
 * - an admin reaches everything.
 * Objects out of reach answer 404, as if they did not exist: ids are not confirmed to strangers.
 */
export type Viewer = { id: string; role: Role; centreId: string | null; country: string | null };

export const isAdmin = (viewer: Viewer) => viewer.role === 'admin';
export const isStaff = (viewer: Viewer) => viewer.role !== 'hitter';

/**
 * SQL condition: project `p` may be handled by someone of this centre and country (parameters
 * `$centre`, `$country`): unrestricted, or its residency names the centre or the country.
 */
export function projectInReach(alias: string, centreParam: string, countryParam: string): string {
  return `((cardinality(${alias}.residency_countries) = 0 AND cardinality(${alias}.residency_centres) = 0)
    OR ${countryParam}::text = ANY (${alias}.residency_countries)
    OR ${centreParam}::uuid = ANY (${alias}.residency_centres))`;
}

/** The project, if this staff member may handle it (admins: any); else 404. Hitters never: 403. */
export async function requireProjectInReach(db: Db, viewer: Viewer, projectId: string): Promise<void> {
  if (viewer.role === 'hitter') throw forbidden('projects are handled by staff');
  const rows = await db.query(
    `SELECT 1 FROM projects p WHERE p.id = $1 AND ($2::boolean OR ${projectInReach('p', '$3', '$4')})`,
    [projectId, isAdmin(viewer), viewer.centreId, viewer.country],
  );
  if (rows.length === 0) throw new ApiError(404, 'not_found', `no project with id ${projectId}`);
}

/**
 * May this viewer act as staff over that person (same centre, or admin)? A person without a centre
 * is within reach of admins only.
 */
export function sameCentre(viewer: Viewer, centreId: string | null): boolean {
  if (isAdmin(viewer)) return true;
  return viewer.centreId !== null && viewer.centreId === centreId;
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}
