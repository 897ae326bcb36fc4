import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQueueServer } from '../../src/server/embed';
import type { ProjectSpecInput } from '../../src/shared/domain/project';
import { freePort, repoRoot, startTsx, type RunningProcess } from './processes';

export const HITTER = { username: 'awa', password: 'lome-2026-awa', displayName: 'Awa Mensah' };
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

/**
 * A central queue in its own process, as in production: seeded once (a HITer, an admin, the demo
 * moderation project with `itemCount` reviews), then served by the CLI on a fixed port so it can be
 * stopped and started again at the same address with the same data.
 */
export async function createQueueFixture(itemCount: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hitdesk-e2e-queue-'));
  const port = await freePort();
  const seeded = await startQueueServer({ dataDir, port: 0 });
  let projectId: string;
  try {
    await seeded.admin.createUser({ ...HITTER, role: 'hitter' });
    await seeded.admin.createUser({ ...ADMIN, displayName: 'Admin', role: 'admin' });
    const spec = JSON.parse(
      readFileSync(join(repoRoot, 'resources/demo/project.json'), 'utf8'),
    ) as ProjectSpecInput;
    projectId = (await seeded.admin.createProject(spec)).id;
    const lines = readFileSync(join(repoRoot, 'resources/demo/reviews.jsonl'), 'utf8').trim().split('\n');
    await seeded.admin.importJsonl(projectId, lines.slice(0, itemCount).join('\n'));
  } finally {
    await seeded.close();
  }

  const url = `http://127.0.0.1:${port}`;
  let running: RunningProcess | null = null;
  return {
    url,
    projectId,
    dataDir,
    async start() {
      running = await startTsx(
        'src/server/cli.ts',
        ['serve', '--data-dir', dataDir, '--port', String(port), '--quiet'],
        {
          ready: /listening on http/,
        },
      );
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    /** The project's results as the client would fetch them, through the public API. */
    async results() {
      const signIn = await fetch(`${url}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const { token } = (await signIn.json()) as { token: string };
      const response = await fetch(`${url}/v1/projects/${projectId}/results`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return (
        (await response.json()) as { results: Array<{ taskId: string; answer: unknown; status: string }> }
      ).results;
    },
  };
}

/** The workstation in browser mode, in its own process with its own laptop folder. */
export async function startBrowserModeWorkstation(serverUrl: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hitdesk-e2e-laptop-'));
  const web = await startTsx(
    'src/main/web/cli.ts',
    ['--data-dir', dataDir, '--server-url', serverUrl, '--port', '0', '--demo-port', '0'],
    { ready: /running at (http:\/\/\S+)/ },
  );
  return { url: web.match[1] as string, dataDir, stop: () => web.stop() };
}
