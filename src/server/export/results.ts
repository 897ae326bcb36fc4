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
 * top-level field of the answers gets its own `answer.<field>` column, whatever the task kind;
 * `answer_json` keeps the whole answer.
 */
export function resultsToCsv(results: readonly Result[]): string {
  const answerKeys = [
    ...new Set(results.flatMap((result) => (isPlainObject(result.answer) ? Object.keys(result.answer) : []))),
  ].sort();
  const header = [...FIXED_COLUMNS, ...answerKeys.map((key) => `answer.${key}`), 'answer_json'];
  const rows = results.map((result) => {
    const answer = isPlainObject(result.answer) ? result.answer : {};
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
      ...answerKeys.map((key) => answer[key] ?? ''),
      JSON.stringify(result.answer),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
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
