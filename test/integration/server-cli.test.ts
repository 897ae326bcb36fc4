import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/server/settings';
import { imageProjectSpec } from '../helpers/queue-projects';
import { openQueueDatabase } from '../../src/server/db/open';
import { leaseTasks } from '../../src/server/queue/leases';
import { submitAnswer } from '../../src/server/queue/submissions';
import { findUserByUsername } from '../../src/server/queue/users';
import {
  BACKENDS,
  freshDatabase,
  reviewLines,
  TEXT_MODERATION_SPEC,
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

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`queue CLI [${backend.name}]`, () => {
    let target: DatabaseTarget;
    let files: string;
    let db: string[];
    beforeAll(async () => {
      target = await freshDatabase(backend.name);
      db =
        'dataDir' in target.options
          ? ['--data-dir', target.options.dataDir]
          : ['--database-url', target.options.databaseUrl, '--media-store', target.options.mediaDir];
      files = await mkdtemp(join(tmpdir(), 'hitdesk-cli-'));
    }, 120_000);
    afterAll(async () => {
      await target?.cleanup();
      await rm(files, { recursive: true, force: true });
    });

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
      await writeFile(specFile, JSON.stringify(TEXT_MODERATION_SPEC));
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
