import { REVIEW_REASONS, verdictRequestSchema } from '../../shared/protocol/review';
import { resolveSettings } from '../settings';
import { invalidInputFromZod } from '../errors';
import { isProjectId, noSuchProject } from '../queue/projects';
import { reviewQueue, reviewSubmission } from '../review/verdicts';
import { CliError, optionalString, requireString, type Command } from './command';
import {
  CONSOLE_ADMIN,
  configHelp,
  configOption,
  printJson,
  readJsonFile,
  settingsFrom,
  viewerOf,
} from './cli-support';
import { databaseHelp, databaseOptions, withDatabase } from './database-options';

const MAX_LIST = 1000;

export const reviewList: Command = {
  name: 'review:list',
  summary: 'print the submissions waiting for a verdict (JSON), oldest first',
  usage: `review:list [--reviewer <username>] [--project <id>] [--reason ${REVIEW_REASONS.join('|')}] [--limit 100]`,
  help: [
    '--reviewer <username>  what this supervisor sees (their centre, never their own work); default: everything',
    '--project <id>         one project only',
    `--reason <reason>      ${REVIEW_REASONS.join(' | ')}`,
    `--limit <n>            at most n submissions (1–${MAX_LIST}, default 100)`,
    ...databaseHelp,
  ],
  options: {
    ...databaseOptions,
    reviewer: { type: 'string' },
    project: { type: 'string' },
    reason: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(values, io) {
    const reason = optionalString(values, 'reason');
    if (reason !== undefined && !(REVIEW_REASONS as readonly string[]).includes(reason)) {
      throw new CliError(`--reason must be one of ${REVIEW_REASONS.join(', ')}`, 2);
    }
    const limitText = optionalString(values, 'limit') ?? '100';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_LIST) {
      throw new CliError(`--limit must be a whole number from 1 to ${MAX_LIST}`, 2);
    }
    const projectId = optionalString(values, 'project');
    const reviewer = optionalString(values, 'reviewer');
    const page = await withDatabase(values, io, async (db) => {
      if (projectId !== undefined && !isProjectId(projectId)) throw noSuchProject(projectId);
      const viewer = reviewer ? await viewerOf(db, reviewer) : CONSOLE_ADMIN;
      return reviewQueue(db, viewer, { projectId, reason, limit, after: 0 });
    });
    io.out(printJson(page.submissions));
    if (page.nextAfter !== null) io.err(`more are waiting: raise --limit or give verdicts first\n`);
    return 0;
  },
};

export const reviewVerdict: Command = {
  name: 'review:verdict',
  summary: 'give a verdict on a submission waiting for review (the worker learns it on their next sync)',
  usage:
    'review:verdict --submission <id> --reviewer <username> --verdict accept|reject|correct [--reason <code>] [--file <answer.json>] [--comment <text>]',
  help: [
    '--submission <id>      the submission (see review:list)',
    '--reviewer <username>  the supervisor (same centre as the worker) or admin giving the verdict',
    '--verdict <verdict>    accept (pay moves to accepted); reject (needs --reason; the item is reopened);',
    '                       correct (needs --file: the corrected answer, stored as a new version, paid as accepted)',
    '--reason <code>        why it is rejected, a code the app translates (wrong_label, missed_object…)',
    '--file <answer.json>   the corrected answer, checked like any answer of the kind; "-" for standard input',
    '--comment <text>       a note for the worker',
    ...configHelp,
    ...databaseHelp,
  ],
  options: {
    ...databaseOptions,
    ...configOption,
    submission: { type: 'string' },
    reviewer: { type: 'string' },
    verdict: { type: 'string' },
    reason: { type: 'string' },
    file: { type: 'string' },
    comment: { type: 'string' },
  },
  async run(values, io) {
    const submissionId = requireString(values, 'submission');
    const reviewer = requireString(values, 'reviewer');
    const verdict = requireString(values, 'verdict');
    const file = optionalString(values, 'file');
    if (verdict === 'correct' && !file) throw new CliError('--verdict correct needs --file <answer.json>', 2);
    if (verdict !== 'correct' && file) throw new CliError('--file goes with --verdict correct only', 2);
    const request = verdictRequestSchema.safeParse({
      verdict,
      reason: optionalString(values, 'reason'),
      comment: optionalString(values, 'comment'),
      correctedAnswer: file ? await readJsonFile(file) : undefined,
    });
    if (!request.success) throw new CliError(invalidInputFromZod(request.error).message, 2);
    if (request.data.verdict === 'reject' && !request.data.reason) {
      throw new CliError('--verdict reject needs --reason <code>', 2);
    }
    const settings = resolveSettings(await settingsFrom(values));
    const detail = await withDatabase(values, io, async (db) => {
      const viewer = await viewerOf(db, reviewer);
      if (viewer.role !== 'supervisor' && viewer.role !== 'admin') {
        throw new CliError(
          `${viewer.username} is a ${viewer.role}: verdicts are given by supervisors and admins`,
        );
      }
      return reviewSubmission(db, viewer, submissionId, request.data, settings.currency);
    });
    io.out(`${detail.reviewStatus} submission ${detail.submissionId} (version ${detail.version})\n`);
    return 0;
  },
};
