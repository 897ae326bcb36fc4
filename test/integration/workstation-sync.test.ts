/**
 * The walking skeleton end to end: a real queue (PGlite) on loopback, a real workstation (SQLite),
 * the network cut and restored. Work done offline reaches the queue exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_DRAFT_BYTES } from '../../src/main/services/handlers/task-handlers';
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

let root: string;
let queueDir: string;
let queue: RunningQueueServer;
let projectId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-sync-'));
  queueDir = join(root, 'queue');
  queue = await startQueueServer({ dataDir: queueDir });
  for (const username of ['amina', 'kofi', 'lea', 'noor']) {
    await queue.admin.createUser({
      username,
      password: `${username}-password`,
      displayName: username.toUpperCase(),
    });
  }
  projectId = (await queue.admin.createProject(MODERATION_SPEC)).id;
  await queue.admin.importJsonl(projectId, reviewsJsonl(12));
});

afterAll(async () => {
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

async function expectBridgeError(
  promise: Promise<unknown>,
  code: string,
  field?: string,
): Promise<BridgeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a BridgeError ${code}`).toBeInstanceOf(BridgeError);
  expect((error as BridgeError).code).toBe(code);
  if (field !== undefined) expect((error as BridgeError).field).toBe(field);
  return error as BridgeError;
}

describe('offline work reaches the queue exactly once', () => {
  let ws: TestWorkstation;
  afterAll(async () => ws?.close());

  it('survives the queue going down and coming back on its own', async () => {
    ws = await openWorkstation(join(root, 'laptop-amina'), { defaultServerUrl: queue.url });
    const h = ws.handlers;

    const session = await h['session.signIn']({ username: 'Amina', password: 'amina-password' });
    expect(session).toMatchObject({
      username: 'amina',
      displayName: 'AMINA',
      role: 'hitter',
      offline: false,
    });
    expect(ws.events).toContainEqual({ event: 'session.changed', payload: session });

    const batch = await h['batch.take']({ count: 3 });
    expect(batch.taken).toBe(3);
    expect(batch.tasks.map((task) => task.state)).toEqual(['todo', 'todo', 'todo']);
    const taskIds = batch.tasks.map((task) => task.taskId);
    const detail = await h['tasks.open']({ taskId: taskIds[0]! });
    expect(detail.task.projectId).toBe(projectId);
    await h['tasks.saveDraft']({ taskId: taskIds[0]!, draft: { decision: 'reject', reason: null } });

    // The network goes away.
    const port = queue.port;
    await queue.close();

    const answers = [
      { decision: 'reject', reason: 'insult' },
      { decision: 'approve' },
      { decision: 'reject', reason: 'spam' },
    ];
    for (const [i, taskId] of taskIds.entries()) {
      const summary = await h['tasks.submit']({ taskId, answer: answers[i] });
      expect(summary.state).toBe('pending');
    }
    await vi.waitFor(async () => {
      expect(await h['sync.status'](undefined)).toMatchObject({
        online: false,
        pendingCount: 3,
        lastError: { code: 'server_unreachable' },
      });
    }, WAIT);
    const inbox = await h['tasks.list'](undefined);
    expect(inbox.map((task) => task.state)).toEqual(['pending', 'pending', 'pending']);
    expect(ws.lastStatus()).toMatchObject({ online: false, pendingCount: 3 });
    // A submitted task cannot be changed any more, even offline.
    await expectBridgeError(h['tasks.saveDraft']({ taskId: taskIds[0]!, draft: {} }), 'task_closed');

    // The queue comes back on the same address; nobody presses anything.
    queue = await startQueueServer({ dataDir: queueDir, port });
    await vi.waitFor(async () => {
      expect(await h['sync.status'](undefined)).toMatchObject({
        online: true,
        pendingCount: 0,
        lastError: null,
      });
    }, WAIT);

    const results = await queue.admin.listResults(projectId);
    const mine = results.filter((result) => result.worker === 'amina');
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((result) => result.taskId))).toEqual(new Set(taskIds));
    for (const [i, taskId] of taskIds.entries()) {
      expect(mine.find((result) => result.taskId === taskId)).toMatchObject({
        status: 'accepted',
        answer: answers[i],
      });
    }
    const settled = await h['tasks.list'](undefined);
    expect(settled.map((task) => task.state)).toEqual(['accepted', 'accepted', 'accepted']);
    const changed = ws.events.flatMap((e) => (e.event === 'tasks.changed' ? e.payload.taskIds : []));
    expect(changed).toEqual(expect.arrayContaining(taskIds));

    // Another pass sends nothing twice.
    await h['sync.now'](undefined);
    expect((await queue.admin.listResults(projectId)).filter((r) => r.worker === 'amina')).toHaveLength(3);
  });
});

/**
 * A proxy to the queue that forwards every request and its answer, except that it cuts the line,
 * after the queue has answered, for the requests `cutAfterCommit` picks.
 */
async function cuttingProxy(
  cutAfterCommit: (url: string) => boolean,
): Promise<{ proxy: Server; url: string }> {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name]) => !['host', 'connection', 'content-length'].includes(name),
        ),
      ) as Record<string, string>;
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const upstream = await fetch(`${queue.url}${req.url}`, { method: req.method, headers, body });
      const text = await upstream.text();
      if (cutAfterCommit(req.url ?? '')) {
        req.socket.destroy();
        return;
      }
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/plain',
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { proxy, url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
}

describe('a batch whose answer is lost on the way', () => {
  let ws: TestWorkstation;
  let proxy: Server;
  afterAll(async () => {
    await ws?.close();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it('arrives anyway, asked for again under its key: the same tasks, none leased twice', async () => {
    let cut = 0;
    const started = await cuttingProxy((url) => {
      if (url !== '/v1/leases' || cut > 0) return false;
      cut += 1;
      return true;
    });
    proxy = started.proxy;
    ws = await openWorkstation(join(root, 'laptop-noor'), { defaultServerUrl: started.url });
    const h = ws.handlers;
    await h['session.signIn']({ username: 'noor', password: 'noor-password' });
    // A project of its own, of four items: what a second lease leaves shows what the first took.
    const own = (await queue.admin.createProject({ ...MODERATION_SPEC, name: 'Lost batch' })).id;
    await queue.admin.importJsonl(own, reviewsJsonl(4, 'lost'));
    await expectBridgeError(h['batch.take']({ count: 2, projectId: own }), 'server_unreachable');
    expect(cut).toBe(1);
    // The queue leased two tasks to Noor; the laptop asks again with the same key on its next pass.
    await h['sync.now'](undefined);
    await vi.waitFor(async () => expect(await h['tasks.list'](undefined)).toHaveLength(2), WAIT);
    // Nothing else was leased: the two other items are still there for the next batch.
    const next = await h['batch.take']({ count: 4, projectId: own });
    expect(next.taken).toBe(2);
    const inbox = await h['tasks.list'](undefined);
    expect(new Set(inbox.map((task) => task.taskId)).size).toBe(4);
  });
});

describe('a response lost after the queue committed', () => {
  let ws: TestWorkstation;
  let proxy: Server;
  afterAll(async () => {
    await ws?.close();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it('is replayed with the same key, not duplicated', async () => {
    // A proxy that forwards everything but cuts the line after the first submission is committed.
    let cut = 0;
    const started = await cuttingProxy((url) => {
      if (!url.startsWith('/v1/submissions') || cut > 0) return false;
      cut += 1;
      return true;
    });
    proxy = started.proxy;
    const proxyUrl = started.url;

    ws = await openWorkstation(join(root, 'laptop-kofi'), { defaultServerUrl: proxyUrl });
    const h = ws.handlers;
    await h['session.signIn']({ username: 'kofi', password: 'kofi-password' });
    const { tasks } = await h['batch.take']({ count: 1 });
    const taskId = tasks[0]!.taskId;
    await h['tasks.submit']({ taskId, answer: { decision: 'approve' } });

    await vi.waitFor(
      async () => expect((await h['tasks.open']({ taskId })).summary.state).toBe('accepted'),
      WAIT,
    );
    expect(cut).toBe(1);
    const results = (await queue.admin.listResults(projectId)).filter((r) => r.taskId === taskId);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ worker: 'kofi', status: 'accepted' });
  });
});

describe('answers the queue refuses', () => {
  let ws: TestWorkstation;
  afterAll(async () => ws?.close());

  it('are marked refused with the queue’s message, the answer kept, the rest still sent', async () => {
    ws = await openWorkstation(join(root, 'laptop-lea'), { defaultServerUrl: queue.url });
    const h = ws.handlers;
    const session = await h['session.signIn']({ username: 'lea', password: 'lea-password' });
    const { tasks } = await h['batch.take']({ count: 3 });
    const [invalid, foreign, fine] = tasks.map((task) => task.taskId) as [string, string, string];

    // Fake what a stale or tampered cache would hold: a reason the project does not have, and a
    // lease epoch this HITer never held. Local checks pass; the queue must refuse both.
    withProfileDb(ws.dataDir, session.userId, (db) => {
      const read = (id: string) =>
        JSON.parse(db.prepare('SELECT task_json FROM tasks WHERE task_id = ?').pluck().get(id) as string);
      const a = read(invalid);
      a.config.reasons.push({ code: 'made_up', label: { en: 'Made up', fr: 'Inventé' } });
      db.prepare('UPDATE tasks SET task_json = ? WHERE task_id = ?').run(JSON.stringify(a), invalid);
      db.prepare('UPDATE tasks SET lease_epoch = lease_epoch + 5 WHERE task_id = ?').run(foreign);
    });

    // The workstation's own check still stops answers it can see are wrong.
    await expectBridgeError(
      h['tasks.submit']({ taskId: fine, answer: { decision: 'reject', reason: 'nope' } }),
      'invalid_answer',
      'reason',
    );
    await expectBridgeError(
      h['tasks.submit']({ taskId: fine, answer: { decision: 'maybe' } }),
      'invalid_answer',
    );
    const huge = { decision: 'approve', note: 'x'.repeat(MAX_DRAFT_BYTES) };
    await expectBridgeError(h['tasks.saveDraft']({ taskId: fine, draft: huge }), 'invalid_input', 'draft');
    expect((await h['tasks.open']({ taskId: fine })).draft).toBeNull();

    await h['tasks.submit']({ taskId: invalid, answer: { decision: 'reject', reason: 'made_up' } });
    await h['tasks.submit']({ taskId: foreign, answer: { decision: 'approve' } });
    await h['tasks.submit']({ taskId: fine, answer: { decision: 'approve' } });
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).pendingCount).toBe(0), WAIT);

    const refused = await h['tasks.open']({ taskId: invalid });
    expect(refused.summary.state).toBe('refused');
    expect(refused.summary.serverMessage).toMatch(/made_up|reason/);
    // The queue's code travels with its words: the renderer says the reason in the HITer's language.
    expect(refused.summary.serverCode).toBe('invalid_input');
    expect(refused.summary.serverMessage).not.toMatch(/^\[/);
    expect(refused.answer).toEqual({ decision: 'reject', reason: 'made_up', spans: [] });
    const notMine = await h['tasks.open']({ taskId: foreign });
    expect(notMine.summary.state).toBe('refused');
    expect(notMine.summary.serverMessage).toBeTruthy();
    expect(notMine.summary.serverCode).toMatch(/^[a-z_]+$/);
    expect(await h['sync.status'](undefined)).toMatchObject({ refusedCount: 2, supersededCount: 0 });
    expect((await h['tasks.open']({ taskId: fine })).summary.state).toBe('accepted');
    await expectBridgeError(
      h['tasks.submit']({ taskId: invalid, answer: { decision: 'approve' } }),
      'task_closed',
    );

    const results = (await queue.admin.listResults(projectId)).filter((r) => r.worker === 'lea');
    expect(results.map((r) => r.taskId)).toEqual([fine]);
    const inbox = await h['tasks.list'](undefined);
    expect(inbox.map((task) => [task.taskId, task.state])).toEqual(
      expect.arrayContaining([
        [invalid, 'refused'],
        [foreign, 'refused'],
        [fine, 'accepted'],
      ]),
    );
  });
});
