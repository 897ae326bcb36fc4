/**
 * The failed tests of a vitest JSON report, in a few lines each: CI shows only the tail of a run,
 * so `npm test` repeats them under its summary instead of leaving them thousands of lines above.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

type Assertion = { status: string; fullName?: string; title: string; failureMessages?: string[] };
type FileResult = { name: string; status: string; message?: string; assertionResults?: Assertion[] };
type Report = { testResults?: FileResult[] };

const LINES_PER_FAILURE = 12;

export function vitestFailures(reportPath: string, root = process.cwd()): string[] {
  if (!existsSync(reportPath)) return [`(no vitest report at ${reportPath}: vitest did not finish)`];
  let report: Report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  } catch (error) {
    return [`(the vitest report ${reportPath} could not be read: ${(error as Error).message})`];
  }
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    const path = relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failed.length === 0 && file.status === 'failed') {
      lines.push(`✗ ${path}`, ...indent(file.message ?? 'the file failed to load or run'));
    }
    for (const assertion of failed) {
      lines.push(`✗ ${path} › ${assertion.fullName ?? assertion.title}`);
      lines.push(...indent((assertion.failureMessages ?? []).join('\n')));
    }
  }
  return lines;
}

function indent(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const kept = lines.slice(0, LINES_PER_FAILURE).map((line) => `    ${line}`);
  if (lines.length > LINES_PER_FAILURE)
    kept.push(`    … (${lines.length - LINES_PER_FAILURE} more lines in the vitest output above)`);
  return kept;
}
