/**
 * Browser mode when the start-up checks refuse this laptop's data (a damaged file, a schema from a
 * newer HITdesk): the page still loads, and every call answers with a bridge code the renderer's
 * start and sign-in screens say in the HITer's language — nothing is written to the refused file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src/main/web/browser-mode';

let root: string;
let rendererDir: string;
let running: BrowserMode | null = null;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-startup-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HITdesk</title>');
});
afterEach(async () => {
  await running?.host.close();
  await running?.workstation.close();
  running = null;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(dataDir: string): Promise<BrowserMode> {
  running = await startBrowserMode({
    dataDir,
    resourcesDir: join(root, 'resources'),
    appVersion: '0.0.0-test',
    platform: process.platform,
    demoPort: 0,
    rendererDir,
    port: 0,
  });
  return running;
}

async function callBridge(mode: BrowserMode, name: string, input: unknown = null) {
  const response = await fetch(`${mode.host.url}/bridge/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
}

describe('browser mode refusing to open the laptop’s data', () => {
  it('serves the app and answers every call with storage_damaged for a damaged file, left untouched', async () => {
    const dataDir = join(root, 'damaged');
    mkdirSync(dataDir);
    const junk = Buffer.from('not a database '.repeat(500));
    writeFileSync(join(dataDir, 'workstation.db'), junk);

    const mode = await start(dataDir);
    expect(mode.refusal?.message).toMatch(/workstation\.db is damaged/);
    expect((await fetch(`${mode.host.url}/`)).status).toBe(200);
    const info = await callBridge(mode, 'app.info');
    expect(info).toMatchObject({ ok: true });
    for (const name of ['settings.get', 'session.get']) {
      expect(await callBridge(mode, name)).toMatchObject({
        ok: false,
        error: { code: 'storage_damaged', message: expect.stringMatching(/left it untouched/) },
      });
    }
    const signIn = await callBridge(mode, 'session.signIn', { username: 'amina', password: 'pw-123456' });
    expect(signIn.error?.code).toBe('storage_damaged');
    expect(readFileSync(join(dataDir, 'workstation.db')).equals(junk)).toBe(true);
  });

  it('answers storage_too_new for a file written by a newer HITdesk', async () => {
    const dataDir = join(root, 'newer');
    mkdirSync(dataDir);
    const db = new Database(join(dataDir, 'workstation.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('user_version = 999');
    db.close();

    const mode = await start(dataDir);
    const settings = await callBridge(mode, 'settings.get');
    expect(settings).toMatchObject({ ok: false, error: { code: 'storage_too_new' } });
    expect(settings.error?.message).toMatch(/schema version 999/);
    const check = new Database(join(dataDir, 'workstation.db'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('starts normally on sound data', async () => {
    const mode = await start(join(root, 'fresh'));
    expect(mode.refusal).toBeNull();
    expect(await callBridge(mode, 'settings.get')).toMatchObject({ ok: true });
  });
});
