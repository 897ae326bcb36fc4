import type { TaskKind } from '../../shared/domain/task-kinds';
import type { Db } from '../db/db';
import { importError, parseImportFile, type ParsedItem } from './parse-jsonl';
import { isProjectId, noSuchProject } from './projects';

/** Rows per INSERT: big enough to be fast, small enough to keep each statement modest. */
const CHUNK = 1000;

export type ImportReport = { imported: number; tasksCreated: number };

/**
 * Imports a JSONL file into a project in one transaction: each item gets `overlap` tasks. A bad
 * line, or an id the project already has, imports nothing and names the line.
 */
export async function importItems(db: Db, projectId: string, jsonl: string): Promise<ImportReport> {
  const [project] = isProjectId(projectId)
    ? await db.query<{ kind: TaskKind }>('SELECT kind FROM projects WHERE id = $1', [projectId])
    : [];
  if (!project) throw noSuchProject(projectId);
  const items = parseImportFile(project.kind, jsonl);

  return db.transaction(async (tx) => {
    // Imports into one project take turns, so the duplicate check below cannot race another import.
    const [locked] = await tx.query<{ overlap: number }>(
      'SELECT overlap FROM projects WHERE id = $1 FOR UPDATE',
      [projectId],
    );
    if (!locked) throw noSuchProject(projectId);
    await refuseKnownIds(tx, projectId, items);
    for (let start = 0; start < items.length; start += CHUNK) {
      await insertChunk(tx, projectId, locked.overlap, items.slice(start, start + CHUNK));
    }
    return { imported: items.length, tasksCreated: items.length * locked.overlap };
  });
}

async function refuseKnownIds(tx: Db, projectId: string, items: ParsedItem[]): Promise<void> {
  const ids = items.flatMap((item) => (item.externalId === null ? [] : [item.externalId]));
  if (ids.length === 0) return;
  const rows = await tx.query<{ external_id: string }>(
    `SELECT external_id FROM items
     WHERE project_id = $1 AND external_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [projectId, JSON.stringify(ids)],
  );
  if (rows.length === 0) return;
  const known = new Set(rows.map((row) => row.external_id));
  const clash = items.find((item) => item.externalId !== null && known.has(item.externalId));
  if (clash) {
    throw importError({
      line: clash.lineNo,
      field: 'id',
      message: `this project already has an item with the id "${clash.externalId}"`,
    });
  }
}

async function insertChunk(tx: Db, projectId: string, overlap: number, items: ParsedItem[]): Promise<void> {
  const rows = items.map((item) => ({ external_id: item.externalId, line_no: item.lineNo, data: item.data }));
  await tx.query(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, line_no int, data jsonb)
     ), inserted AS (
       INSERT INTO items (project_id, external_id, line_no, data)
       SELECT $1::uuid, external_id, line_no, data FROM input ORDER BY line_no
       RETURNING id, line_no
     )
     INSERT INTO tasks (project_id, item_id, replica)
     SELECT $1::uuid, inserted.id, replica
     FROM inserted CROSS JOIN generate_series(0, $3::int - 1) AS replica
     ORDER BY inserted.line_no, replica`,
    [projectId, JSON.stringify(rows), overlap],
  );
}
