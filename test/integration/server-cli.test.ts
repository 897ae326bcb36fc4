import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/server/settings';
import { FIXTURE_IMAGES, imageProjectSpec } from '../helpers/queue-projects';
import { openQueueDatabase } from '../../src/server/db/open';
import { leaseTasks } from '../../src/server/queue/leases';
import { submitAnswer } from '../../src/server/queue/submissions';
import { findUserByUsername } from '../../src/server/queue/users';
import { runCli } from '../../src/server/cli/run';
import {
  BACKENDS,
  freshDatabase,
  reviewLines,
  TEXT_MODERATION_SPEC,
  type BackendName,
  type DatabaseTarget,
} from './server-harness';

const TSX_CLI = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const CLI = join(process.cwd(), 'src/server/cli.ts');

type Run = { code: number | null; stdout: string; stderr: string };

/** `npx tsx src/server/cli.ts …`, without npx's own start-up cost. */
function startCli(args: string[]): ChildProcess {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.HITDESK_DATA_DIR;
  return spawn(process.execPath, [TSX_CLI, CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (args: string[]) => finished(startCli(args));

/** A fresh database, the CLI options that name it, and a folder for the files a test writes. */
async function cliDatabase(backend: BackendName, folderPrefix: string) {
  const target = await freshDatabase(backend);
  const db =
    'dataDir' in target.options
      ? ['--data-dir', target.options.dataDir]
      : ['--database-url', target.options.databaseUrl, '--media-store', target.options.mediaDir];
  return { target, db, files: await mkdtemp(join(tmpdir(), folderPrefix)) };
}

async function dropCliDatabase(target: DatabaseTarget | undefined, files: string | undefined) {
  await target?.cleanup();
  if (files) await rm(files, { recursive: true, force: true });
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`queue CLI [${backend.name}]`, () => {
    let target: DatabaseTarget;
    let files: string;
    let db: string[];
    beforeAll(async () => {
      ({ target, db, files } = await cliDatabase(backend.name, 'hitdesk-cli-'));
    }, 120_000);
    afterAll(() => dropCliDatabase(target, files));

    it('creates a user, a project, imports, refuses a bad file by line, and exports', async () => {
      const user = await cli([
        'user:create',
        ...db,
        '--username',
        'Kafui',
        '--password',
        'secret-pass',
        '--role',
        'hitter',
        '--display-name',
        'Kafui A.',
      ]);
      expect(user.stderr).toBe('');
      expect(user.code).toBe(0);
      expect(user.stdout).toMatch(/created hitter "kafui" \(Kafui A\.\), id [0-9a-f-]{36}/);

      const badRole = await cli([
        'user:create',
        ...db,
        '--username',
        'x1',
        '--password',
        'secret-pass',
        '--role',
        'boss',
      ]);
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toContain('--role must be one of hitter, trainer, supervisor, admin');

      const specFile = join(files, 'spec.json');
      // No review sampling: exports hold only accepted answers, and this test checks what they hold.
      await writeFile(specFile, JSON.stringify({ ...TEXT_MODERATION_SPEC, reviewRate: 0 }));
      const project = await cli(['project:create', ...db, '--file', specFile]);
      expect(project.code).toBe(0);
      const projectId = project.stdout.trim();
      expect(projectId).toMatch(/^[0-9a-f-]{36}$/);

      const badSpecFile = join(files, 'bad-spec.json');
      await writeFile(badSpecFile, JSON.stringify({ ...TEXT_MODERATION_SPEC, config: { reasons: [] } }));
      const badSpec = await cli(['project:create', ...db, '--file', badSpecFile]);
      expect(badSpec.code).toBe(1);
      expect(badSpec.stderr).toContain(`${badSpecFile}: config.reasons:`);

      const itemsFile = join(files, 'items.jsonl');
      await writeFile(itemsFile, reviewLines(3));
      const imported = await cli(['import', ...db, '--project', projectId, '--file', itemsFile]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toBe('imported 3 items, 3 tasks created\n');

      const badFile = join(files, 'bad.jsonl');
      await writeFile(
        badFile,
        '{"id":"n1","data":{"text":"fine"}}\n{"id":"n2","data":{"text":"","rating":3}}\n',
      );
      const refused = await cli(['import', ...db, '--project', projectId, '--file', badFile, '--strict']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${badFile}: line 2: data.text: `);
      expect(refused.stdout).toBe('');
      const partial = await cli(['import', ...db, '--project', projectId, '--file', badFile]);
      expect(partial.code).toBe(1);
      expect(partial.stdout).toBe('imported 1 item, 1 task created\n');
      expect(partial.stderr).toContain(`${badFile}: line 2: data.text: `);
      expect(partial.stderr).toContain('1 line rejected: fix them and run the same command again');
      const resumed = await cli(['import', ...db, '--project', projectId, '--file', itemsFile]);
      expect(resumed.stdout).toBe('imported 0 items, 0 tasks created; 3 already imported, skipped\n');

      // Kafui does two tasks (directly on the database: the CLI has no HITer commands).
      const database = await openQueueDatabase(target.options);
      try {
        const worker = await findUserByUsername(database, 'kafui');
        if (!worker) throw new Error('kafui missing');
        const tasks = await leaseTasks(
          database,
          worker.id,
          { count: 2, projectId },
          { maxOutstandingLeases: 200 },
        );
        for (const [index, task] of tasks.entries()) {
          await submitAnswer(
            database,
            worker.id,
            {
              taskId: task.taskId,
              leaseEpoch: task.leaseEpoch,
              idempotencyKey: `cli-test-key-${index}-0000`,
              answer: index === 0 ? { decision: 'approve' } : { decision: 'reject', reason: 'spam' },
            },
            resolveSettings(),
          );
        }
      } finally {
        await database.close();
      }

      const jsonl = await cli(['export', ...db, '--project', projectId]);
      expect(jsonl.code).toBe(0);
      const results = jsonl.stdout
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              externalId: string;
              worker: string;
              answer: { decision: string; reason?: string };
            },
        );
      expect(
        results.map((result) => [
          result.externalId,
          result.worker,
          result.answer.decision,
          result.answer.reason,
        ]),
      ).toEqual([
        ['rev-1', 'kafui', 'approve', undefined],
        ['rev-2', 'kafui', 'reject', 'spam'],
      ]);

      const csvFile = join(files, 'results.csv');
      const csv = await cli(['export', ...db, '--project', projectId, '--format', 'csv', '--out', csvFile]);
      expect(csv.code).toBe(0);
      expect(csv.stderr).toMatch(new RegExp(`exported \\d+ bytes \\(csv\\) to ${csvFile}`));
      const lines = (await readFile(csvFile, 'utf8')).split('\r\n');
      expect(lines[0]).toContain(
        'external_id,worker,status,review_status,version,received_at,answer.decision',
      );
      const zipless = await cli(['export', ...db, '--project', projectId, '--format', 'yolo']);
      expect(zipless.code).toBe(2);
      expect(zipless.stderr).toContain('writes a zip file: give --out');
      const unsuited = await cli([
        'export',
        ...db,
        '--project',
        projectId,
        '--format',
        'coco',
        '--out',
        csvFile,
      ]);
      expect(unsuited.code).toBe(1);
      expect(unsuited.stderr).toContain('coco does not suit a text_moderation project');
      expect(lines[2]).toContain(',rev-2,kafui,accepted,');
    }, 240_000);

    it('imports an image project with a folder of photos, naming a missing file by line', async () => {
      const specFile = join(files, 'image-project.json');
      await writeFile(specFile, JSON.stringify(imageProjectSpec('CLI photos')));
      const created = await cli(['project:create', ...db, '--file', specFile]);
      expect(created.code).toBe(0);
      const projectId = created.stdout.trim();
      const lines = join(files, 'photos.jsonl');
      await writeFile(
        lines,
        [
          { id: 'cat', data: { image: 'chelsea.png' } },
          { id: 'rocket', data: { image: 'rocket.jpg' } },
          { id: 'ghost', data: { image: 'nowhere.png' } },
        ]
          .map((line) => JSON.stringify(line))
          .join('\n'),
      );
      const mediaDir = join(process.cwd(), 'test/fixtures/media');
      const imported = await cli([
        'import',
        ...db,
        '--project',
        projectId,
        '--file',
        lines,
        '--media-dir',
        mediaDir,
      ]);
      expect(imported.code).toBe(1);
      expect(imported.stdout).toBe('imported 2 items, 2 tasks created\n');
      expect(imported.stderr).toContain(`${lines}: line 3: data.image: no file "nowhere.png"`);
      const again = await cli([
        'import',
        ...db,
        '--project',
        projectId,
        '--file',
        lines,
        '--media-dir',
        mediaDir,
      ]);
      expect(again.stdout).toBe('imported 0 items, 0 tasks created; 2 already imported, skipped\n');
    }, 120_000);

    it(
      'serves until SIGTERM, and while it holds a PGlite folder other commands say so',
      { timeout: 120_000 },
      async () => {
        const server = startCli(['serve', ...db, '--port', '0', '--quiet']);
        const outcome = finished(server);
        const url = await new Promise<string>((resolve, reject) => {
          let seen = '';
          server.stdout?.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            const match = /listening on (http:\/\/\S+)/.exec(seen);
            if (match?.[1]) resolve(match[1]);
          });
          void outcome.then((run) => reject(new Error(`serve exited early: ${run.stderr}`)));
        });
        try {
          const health = await fetch(`${url}/v1/health`);
          expect(health.status).toBe(200);
          if (backend.name === 'pglite') {
            const blocked = await cli([
              'user:create',
              ...db,
              '--username',
              'late',
              '--password',
              'secret-pass',
            ]);
            expect(blocked.code).toBe(1);
            expect(blocked.stderr).toContain('another HITdesk queue server is using');
          }
        } finally {
          server.kill('SIGTERM');
        }
        const run = await outcome;
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('stopped');
      },
    );
  });
}

/** The CLI in this process (the same runCli as the binary): exit code and what it printed. */
async function cliHere(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env: {},
  });
  return { code, stdout, stderr };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`queue CLI operator commands [${backend.name}]`, () => {
    let target: DatabaseTarget;
    let files: string;
    let db: string[];
    beforeAll(async () => {
      ({ target, db, files } = await cliDatabase(backend.name, 'hitdesk-cli-ops-'));
    }, 120_000);
    afterAll(() => dropCliDatabase(target, files));

    /** Runs `work` on the database between CLI commands (PGlite allows one opener at a time). */
    async function onDatabase<T>(
      work: (database: Awaited<ReturnType<typeof openQueueDatabase>>) => Promise<T>,
    ): Promise<T> {
      const database = await openQueueDatabase(target.options);
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    }

    it(
      'runs a project from the console: centres, users in them, pause, review verdicts, sweep, impact, balances',
      { timeout: 180_000 },
      async () => {
        // Centres and people in them.
        const centre = await cliHere(['centre:create', ...db, '--name', 'Lomé Bè', '--country', 'TG']);
        expect(centre.code).toBe(0);
        const centreId = centre.stdout.trim();
        expect(centreId).toMatch(/^[0-9a-f-]{36}$/);
        expect((await cliHere(['centre:create', ...db, '--name', 'Bad', '--country', 'tg'])).code).toBe(2);
        expect((await cliHere(['centre:create', ...db, '--name', 'Lomé Bè', '--country', 'TG'])).code).toBe(
          1,
        );

        const person = (username: string, ...extra: string[]) =>
          cliHere(['user:create', ...db, '--username', username, '--password', 'secret-pass', ...extra]);
        const supervisor = await person('sena', '--role', 'supervisor', '--centre', 'Lomé Bè');
        expect(supervisor.stdout).toMatch(/created supervisor "sena" \(sena\) in Lomé Bè \(TG\), id /);
        const hitter = await person('afi', '--centre', centreId, '--skills', 'moderation_fr, spam');
        expect(hitter.code).toBe(0);
        expect(
          (await person('koffi', '--role', 'trainer', '--centre', 'Lomé Bè', '--country', 'TG')).code,
        ).toBe(0);
        const moroni = await person('nadia', '--centre', 'Moroni', '--country', 'KM');
        expect(moroni.stdout).toContain('in Moroni (KM)');
        const wrongCountry = await person('x2', '--centre', 'Lomé Bè', '--country', 'FR');
        expect(wrongCountry.code).toBe(1);
        expect(wrongCountry.stderr).toContain('is in TG, not FR');
        expect((await person('x3', '--centre', 'Nowhere')).code).toBe(1);
        expect((await person('x4', '--skills', 'Not A Code')).code).toBe(2);
        const people = await onDatabase((database) =>
          database.query<{ username: string; role: string; country: string | null; skills: string[] }>(
            `SELECT u.username, u.role, c.country, u.skills FROM users u LEFT JOIN centres c ON c.id = u.centre_id
             ORDER BY u.username`,
          ),
        );
        expect(people).toEqual([
          { username: 'afi', role: 'hitter', country: 'TG', skills: ['moderation_fr', 'spam'] },
          { username: 'koffi', role: 'trainer', country: 'TG', skills: [] },
          { username: 'nadia', role: 'hitter', country: 'KM', skills: [] },
          { username: 'sena', role: 'supervisor', country: 'TG', skills: [] },
        ]);

        // A project, paused and resumed: leasing honours it.
        const specFile = join(files, 'spec.json');
        await writeFile(
          specFile,
          JSON.stringify({ ...TEXT_MODERATION_SPEC, priceCents: 100, reviewRate: 1, overlap: 1 }),
        );
        const projectId = (await cliHere(['project:create', ...db, '--file', specFile])).stdout.trim();
        const itemsFile = join(files, 'items.jsonl');
        await writeFile(itemsFile, reviewLines(5));
        expect((await cliHere(['import', ...db, '--project', projectId, '--file', itemsFile])).code).toBe(0);
        expect((await cliHere(['project:pause', ...db, '--project', projectId])).code).toBe(0);
        expect((await cliHere(['project:list', ...db])).stdout).toMatch(
          new RegExp(`^${projectId}  text_moderation +paused  0/5  Test reviews\n$`),
        );
        const afi = await onDatabase(async (database) => findUserByUsername(database, 'afi'));
        if (!afi) throw new Error('afi missing');
        const limits = { maxOutstandingLeases: 200 };
        await onDatabase(async (database) => {
          await expect(leaseTasks(database, afi.id, { count: 5, projectId }, limits)).rejects.toThrow(
            /paused/,
          );
          expect(await leaseTasks(database, afi.id, { count: 5 }, limits)).toEqual([]);
        });
        expect((await cliHere(['project:resume', ...db, '--project', projectId])).code).toBe(0);
        const listed = JSON.parse((await cliHere(['project:list', ...db, '--json'])).stdout) as Array<{
          id: string;
          active: boolean;
        }>;
        expect(listed).toEqual([expect.objectContaining({ id: projectId, active: true })]);
        expect((await cliHere(['project:pause', ...db, '--project', 'no-such-project'])).code).toBe(1);

        // Afi does the five tasks; every one waits for review (review rate 1).
        const submissionIds = await onDatabase(async (database) => {
          const tasks = await leaseTasks(database, afi.id, { count: 5, projectId }, limits);
          expect(tasks).toHaveLength(5);
          const ids: string[] = [];
          for (const [index, task] of tasks.slice(0, 4).entries()) {
            const outcome = await submitAnswer(
              database,
              afi.id,
              {
                taskId: task.taskId,
                leaseEpoch: task.leaseEpoch,
                idempotencyKey: `ops-test-key-${index}-0000`,
                answer: { decision: 'approve' },
              },
              resolveSettings(),
            );
            ids.push(outcome.submissionId);
          }
          // The fifth lease runs out; the fourth answer waits past its auto-accept delay.
          await database.query(
            `UPDATE tasks SET lease_expires_at = now() - interval '1 minute' WHERE id = $1`,
            [tasks[4]?.taskId],
          );
          await database.query(
            `UPDATE submissions SET auto_accept_at = now() - interval '1 minute' WHERE id = $1`,
            [ids[3]],
          );
          return ids;
        });
        const [accepted, rejected, corrected, autoAccepted] = submissionIds as [
          string,
          string,
          string,
          string,
        ];

        const queued = await cliHere(['review:list', ...db, '--reviewer', 'sena', '--project', projectId]);
        expect(queued.code).toBe(0);
        const entries = JSON.parse(queued.stdout) as Array<{ submissionId: string; reviewReason: string }>;
        expect(entries.map((entry) => [entry.submissionId, entry.reviewReason])).toEqual(
          submissionIds.map((id) => [id, 'sample']),
        );
        const elsewhere = await cliHere(['review:list', ...db, '--reviewer', 'nadia']);
        expect(JSON.parse(elsewhere.stdout)).toEqual([]);
        expect((await cliHere(['review:list', ...db, '--reason', 'whim'])).code).toBe(2);

        const verdict = (submission: string, ...extra: string[]) =>
          cliHere(['review:verdict', ...db, '--submission', submission, '--reviewer', 'sena', ...extra]);
        expect((await verdict(accepted, '--verdict', 'accept')).stdout).toBe(
          `accepted submission ${accepted} (version 1)\n`,
        );
        expect((await verdict(rejected, '--verdict', 'reject')).code).toBe(2);
        const rejectedRun = await verdict(rejected, '--verdict', 'reject', '--reason', 'wrong_decision');
        expect(rejectedRun.stdout).toBe(`rejected submission ${rejected} (version 1)\n`);
        expect((await verdict(corrected, '--verdict', 'correct')).code).toBe(2);
        const answerFile = join(files, 'answer.json');
        await writeFile(answerFile, JSON.stringify({ decision: 'reject', reason: 'nope' }));
        const badAnswer = await verdict(corrected, '--verdict', 'correct', '--file', answerFile);
        expect(badAnswer.code).toBe(1);
        expect(badAnswer.stderr).toContain('correctedAnswer.reason');
        await writeFile(answerFile, JSON.stringify({ decision: 'reject', reason: 'spam' }));
        expect((await verdict(corrected, '--verdict', 'correct', '--file', answerFile)).stdout).toBe(
          `corrected submission ${corrected} (version 2)\n`,
        );
        expect((await verdict(accepted, '--verdict', 'accept')).code).toBe(1); // already judged
        const byHitter = await cliHere([
          'review:verdict',
          ...db,
          '--submission',
          autoAccepted,
          '--reviewer',
          'afi',
          '--verdict',
          'accept',
        ]);
        expect(byHitter.code).toBe(1);
        expect(byHitter.stderr).toContain('afi is a hitter');

        const swept = await cliHere(['sweep', ...db]);
        expect(swept.code).toBe(0);
        expect(swept.stdout).toBe(
          'released 1 expired leases, auto-accepted 1 submissions, dropped 0 stale uploads\n',
        );
        const after = await onDatabase((database) =>
          database.query<{ id: string; review_status: string }>(
            'SELECT id, review_status FROM submissions WHERE project_id = $1 ORDER BY seq',
            [projectId],
          ),
        );
        expect(after.map((row) => row.review_status)).toEqual([
          'accepted',
          'rejected',
          'corrected',
          'accepted',
        ]);

        const impact = await cliHere(['impact', ...db, '--project', projectId]);
        expect(impact.code).toBe(0);
        expect(JSON.parse(impact.stdout)).toMatchObject({
          projectId,
          currency: 'EUR',
          workers: 1,
          countries: [{ country: 'TG', workers: 1 }],
          tasksAccepted: 3,
          paidToWorkersCents: 180,
          helpProgrammeCents: 15,
        });
        const configFile = join(files, 'deployment.json');
        await writeFile(configFile, JSON.stringify({ currency: 'XOF' }));
        const balances = await cliHere(['balances', ...db, '--user', 'afi', '--config', configFile]);
        expect(balances.code).toBe(0);
        expect(JSON.parse(balances.stdout)).toEqual({
          userId: afi.id,
          username: 'afi',
          currency: 'XOF',
          pendingCents: 0,
          acceptedCents: 180,
          paidCents: 0,
        });
        expect((await cliHere(['balances', ...db, '--user', 'nobody'])).code).toBe(1);
        expect((await cliHere(['impact', ...db, '--project', 'nope'])).code).toBe(1);
      },
    );

    it('imports a bare folder of photos: one item per file, again without duplicates', async () => {
      const specFile = join(files, 'folder-project.json');
      await writeFile(specFile, JSON.stringify(imageProjectSpec('CLI folder')));
      const projectId = (await cliHere(['project:create', ...db, '--file', specFile])).stdout.trim();
      const folder = join(files, 'photos');
      await mkdir(join(folder, 'day-2'), { recursive: true });
      const fixtures = join(process.cwd(), 'test/fixtures/media');
      await copyFile(join(fixtures, 'chelsea.png'), join(folder, 'chelsea.png'));
      await copyFile(join(fixtures, 'rocket.jpg'), join(folder, 'day-2', 'rocket.jpg'));
      await writeFile(join(folder, 'notes.txt'), 'not a photo');
      await writeFile(join(folder, 'song.mp3'), Buffer.from('ID3 not really'));
      const args = ['import', ...db, '--project', projectId, '--media-dir', folder];
      const first = await cliHere(args);
      expect(first.code).toBe(1);
      expect(first.stdout).toBe('imported 2 items, 2 tasks created\n');
      expect(first.stderr).toContain(`${folder}/song.mp3: data.image:`);
      const again = await cliHere(args);
      expect(again.stdout).toBe('imported 0 items, 0 tasks created; 2 already imported, skipped\n');
      const items = await onDatabase((database) =>
        database.query<{ external_id: string; media_names: unknown }>(
          'SELECT external_id, media_names FROM items WHERE project_id = $1 ORDER BY external_id',
          [projectId],
        ),
      );
      expect(items).toEqual([
        { external_id: 'chelsea.png', media_names: { image: 'chelsea.png' } },
        { external_id: 'day-2/rocket.jpg', media_names: { image: 'day-2/rocket.jpg' } },
      ]);

      await writeFile(specFile, JSON.stringify({ ...TEXT_MODERATION_SPEC, name: 'Not media' }));
      const textProject = (await cliHere(['project:create', ...db, '--file', specFile])).stdout.trim();
      const unsuited = await cliHere(['import', ...db, '--project', textProject, '--media-dir', folder]);
      expect(unsuited.code).toBe(1);
      expect(unsuited.stderr).toContain('needs more than a media file');
      expect((await cliHere(['import', ...db, '--project', projectId])).code).toBe(2);
    });
  });
}

describe('queue CLI operator commands: help', () => {
  it('documents every command, and the four roles', async () => {
    const overview = await cliHere(['--help']);
    for (const name of [
      'centre:create',
      'project:list',
      'project:pause',
      'project:resume',
      'review:list',
      'review:verdict',
      'impact',
      'balances',
      'sweep',
    ]) {
      expect(overview.stdout).toContain(`  ${name}`);
      const help = await cliHere([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toContain(`Usage: hitdesk-server ${name}`);
    }
    const userHelp = await cliHere(['user:create', '--help']);
    expect(userHelp.stdout).toContain('hitter|trainer|supervisor|admin');
    expect(userHelp.stdout).toContain('--centre <id|name>');
    expect(userHelp.stdout).toContain('--skills <a,b>');
    expect((await cliHere(['review:verdict', '--reviewer', 'x'])).code).toBe(2);
    expect((await cliHere(['project:pause'])).code).toBe(2);
  });
});

describe('queue CLI usage', () => {
  it('explains its usage', async () => {
    const help = await cli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--project <id>');
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const missing = await cli(['import', '--file', 'x.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--project is required');
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`queue CLI project instructions [${backend.name}]`, () => {
    let target: DatabaseTarget;
    let files: string;
    let db: string[];
    beforeAll(async () => {
      ({ target, db, files } = await cliDatabase(backend.name, 'hitdesk-cli-examples-'));
    }, 120_000);
    afterAll(() => dropCliDatabase(target, files));

    it('stores the example images the instructions name in the media folder and points them at the stored files', async () => {
      await mkdir(join(files, 'examples'));
      await copyFile(FIXTURE_IMAGES.rocket, join(files, 'examples', 'rocket.jpg'));
      await writeFile(join(files, 'notes.txt'), 'not an image');
      const spec = (instructions: string) => JSON.stringify({ ...imageProjectSpec(), instructions });
      const specFile = join(files, 'spec.json');
      await writeFile(
        specFile,
        spec(
          '# Rockets\n![A rocket on its pad](examples/rocket.jpg)\n![Elsewhere](https://example.org/r.png)',
        ),
      );

      const noFolder = await cliHere(['project:create', ...db, '--file', specFile]);
      expect(noFolder.code).toBe(1);
      expect(noFolder.stderr).toContain('instructions, line 2: "examples/rocket.jpg" is a file name');

      const created = await cliHere(['project:create', ...db, '--file', specFile, '--media-dir', files]);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const rocket = createHash('sha256')
        .update(await readFile(FIXTURE_IMAGES.rocket))
        .digest('hex');
      const database = await openQueueDatabase(target.options);
      try {
        const [project] = await database.query<{ instructions: string }>(
          'SELECT instructions FROM projects WHERE id = $1',
          [created.stdout.trim()],
        );
        expect(project?.instructions).toBe(
          `# Rockets\n![A rocket on its pad](/media/${rocket})\n![Elsewhere](https://example.org/r.png)`,
        );
        const linked = await database.query('SELECT sha256 FROM project_media WHERE project_id = $1', [
          created.stdout.trim(),
        ]);
        expect(linked).toEqual([{ sha256: rocket }]);
      } finally {
        await database.close();
      }

      for (const [line, message] of [
        ['![Gone](examples/missing.jpg)', 'no file "examples/missing.jpg" in the media folder'],
        ['![Notes](notes.txt)', '"notes.txt"'],
        ['![Out](../outside.png)', '"../outside.png" must be a path inside the media folder'],
      ] as const) {
        await writeFile(specFile, spec(line));
        const refused = await cliHere(['project:create', ...db, '--file', specFile, '--media-dir', files]);
        expect(refused.code, line).toBe(1);
        expect(refused.stderr, line).toContain(`instructions, line 1: ${message}`);
      }
    });
  });
}
