import { expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQueueServer } from '../../src/server/embed';
import type { ProjectSpecInput } from '../../src/shared/domain/project';
import { ADMIN, HITTER } from '../helpers/queue-fixture';
import { freePort, repoRoot, startTsx, type RunningProcess } from '../helpers/processes';

export type ProjectFiles = {
  /** The project spec (JSON), relative to the repository. */
  project: string;
  /** The items (JSONL), relative to the repository. */
  items: string;
  /** A folder the items' media fields name files in (images for forms), relative to the repository. */
  mediaDir?: string;
};

/**
 * A central queue in its own process (as `createQueueFixture`, for any project): seeded once with
 * the HITer, an admin and the given project and items, then served by the CLI on a fixed port.
 */
export async function createProjectQueue(files: ProjectFiles) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hitdesk-e2e-queue-'));
  const port = await freePort();
  const seeded = await startQueueServer({ dataDir, port: 0 });
  let projectId: string;
  try {
    await seeded.admin.createUser({ ...HITTER, role: 'hitter' });
    await seeded.admin.createUser({ ...ADMIN, displayName: 'Admin', role: 'admin' });
    const spec = JSON.parse(readFileSync(join(repoRoot, files.project), 'utf8')) as ProjectSpecInput;
    projectId = (await seeded.admin.createProject(spec)).id;
    const jsonl = readFileSync(join(repoRoot, files.items), 'utf8');
    if (files.mediaDir) {
      const report = await seeded.admin.importFile(projectId, jsonl, {
        format: 'jsonl',
        mediaDir: join(repoRoot, files.mediaDir),
        strict: true,
      });
      if (report.imported === 0) throw new Error(`nothing imported from ${files.items}`);
    } else {
      await seeded.admin.importJsonl(projectId, jsonl);
    }
  } finally {
    await seeded.close();
  }

  const url = `http://127.0.0.1:${port}`;
  let running: RunningProcess | null = null;
  return {
    url,
    projectId,
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
    /** The project's results as the client fetches them, with the item's own id. */
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
        (await response.json()) as {
          results: Array<{ taskId: string; externalId: string | null; answer: unknown; status: string }>;
        }
      ).results;
    },
  };
}

/** Waits until the files of the tasks taken are on the laptop (before the queue goes away). */
export async function filesOnLaptop(page: Page) {
  await expect(page.locator('.download')).toContainText('All task files are on this laptop', {
    timeout: 60_000,
  });
}

/** Signs the HITer in on the laptop's page and takes `count` tasks (the queue must be up). */
export async function signInAndTake(page: Page, laptopUrl: string, count: number) {
  await page.goto(laptopUrl);
  await page.getByLabel('Username').fill(HITTER.username);
  await page.getByLabel('Password', { exact: true }).fill(HITTER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('How many tasks?').fill(String(count));
  await page.getByRole('button', { name: 'Take tasks' }).click();
  await expect(page.getByText(count === 1 ? '1 task taken.' : `${count} tasks taken.`)).toBeVisible();
}

/** Asks the laptop to send what waits, and waits until everything is sent. */
export async function syncUntilSent(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('.sync-status')).toContainText('Everything is sent', { timeout: 30_000 });
}
