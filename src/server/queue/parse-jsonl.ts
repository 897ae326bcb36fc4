import type { z } from 'zod';
import { importLineSchema } from '../../shared/domain/project';
import { taskKinds, type TaskKind } from '../../shared/domain/task-kinds';
import { ApiError, joinField, zodProblems } from '../errors';

export type ParsedItem = { lineNo: number; externalId: string | null; data: unknown };

type LineProblem = { line: number; field?: string; message: string };

/**
 * Reads a JSONL import: every non-blank line is `{"id"?: string, "data": {...}}` with `data` valid
 * for the project's task kind, and ids are unique within the file. The first bad line is reported
 * by number and field (`line 3: data.text: …`); a bad file yields no items at all.
 */
export function parseImportFile(kind: TaskKind, text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  const lineOfId = new Map<string, number>();
  let first: LineProblem | null = null;
  let badLines = 0;
  const fail = (problem: LineProblem) => {
    badLines += 1;
    first ??= problem;
  };

  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (source.trim() === '') return;

    const value = parseJson(source);
    if (!value.ok) return fail({ line, message: value.message });

    const shape = importLineSchema.safeParse(value.value);
    if (!shape.success) return fail({ line, ...firstProblem(shape.error) });

    const data = taskKinds[kind].item.safeParse(shape.data.data);
    if (!data.success) {
      const problem = firstProblem(data.error);
      return fail({ line, field: joinField('data', problem.field), message: problem.message });
    }

    const externalId = shape.data.id ?? null;
    if (externalId !== null) {
      const earlier = lineOfId.get(externalId);
      if (earlier !== undefined) {
        return fail({
          line,
          field: 'id',
          message: `the id "${externalId}" is already used on line ${earlier}`,
        });
      }
      lineOfId.set(externalId, line);
    }
    items.push({ lineNo: line, externalId, data: data.data });
  });

  if (first) throw importError(first, badLines - 1);
  if (items.length === 0)
    throw new ApiError(400, 'invalid_import', 'the file has no items: it is empty or blank');
  return items;
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

type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(source: string): JsonResult {
  try {
    // A "__proto__" key would become the prototype of the parsed object downstream: refuse it.
    const value: unknown = source.includes('__proto__')
      ? JSON.parse(source, (key, inner: unknown) => {
          if (key === '__proto__') throw new Error('the key "__proto__" is not allowed');
          return inner;
        })
      : JSON.parse(source);
    return { ok: true, value };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: detail.includes('__proto__') ? detail : `not valid JSON (${detail})` };
  }
}
