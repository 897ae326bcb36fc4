/**
 * The Electron app itself: launch, the demo end to end, and the window's refusals. Runs with
 * `npm run test:electron` wherever the Electron binary exists (not on this project's CI machine,
 * which cannot download it; `npm test` says so when it skips this).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';
import { repoRoot } from '../helpers/processes';

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  const binary = findElectronBinary(repoRoot);
  if (!('path' in binary)) throw new Error(`Electron E2E needs the Electron binary: ${binary.missing}`);
  userData = mkdtempSync(join(tmpdir(), 'hitdesk-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: [join(repoRoot, 'out/main/index.js')],
    env: {
      ...process.env,
      HITDESK_USER_DATA_DIR: userData,
      HITDESK_DEMO_PORT: '0',
      HITDESK_DISABLE_UPDATES: '1',
    },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

test('launches on the app origin with a sandboxed renderer', async () => {
  await expect(page).toHaveTitle(/HITdesk/);
  expect(page.url()).toMatch(/^app:\/\/hitdesk\//);
  const exposed = await page.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as { hitdesk: object }).hitdesk).sort(),
    require: typeof (globalThis as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ bridge: ['call', 'on'], require: 'undefined', process: 'undefined' });
  const refused = await page.evaluate(() =>
    (globalThis as unknown as { hitdesk: { call(n: string, i: unknown): Promise<unknown> } }).hitdesk.call(
      'fs.readFile',
      { path: '/etc/passwd' },
    ),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
});

test('runs the demo: sign in, take tasks, moderate one', async () => {
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();
  await page.getByRole('button', { name: 'Take tasks' }).click();
  await expect(page.getByText(/tasks? taken/)).toBeVisible();
  await page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button').first().click();
  await page.getByRole('button', { name: /^Approve/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Here is the next task|Well done/)).toBeVisible();
});

test('refuses navigation to other origins and new windows', async () => {
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.org/';
  });
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(before);

  await page.evaluate(() => {
    const open = (globalThis as unknown as { open(url: string): unknown }).open;
    open('file:///etc/passwd');
    open('about:blank');
  });
  await page.waitForTimeout(1_000);
  expect(app.windows()).toHaveLength(1);
});
