import { parse as parseCsv } from 'csv-parse/sync';

export const IMPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One line (JSONL) or row (CSV) of an import file, before any checking of its content. */
export type RawRecord = { line: number; value: unknown; fromCsv: boolean };
/** A line that could not even be read. */
export type LineProblem = { line: number; field?: string; message: string };

export type ReadResult = { records: RawRecord[]; problems: LineProblem[] };

/** Reads an import file as JSONL (one `{"id", "data", "gold"}` a line) or CSV (a header row, one item a row). */
export function readRecords(text: string, format: ImportFormat): ReadResult {
  const body = text.replace(/^\uFEFF/, '');
  return format === 'csv' ? readCsv(body) : readJsonl(body);
}

function readJsonl(text: string): ReadResult {
  const records: RawRecord[] = [];
  const problems: LineProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (source.trim() === '') return;
    const parsed = parseJson(source);
    if (parsed.ok) records.push({ line, value: parsed.value, fromCsv: false });
    else problems.push({ line, message: parsed.message });
  });
  return { records, problems };
}

type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse, refusing a "__proto__" key (it would become the prototype of the parsed object downstream). */
export function parseJson(source: string): JsonResult {
  try {
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

/**
 * CSV: the header names the columns. `id` is the item's own id, `gold` its gold answer (JSON), any
 * other column a field of the item, dotted for nested fields (`context.text`; a leading `data.` is
 * optional). Empty cells are left out; numbers and booleans are converted where the kind wants them.
 */
function readCsv(text: string): ReadResult {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      info: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      records: [],
      problems: [{ line: line ?? 1, message: `not valid CSV (${(error as Error).message})` }],
    };
  }
  const [header, ...body] = rows;
  if (!header) return { records: [], problems: [] };
  const columns = header.record.map((name) => name.trim().replace(/^data\./, ''));
  const problems: LineProblem[] = [];
  const headerLine = header.info.lines;
  const seen = new Set<string>();
  for (const [index, name] of columns.entries()) {
    if (
      !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(name) ||
      name === '__proto__' ||
      name.includes('.__proto__')
    ) {
      problems.push({ line: headerLine, message: `column ${index + 1} has an unusable name "${name}"` });
    } else if (seen.has(name)) {
      problems.push({ line: headerLine, message: `the column "${name}" appears twice` });
    }
    seen.add(name);
  }
  if (problems.length > 0) return { records: [], problems };

  const records: RawRecord[] = [];
  for (const { record, info } of body) {
    if (record.length !== columns.length) {
      problems.push({
        line: info.lines,
        message: `this row has ${record.length} cells, the header ${columns.length}`,
      });
      continue;
    }
    const value: Record<string, unknown> = { data: {} };
    let bad: LineProblem | null = null;
    columns.forEach((column, index) => {
      const cell = record[index] ?? '';
      if (cell === '') return;
      if (column === 'id') value.id = cell;
      else if (column === 'gold') {
        const gold = parseJson(cell);
        if (gold.ok) value.gold = gold.value;
        else bad ??= { line: info.lines, field: 'gold', message: gold.message };
      } else setPath(value.data as Record<string, unknown>, column.split('.'), cell);
    });
    if (bad) problems.push(bad);
    else records.push({ line: info.lines, value, fromCsv: true });
  }
  return { records, problems };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let cursor = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      cursor[key] = value;
      return;
    }
    const next = cursor[key];
    if (typeof next !== 'object' || next === null) cursor[key] = {};
    cursor = cursor[key] as Record<string, unknown>;
  });
}
