import { impactReport } from '../pay/reports';
import { workerBalances } from '../queue/feedback';
import { isProjectId, noSuchProject } from '../queue/projects';
import { resolveSettings } from '../settings';
import { sweep } from '../sweeper';
import { requireString, type Command } from './command';
import { configHelp, configOption, printJson, settingsFrom, viewerOf } from './cli-support';
import { databaseHelp, databaseOptions, withDatabase, withServices } from './database-options';

export const impactCommand: Command = {
  name: 'impact',
  summary: "print a project's impact report for the client (JSON)",
  usage: 'impact --project <id> [--config <deployment.json>]',
  help: [
    '--project <id>         the project id',
    '                       (workers and their countries, tasks accepted, active hours, amounts paid to',
    '                       workers and to the help programme, training hours)',
    ...configHelp,
    ...databaseHelp,
  ],
  options: { ...databaseOptions, ...configOption, project: { type: 'string' } },
  async run(values, io) {
    const projectId = requireString(values, 'project');
    if (!isProjectId(projectId)) throw noSuchProject(projectId);
    const settings = resolveSettings(await settingsFrom(values));
    const report = await withDatabase(values, io, (db) => impactReport(db, settings, projectId));
    io.out(printJson(report));
    return 0;
  },
};

export const balancesCommand: Command = {
  name: 'balances',
  summary: "print a worker's balances (JSON): pending, accepted and paid, in cents",
  usage: 'balances --user <username|id> [--config <deployment.json>]',
  help: ['--user <username|id>   the worker', ...configHelp, ...databaseHelp],
  options: { ...databaseOptions, ...configOption, user: { type: 'string' } },
  async run(values, io) {
    const who = requireString(values, 'user');
    const settings = resolveSettings(await settingsFrom(values));
    const balances = await withDatabase(values, io, async (db) => {
      const user = await viewerOf(db, who);
      return { userId: user.id, username: user.username, ...(await workerBalances(db, settings, user.id)) };
    });
    io.out(printJson(balances));
    return 0;
  },
};

export const sweepCommand: Command = {
  name: 'sweep',
  summary:
    'run the housekeeping once: release expired leases, accept work unreviewed past its delay, drop stale uploads',
  usage: 'sweep [--config <deployment.json>]',
  help: [
    '(a running `serve` does this every sweepIntervalSeconds; this is for cron or a stopped server)',
    ...configHelp,
    ...databaseHelp,
  ],
  options: { ...databaseOptions, ...configOption },
  async run(values, io) {
    const report = await withServices(values, io, (services) => sweep(services), await settingsFrom(values));
    io.out(
      `released ${report.released} expired leases, auto-accepted ${report.autoAccepted} submissions, ` +
        `dropped ${report.uploadsDropped} stale uploads` +
        (report.analyzed.length > 0 ? `, refreshed the statistics of ${report.analyzed.join(', ')}` : '') +
        '\n',
    );
    return 0;
  },
};
