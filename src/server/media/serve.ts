import { isAdmin, projectInReach, type Viewer } from '../auth/policy';
import type { Db } from '../db/db';
import { notFound } from '../errors';
import type { BinaryFile } from '../http/binary';
import { findMedia, type MediaLibrary } from './ingest';

/** Stored files never change (their name is their hash): cache them for a year, privately. */
export const MEDIA_CACHE_CONTROL = 'private, max-age=31536000, immutable';

/**
 * May this person read this file? Everyone: the files of items they hold or held a task of (with
 * thumbnails and peaks), the example images of projects they hold or held a task of, and the
 * files they uploaded themselves. Staff also: the files and example images of projects their
 * centre may hold, and the files uploaded by people of their centre (recordings to review).
 * Admins: any.
 */
export async function mayReadMedia(db: Db, viewer: Viewer, sha256: string): Promise<boolean> {
  if (isAdmin(viewer)) return true;
  const staff = viewer.role !== 'hitter';
  const rows = await db.query(
    `SELECT 1 WHERE EXISTS (
       SELECT 1 FROM item_media im JOIN leases l ON l.item_id = im.item_id
       WHERE im.sha256 = $1 AND l.worker_id = $2)
     -- Whoever leased a task of a project has its row of counts: one probe, where joining the
     -- project's items to the lease history read the whole history at each request.
     OR EXISTS (
       SELECT 1 FROM project_media pm
       JOIN worker_project_stats s ON s.project_id = pm.project_id AND s.worker_id = $2
       WHERE pm.sha256 = $1 AND s.tasks_leased + s.honeypots_leased > 0)
     OR EXISTS (
       SELECT 1 FROM uploads u WHERE u.sha256 = $1 AND u.user_id = $2 AND u.status = 'complete' AND u.sent)
     OR ($3::boolean AND EXISTS (
       SELECT 1 FROM item_media im JOIN items i ON i.id = im.item_id JOIN projects p ON p.id = i.project_id
       WHERE im.sha256 = $1 AND ${projectInReach('p', '$4', '$5')}))
     OR ($3::boolean AND EXISTS (
       SELECT 1 FROM project_media pm JOIN projects p ON p.id = pm.project_id
       WHERE pm.sha256 = $1 AND ${projectInReach('p', '$4', '$5')}))
     OR ($3::boolean AND $4::uuid IS NOT NULL AND EXISTS (
       SELECT 1 FROM uploads u JOIN users owner ON owner.id = u.user_id
       WHERE u.sha256 = $1 AND u.status = 'complete' AND u.sent AND owner.centre_id = $4))`,
    [sha256, viewer.id, staff, viewer.centreId, viewer.country],
  );
  return rows.length > 0;
}

/** The file to send for `GET /v1/media/:sha256`; unknown and forbidden look the same (404). */
export async function mediaFile(library: MediaLibrary, viewer: Viewer, sha256: string): Promise<BinaryFile> {
  const ref = await findMedia(library.db, sha256);
  const size = ref ? await library.store.size(sha256) : null;
  if (!ref || size === null || !(await mayReadMedia(library.db, viewer, sha256))) {
    throw notFound(`no media file ${sha256}`);
  }
  return {
    kind: 'file',
    mime: ref.mime,
    size,
    etag: sha256,
    cacheControl: MEDIA_CACHE_CONTROL,
    open: (range) => library.store.read(sha256, range),
  };
}
