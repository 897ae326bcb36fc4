/**
 * Signing in on a shared laptop, online and offline, against a real queue on loopback: the queue
 * is authoritative when it answers, the local verifier when it does not, and two HITers on one
 * laptop never see or send each other's work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../src/shared/bridge/errors';
import { startQueueServer, type RunningQueueServer } from '../../src/server/embed';
import {
  MODERATION_SPEC,
  openWorkstation,
  reviewsJsonl,
  withProfileDb,
  type TestWorkstation,
} from '../helpers/workstation/workstation-harness';

const WAIT = { timeout: 20_000, interval: 50 };

// Starting a fresh PGlite queue is the slow part: one queue serves the whole file, restarted in place.
let root: string;
let queue: RunningQueueServer;
let port: number;
let projectId: string;
const PASSWORDS = {
  amina: 'amina-password',
  bea: 'bea-password',
  kofi: 'kofi-password',
  olga: 'olga-password',
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-sessions-'));
  queue = await startQueueServer({ dataDir: join(root, 'queue') });
  port = queue.port;
  for (const [username, password] of Object.entries(PASSWORDS)) {
    await queue.admin.createUser({ username, password, displayName: `Ms ${username}` });
  }
  projectId = (await queue.admin.createProject(MODERATION_SPEC)).id;
  await queue.admin.importJsonl(projectId, reviewsJsonl(16));
});
afterAll(async () => {
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

let ws: TestWorkstation | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

const resultsOf = async (worker: string) =>
  (await queue.admin.listResults(projectId)).filter((result) => result.worker === worker);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BridgeError);
  return (error as BridgeError).code;
}

describe('guards', () => {
  it('asks for a server, then for a sign-in', async () => {
    ws = await openWorkstation(join(root, 'laptop-guards'));
    const h = ws.handlers;
    expect(await h['settings.get'](undefined)).toEqual({ serverUrl: null, locale: null, demoRunning: false });
    expect(await codeOf(h['session.signIn']({ username: 'amina', password: 'whatever1' }))).toBe('no_server');
    expect(await h['session.get'](undefined)).toBeNull();
    for (const call of [
      () => h['tasks.list'](undefined),
      () => h['tasks.open']({ taskId: 'x' }),
      () => h['tasks.submit']({ taskId: 'x', answer: {} }),
      () => h['batch.take']({ count: 1 }),
      () => h['sync.status'](undefined),
      () => h['sync.now'](undefined),
    ]) {
      expect(await codeOf(call())).toBe('not_signed_in');
    }
    expect(await h['session.signOut'](undefined)).toBeNull();
    const info = await h['app.info'](undefined);
    expect(info).toEqual({ version: '0.0.0-test', mode: 'browser', platform: process.platform });
  });

  it('keeps the server while someone is signed in, and normalises it', async () => {
    ws = await openWorkstation(join(root, 'laptop-settings'));
    const h = ws.handlers;
    const settings = await h['settings.update']({ serverUrl: `${queue.url}/`, locale: 'fr' });
    expect(settings).toEqual({ serverUrl: queue.url, locale: 'fr', demoRunning: false });
    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    const error = h['settings.update']({ serverUrl: 'https://elsewhere.example' });
    await expect(error).rejects.toMatchObject({ code: 'invalid_input', field: 'serverUrl' });
    expect(await h['settings.update']({ locale: 'en' })).toMatchObject({
      serverUrl: queue.url,
      locale: 'en',
    });
    expect(await h['profiles.list'](undefined)).toEqual([
      { username: 'amina', displayName: 'Ms amina', serverUrl: queue.url },
    ]);
    expect(await codeOf(h['tasks.open']({ taskId: 'no-such-task' }))).toBe('not_found');
    expect(await codeOf(h['batch.take']({ count: 1, projectId: 'not-a-uuid' }))).toBe('invalid_input');
  });
});

describe('an expired session', () => {
  it('stops the push with session_expired, keeps the outbox, and resumes after an online sign-in', async () => {
    ws = await openWorkstation(join(root, 'laptop-expired'), { defaultServerUrl: queue.url });
    const h = ws.handlers;
    const session = await h['session.signIn']({ username: 'kofi', password: 'kofi-password' });
    const { tasks } = await h['batch.take']({ count: 2 });

    // The queue ends the session (as it would after 14 days, or when revoked).
    const token = withProfileDb(ws.dataDir, session.userId, (db) =>
      db.prepare("SELECT value FROM meta WHERE key = 'token'").pluck().get(),
    ) as string;
    const revoked = await fetch(`${queue.url}/v1/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(200);

    await h['tasks.submit']({ taskId: tasks[0]!.taskId, answer: { decision: 'approve' } });
    await vi.waitFor(
      async () => expect((await h['sync.status'](undefined)).lastError?.code).toBe('session_expired'),
      WAIT,
    );
    expect(await h['sync.status'](undefined)).toMatchObject({
      online: true,
      pendingCount: 1,
      nextRetryAt: null,
    });
    expect((await h['tasks.open']({ taskId: tasks[0]!.taskId })).summary.state).toBe('pending');
    expect(await codeOf(h['batch.take']({ count: 1 }))).toBe('session_expired');
    // The app says so instead of "your work will be sent": an online sign-in is needed.
    expect(await h['session.get'](undefined)).toMatchObject({ needsSignIn: true });
    expect(ws.events).toContainEqual({
      event: 'session.changed',
      payload: expect.objectContaining({ userId: session.userId, needsSignIn: true }),
    });
    // Work continues offline meanwhile.
    await h['tasks.submit']({ taskId: tasks[1]!.taskId, answer: { decision: 'reject', reason: 'spam' } });
    expect((await h['sync.status'](undefined)).pendingCount).toBe(2);
    expect(await resultsOf('kofi')).toEqual([]);

    const again = await h['session.signIn']({ username: 'kofi', password: 'kofi-password' });
    expect(again).toMatchObject({ offline: false, needsSignIn: false });
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).pendingCount).toBe(0), WAIT);
    const results = await resultsOf('kofi');
    expect(results.map((r) => r.taskId).sort()).toEqual(tasks.map((t) => t.taskId).sort());
    expect((await h['tasks.list'](undefined)).map((t) => t.state)).toEqual(['accepted', 'accepted']);
  });
});

describe('two HITers on one laptop', () => {
  it('never see each other’s tasks, and never send each other’s answers', async () => {
    ws = await openWorkstation(join(root, 'laptop-shared'), { defaultServerUrl: queue.url });
    const h = ws.handlers;

    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    const aminaTasks = (await h['batch.take']({ count: 2 })).tasks.map((t) => t.taskId);
    const bea = await h['session.signIn']({ username: 'bea', password: 'bea-password' });
    expect(await h['session.get'](undefined)).toEqual(bea);
    expect(await h['tasks.list'](undefined)).toEqual([]);
    const beaTasks = (await h['batch.take']({ count: 2 })).tasks.map((t) => t.taskId);
    expect(beaTasks.filter((id) => aminaTasks.includes(id))).toEqual([]);
    expect((await h['tasks.list'](undefined)).map((t) => t.taskId)).toEqual(beaTasks);
    expect(await codeOf(h['tasks.open']({ taskId: aminaTasks[0]! }))).toBe('not_found');
    expect((await h['profiles.list'](undefined)).map((p) => p.username).sort()).toEqual(['amina', 'bea']);

    // Offline: amina answers; then bea takes the laptop.
    await queue.close();
    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    expect((await h['tasks.list'](undefined)).map((t) => t.taskId)).toEqual(aminaTasks);
    await h['tasks.submit']({ taskId: aminaTasks[0]!, answer: { decision: 'approve' } });
    expect((await h['sync.status'](undefined)).pendingCount).toBe(1);
    await h['session.signIn']({ username: 'bea', password: 'bea-password' });
    expect((await h['sync.status'](undefined)).pendingCount).toBe(0);

    // The network returns while bea is signed in: amina's answer stays in amina's outbox.
    queue = await startQueueServer({ dataDir: join(root, 'queue'), port });
    expect(await h['sync.now'](undefined)).toMatchObject({ online: true, pendingCount: 0 });
    expect(await resultsOf('amina')).toEqual([]);
    expect(await resultsOf('bea')).toEqual([]);

    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).pendingCount).toBe(0), WAIT);
    expect((await resultsOf('amina')).map((r) => r.taskId)).toEqual([aminaTasks[0]]);
    expect(await resultsOf('bea')).toEqual([]);
  });
});

describe('signing in again offline after a sign-out or a switch', () => {
  it('keeps the token, so the offline work reaches the queue once the line returns', async () => {
    ws = await openWorkstation(join(root, 'laptop-switch-offline'), { defaultServerUrl: queue.url });
    const h = ws.handlers;
    const online = await h['session.signIn']({ username: 'kofi', password: 'kofi-password' });
    expect(online).toMatchObject({ offline: false, needsSignIn: false });
    const { tasks } = await h['batch.take']({ count: 2 });
    // Nothing waits in kofi's outbox when he signs out, then amina takes the laptop.
    await h['session.signOut'](undefined);
    await h['session.signIn']({ username: 'amina', password: 'amina-password' });

    await queue.close();
    try {
      const offline = await h['session.signIn']({ username: 'kofi', password: 'kofi-password' });
      // Accurate: signed in offline, and the work can be sent when the line returns.
      expect(offline).toMatchObject({ offline: true, needsSignIn: false });
      for (const task of tasks) {
        await h['tasks.submit']({ taskId: task.taskId, answer: { decision: 'approve' } });
      }
      expect((await h['sync.status'](undefined)).pendingCount).toBe(2);
    } finally {
      queue = await startQueueServer({ dataDir: join(root, 'queue'), port });
    }
    await vi.waitFor(
      async () => expect(await h['sync.now'](undefined)).toMatchObject({ online: true, pendingCount: 0 }),
      WAIT,
    );
    const sent = (await resultsOf('kofi')).filter((r) => tasks.some((t) => t.taskId === r.taskId));
    expect(sent.map((r) => r.taskId).sort()).toEqual(tasks.map((t) => t.taskId).sort());
    // The queue took the work: the session is no longer an offline one, and the app says so.
    expect(await h['session.get'](undefined)).toMatchObject({ offline: false, needsSignIn: false });
    expect(ws.events).toContainEqual({
      event: 'session.changed',
      payload: expect.objectContaining({ username: 'kofi', offline: false, needsSignIn: false }),
    });
  });

  it('says an online sign-in is needed at once when the queue refused the token, and loses nothing', async () => {
    ws = await openWorkstation(join(root, 'laptop-refused-offline'), { defaultServerUrl: queue.url });
    const h = ws.handlers;
    const session = await h['session.signIn']({ username: 'bea', password: 'bea-password' });
    const { tasks } = await h['batch.take']({ count: 1 });
    const token = withProfileDb(ws.dataDir, session.userId, (db) =>
      db.prepare("SELECT value FROM meta WHERE key = 'token'").pluck().get(),
    ) as string;
    await fetch(`${queue.url}/v1/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    await h['tasks.submit']({ taskId: tasks[0]!.taskId, answer: { decision: 'approve' } });
    await vi.waitFor(
      async () => expect(await h['session.get'](undefined)).toMatchObject({ needsSignIn: true }),
      WAIT,
    );
    await h['session.signOut'](undefined);

    await queue.close();
    try {
      // Offline, the laptop knows the token is gone: it does not promise the work will be sent.
      const offline = await h['session.signIn']({ username: 'bea', password: 'bea-password' });
      expect(offline).toMatchObject({ offline: true, needsSignIn: true });
      expect((await h['sync.status'](undefined)).pendingCount).toBe(1);
    } finally {
      queue = await startQueueServer({ dataDir: join(root, 'queue'), port });
    }
    const again = await h['session.signIn']({ username: 'bea', password: 'bea-password' });
    expect(again).toMatchObject({ offline: false, needsSignIn: false });
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).pendingCount).toBe(0), WAIT);
    expect((await resultsOf('bea')).map((r) => r.taskId)).toContain(tasks[0]!.taskId);
  });
});

// Last: it replaces the queue with a different one on the same address.
describe('offline sign-in', () => {
  it('uses the local verifier when the queue is out of reach, and only then', async () => {
    ws = await openWorkstation(join(root, 'laptop-offline'), { defaultServerUrl: queue.url });
    const h = ws.handlers;
    expect(await codeOf(h['session.signIn']({ username: 'olga', password: 'wrong-password' }))).toBe(
      'bad_credentials',
    );
    const online = await h['session.signIn']({ username: 'olga', password: 'olga-password' });
    expect(online.offline).toBe(false);
    await h['session.signOut'](undefined);
    expect(ws.events.at(-1)).toEqual({ event: 'session.changed', payload: null });
    expect(await h['session.get'](undefined)).toBeNull();

    await queue.close();
    const offline = await h['session.signIn']({ username: 'Olga', password: 'olga-password' });
    expect(offline).toEqual({ ...online, offline: true });
    expect(await h['session.get'](undefined)).toEqual(offline);
    expect(await codeOf(h['session.signIn']({ username: 'olga', password: 'olga-passwordX' }))).toBe(
      'bad_credentials',
    );
    expect(await codeOf(h['session.signIn']({ username: 'zoe', password: 'zoe-password' }))).toBe(
      'offline_unknown_profile',
    );
    // A failed sign-in leaves the current session alone.
    expect(await h['session.get'](undefined)).toEqual(offline);
    expect(await codeOf(h['batch.take']({ count: 1 }))).toBe('server_unreachable');
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).online).toBe(false), WAIT);

    // A different queue now answers at that address, where olga's password is another one:
    // it is authoritative, even though the laptop's verifier would accept the old password.
    queue = await startQueueServer({ dataDir: join(root, 'queue-other'), port });
    await queue.admin.createUser({ username: 'olga', password: 'new-olga-password', displayName: 'Olga' });
    expect(await codeOf(h['session.signIn']({ username: 'olga', password: 'olga-password' }))).toBe(
      'bad_credentials',
    );
    const again = await h['session.signIn']({ username: 'olga', password: 'new-olga-password' });
    expect(again).toMatchObject({ offline: false, displayName: 'Olga' });
    expect(again.userId).not.toBe(online.userId);
  });
});
