import type { Result } from '../queue/results';

/** One result a line, as the results endpoint gives it. */
export function resultsToJsonl(results: readonly Result[]): string {
  return results.map((result) => `${JSON.stringify(result)}\n`).join('');
}

const FIXED_COLUMNS = [
  'submission_id',
  'task_id',
  'item_id',
  'external_id',
  'worker',
  'status',
  'review_status',
  'version',
  'received_at',
];

/**
 * A spreadsheet-ready CSV (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads accents right). Each
 * field of the answers gets its own column, whatever the task kind: `answer.<field>`, and nested
 * objects are spread the same way (a form's `values` give `answer.values.<field>`, one column per
 * field); lists stay JSON in their cell. `answer_json` keeps the whole answer.
 */
export function resultsToCsv(results: readonly Result[]): string {
  const flat = results.map((result) => flatten(result.answer, 'answer'));
  const answerColumns = [...new Set(flat.flatMap((cells) => [...cells.keys()]))].sort();
  const header = [...FIXED_COLUMNS, ...answerColumns, 'answer_json'];
  const rows = results.map((result, index) => {
    const cells = flat[index] as Map<string, unknown>;
    return [
      result.submissionId,
      result.taskId,
      result.itemId,
      result.externalId ?? '',
      result.worker,
      result.status,
      result.reviewStatus ?? '',
      result.version ?? 1,
      result.receivedAt,
      ...answerColumns.map((column) => cells.get(column) ?? ''),
      JSON.stringify(result.answer),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `{values: {title: "x"}}` → `answer.values.title` = "x": plain objects spread, anything else one cell. */
function flatten(value: unknown, prefix: string, into = new Map<string, unknown>()): Map<string, unknown> {
  if (!isPlainObject(value)) return into;
  for (const [key, inner] of Object.entries(value)) {
    const column = `${prefix}.${key}`;
    if (isPlainObject(inner)) flatten(inner, column, into);
    else into.set(column, inner);
  }
  return into;
}

/** Quotes when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value === null || value === undefined) text = '';
  else text = JSON.stringify(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
