import type { z } from 'zod';
import { importLineSchema } from '../../shared/domain/project';
import { mediaOf } from '../../shared/domain/media';
import { checkAnswer, taskKinds, type TaskKind } from '../../shared/domain/task-kinds';
import type { Db } from '../db/db';
import { ApiError, joinField, zodProblems } from '../errors';
import type { MediaLibrary } from '../media/ingest';
import { canonicalHash } from '../queue/canonical-json';
import { isProjectId, noSuchProject } from '../queue/projects';
import { parseWithCoercion } from './csv-coerce';
import { readRecords, type ImportFormat, type LineProblem } from './read-records';
import { MediaFieldError, mediaResolver, type MediaResolverOf } from './resolve-media';

/** Rows per INSERT: big enough to be fast, small enough to keep each statement modest. */
const CHUNK = 1000;
/** Rejected lines listed in a report; the count covers all of them. */
const MAX_LISTED_REJECTIONS = 1000;

export type ImportOptions = {
  format?: ImportFormat;
  /** All or nothing: any bad line imports nothing and is reported as a 400 naming it. */
  strict?: boolean;
  /** Where media fields given as file names are found, and where files are stored. */
  media?: { library: MediaLibrary; folder?: string | null; createdBy?: string | null };
};

export type ImportReport = {
  imported: number;
  tasksCreated: number;
  /** Lines whose id the project already has (given, or derived from the content when absent): a re-run of the same file skips them. */
  skipped: number;
  /** Items with a gold answer (honeypots). */
  honeypots: number;
  rejectedCount: number;
  rejected: LineProblem[];
};

type ReadyItem = {
  line: number;
  externalId: string | null;
  data: unknown;
  gold: unknown;
  mediaNames: Record<string, string> | null;
};

type ProjectRow = { kind: TaskKind; config: unknown; overlap: number };

/**
 * Imports a JSONL or CSV file into a project in one transaction. Good lines are imported, bad ones
 * reported with their line and reason (or, `strict`, nothing is imported); lines whose id the project
 * already has are skipped, so running the same file again resumes it without duplicates. Each
 * regular item gets `overlap` tasks; gold items (honeypots) get theirs when mixed into a batch.
 */
export async function importItems(
  db: Db,
  projectId: string,
  text: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const [project] = isProjectId(projectId)
    ? await db.query<ProjectRow>('SELECT kind, config, overlap FROM projects WHERE id = $1', [projectId])
    : [];
  if (!project) throw noSuchProject(projectId);
  const format = options.format ?? 'jsonl';
  const read = readRecords(text, format);
  const rejected: LineProblem[] = [...read.problems];
  const seenIds = new Map<string, number>();
  const lines: Array<{
    line: number;
    externalId: string | null;
    data: Record<string, unknown>;
    gold: unknown;
    hasGold: boolean;
    fromCsv: boolean;
  }> = [];

  for (const record of read.records) {
    const shape = importLineSchema.safeParse(record.value);
    if (!shape.success) {
      rejected.push({ line: record.line, ...firstProblem(shape.error) });
      continue;
    }
    // A line without an id gets one from its content, so a re-run skips it like any other.
    const externalId = shape.data.id ?? contentId(shape.data.data, shape.data.gold);
    const earlier = seenIds.get(externalId);
    if (earlier !== undefined) {
      rejected.push({
        line: record.line,
        field: 'id',
        message:
          shape.data.id === undefined
            ? `this line repeats line ${earlier} (same data and gold, no id): give each an id to import both`
            : `the id "${externalId}" is already used on line ${earlier}`,
      });
      continue;
    }
    seenIds.set(externalId, record.line);
    const hasGold =
      Object.prototype.hasOwnProperty.call(record.value, 'gold') && shape.data.gold !== undefined;
    lines.push({
      line: record.line,
      externalId,
      data: shape.data.data,
      gold: shape.data.gold,
      hasGold,
      fromCsv: record.fromCsv,
    });
  }

  const known = await knownIds(db, projectId, [...seenIds.keys()]);
  const fresh = lines.filter((line) => line.externalId === null || !known.has(line.externalId));
  const skipped = lines.length - fresh.length;

  const resolver = options.media
    ? mediaResolver(options.media.library, options.media.folder ?? null, options.media.createdBy ?? null)
    : null;
  const ready: ReadyItem[] = [];
  for (const line of fresh) {
    const outcome = await prepare(project, line, resolver);
    if ('problem' in outcome) rejected.push(outcome.problem);
    else ready.push(outcome.item);
  }
  rejected.sort((a, b) => a.line - b.line);

  if (options.strict && rejected.length > 0)
    throw importError(rejected[0] as LineProblem, rejected.length - 1);
  if (read.records.length === 0 && read.problems.length === 0) {
    throw new ApiError(400, 'invalid_import', 'the file has no items: it is empty or blank');
  }

  const inserted =
    ready.length === 0
      ? { imported: 0, tasks: 0, honeypots: 0, skippedLate: 0 }
      : await insertAll(db, projectId, ready);
  return {
    imported: inserted.imported,
    tasksCreated: inserted.tasks,
    skipped: skipped + inserted.skippedLate,
    honeypots: inserted.honeypots,
    rejectedCount: rejected.length,
    rejected: rejected.slice(0, MAX_LISTED_REJECTIONS),
  };
}

async function prepare(
  project: ProjectRow,
  line: {
    line: number;
    externalId: string | null;
    data: Record<string, unknown>;
    gold: unknown;
    hasGold: boolean;
    fromCsv: boolean;
  },
  resolver: MediaResolverOf | null,
): Promise<{ item: ReadyItem } | { problem: LineProblem }> {
  const spec = taskKinds[project.kind];
  let data: unknown = line.data;
  const mediaNames: Record<string, string> = {};
  for (const field of spec.mediaFields) {
    const path = field.split('.');
    const value = getPath(data, path);
    if (value === undefined) continue;
    const pending = resolver
      ? resolver.resolve(value)
      : typeof value === 'string'
        ? Promise.reject(
            new MediaFieldError(
              `"${value}" is a file name or hash: import with a media folder (--media-dir) or upload the file first`,
            ),
          )
        : null;
    if (!pending) continue;
    try {
      const resolved = await pending;
      data = setPath(data, path, resolved.ref);
      if (resolved.name) mediaNames[field] = resolved.name;
    } catch (error) {
      if (error instanceof MediaFieldError)
        return { problem: { line: line.line, field: `data.${field}`, message: error.message } };
      throw error;
    }
  }
  const item = line.fromCsv ? parseWithCoercion(spec.item, data) : spec.item.safeParse(data);
  if (!item.success) {
    const problem = firstProblem(item.error);
    return {
      problem: { line: line.line, field: joinField('data', problem.field), message: problem.message },
    };
  }
  let gold: unknown = null;
  if (line.hasGold) {
    if (project.kind === 'audio_recording') {
      return {
        problem: {
          line: line.line,
          field: 'gold',
          message: 'recording projects have no gold answers (each recording is new)',
        },
      };
    }
    const checked = checkAnswer(project.kind, project.config, item.data, line.gold);
    if (!checked.ok) {
      const first = checked.problems[0];
      return {
        problem: {
          line: line.line,
          field: joinField('gold', first?.field ?? ''),
          message: first?.message ?? 'invalid gold answer',
        },
      };
    }
    gold = checked.answer;
  }
  return {
    item: {
      line: line.line,
      externalId: line.externalId,
      data: item.data,
      gold,
      mediaNames: Object.keys(mediaNames).length > 0 ? mediaNames : null,
    },
  };
}

async function knownIds(db: Db, projectId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ external_id: string }>(
    `SELECT external_id FROM items
     WHERE project_id = $1 AND external_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [projectId, JSON.stringify(ids)],
  );
  return new Set(rows.map((row) => row.external_id));
}

async function insertAll(db: Db, projectId: string, items: ReadyItem[]) {
  return db.transaction(async (tx) => {
    // Imports into one project take turns, so the id check below cannot race another import.
    const [locked] = await tx.query<{ overlap: number }>(
      'SELECT overlap FROM projects WHERE id = $1 FOR UPDATE',
      [projectId],
    );
    if (!locked) throw noSuchProject(projectId);
    const known = await knownIds(
      tx,
      projectId,
      items.flatMap((item) => (item.externalId === null ? [] : [item.externalId])),
    );
    const fresh = items.filter((item) => item.externalId === null || !known.has(item.externalId));
    let tasks = 0;
    for (let start = 0; start < fresh.length; start += CHUNK) {
      tasks += await insertChunk(tx, projectId, locked.overlap, fresh.slice(start, start + CHUNK));
    }
    return {
      imported: fresh.length,
      tasks,
      honeypots: fresh.filter((item) => item.gold !== null).length,
      skippedLate: items.length - fresh.length,
    };
  });
}

async function insertChunk(tx: Db, projectId: string, overlap: number, items: ReadyItem[]): Promise<number> {
  const rows = items.map((item) => ({
    external_id: item.externalId,
    line_no: item.line,
    data: item.data,
    gold: item.gold,
    media_names: item.mediaNames,
    media: [...mediaOf(item.data)],
  }));
  const [result] = await tx.query<{ tasks: number }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS x(external_id text, line_no int, data jsonb, gold jsonb, media_names jsonb, media jsonb)
     ), inserted AS (
       INSERT INTO items (project_id, external_id, line_no, data, gold, media_names)
       SELECT $1::uuid, external_id, line_no, data, CASE WHEN gold = 'null'::jsonb THEN NULL ELSE gold END, media_names
       FROM input ORDER BY line_no
       RETURNING id, line_no, gold IS NOT NULL AS is_gold
     ), media AS (
       INSERT INTO item_media (sha256, item_id)
       SELECT DISTINCT m.sha256, inserted.id
       FROM inserted JOIN input ON input.line_no = inserted.line_no
       CROSS JOIN LATERAL jsonb_array_elements_text(input.media) AS m(sha256)
       ON CONFLICT DO NOTHING
     ), tasks AS (
       INSERT INTO tasks (project_id, item_id, replica)
       SELECT $1::uuid, inserted.id, replica
       FROM inserted CROSS JOIN generate_series(0, $3::int - 1) AS replica
       WHERE NOT inserted.is_gold
       ORDER BY inserted.line_no, replica
       RETURNING 1
     )
     SELECT count(*)::int AS tasks FROM tasks`,
    [projectId, JSON.stringify(rows), overlap],
  );
  return result?.tasks ?? 0;
}

/** Prefix of the ids derived from a line's content (lines imported without an `id`). */
export const CONTENT_ID_PREFIX = 'sha256:';

/** The id of a line that has none: the sha256 of its data and gold answer as canonical JSON. */
export function contentId(data: unknown, gold: unknown): string {
  return `${CONTENT_ID_PREFIX}${canonicalHash({ data, gold: gold ?? null })}`;
}

/** `line 3: data.text: Too small…`, the shape every import error takes. */
export function importError(problem: LineProblem, moreBadLines = 0): ApiError {
  const where = problem.field ? `${problem.field}: ` : '';
  const more = moreBadLines > 0 ? ` (and ${moreBadLines} more bad line${moreBadLines === 1 ? '' : 's'})` : '';
  return new ApiError(400, 'invalid_import', `line ${problem.line}: ${where}${problem.message}${more}`, {
    line: problem.line,
    field: problem.field,
  });
}

function firstProblem(error: z.ZodError): { field: string; message: string } {
  return zodProblems(error)[0] ?? { field: '', message: 'invalid' };
}

function getPath(value: unknown, path: string[]): unknown {
  let cursor = value;
  for (const key of path) {
    if (typeof cursor !== 'object' || cursor === null || Array.isArray(cursor)) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

function setPath(value: unknown, path: string[], next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const base = { ...(value as Record<string, unknown>) };
  base[key] = setPath(base[key], rest, next);
  return base;
}
