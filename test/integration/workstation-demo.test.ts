/**
 * The embedded demo queue: started from the app, idempotent, back after a restart, and a clear
 * error when its port is taken. Uses its own small demo folder so it does not depend on the
 * shipped demo data.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../src/shared/bridge/errors';
import {
  MODERATION_SPEC,
  openWorkstation,
  reviewsJsonl,
  type TestWorkstation,
} from '../helpers/workstation/workstation-harness';

let root: string;
let resourcesDir: string;
let blocker: Server;
let freePort: number;
let busyPort: number;

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-demo-'));
  resourcesDir = join(root, 'resources');
  mkdirSync(join(resourcesDir, 'demo'), { recursive: true });
  writeFileSync(join(resourcesDir, 'demo', 'project.json'), JSON.stringify(MODERATION_SPEC));
  writeFileSync(join(resourcesDir, 'demo', 'reviews.jsonl'), reviewsJsonl(6));
  const probe = await listen(0);
  freePort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  blocker = await listen(0);
  busyPort = (blocker.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => blocker?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the demo queue', () => {
  let ws: TestWorkstation | null = null;
  afterAll(async () => ws?.close());

  it('starts once, becomes the server, and comes back with the app', async () => {
    const dataDir = join(root, 'laptop');
    ws = await openWorkstation(dataDir, { resourcesDir, demoPort: freePort });
    const h = ws.handlers;
    expect((await h['settings.get'](undefined)).demoRunning).toBe(false);

    const [demo, same] = await Promise.all([h['demo.start'](undefined), h['demo.start'](undefined)]);
    expect(same).toEqual(demo);
    expect(demo).toMatchObject({ serverUrl: `http://127.0.0.1:${freePort}`, username: 'demo' });
    expect(demo.password.length).toBeGreaterThanOrEqual(8);
    expect(await h['demo.start'](undefined)).toEqual(demo);
    expect(await h['settings.get'](undefined)).toMatchObject({
      serverUrl: demo.serverUrl,
      demoRunning: true,
    });

    const session = await h['session.signIn']({ username: demo.username, password: demo.password });
    expect(session).toMatchObject({ serverUrl: demo.serverUrl, offline: false });
    const { tasks } = await h['batch.take']({ count: 2 });
    expect(tasks).toHaveLength(2);
    await h['tasks.submit']({ taskId: tasks[0]!.taskId, answer: { decision: 'approve' } });
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).pendingCount).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    await ws.close();

    // The app restarts: the demo comes back by itself, with the HITer's work.
    ws = await openWorkstation(dataDir, { resourcesDir, demoPort: freePort });
    const after = ws.handlers;
    expect(await after['settings.get'](undefined)).toMatchObject({
      serverUrl: demo.serverUrl,
      demoRunning: true,
    });
    await after['session.signIn']({ username: demo.username, password: demo.password });
    const inbox = await after['tasks.list'](undefined);
    expect(inbox.map((task) => [task.taskId, task.state])).toEqual([
      [tasks[1]!.taskId, 'todo'],
      [tasks[0]!.taskId, 'accepted'],
    ]);
    // Moving to another server means the demo need not come back next time.
    await after['session.signOut'](undefined);
    await after['settings.update']({ serverUrl: 'https://queue.example' });
    await ws.close();
    ws = await openWorkstation(dataDir, { resourcesDir, demoPort: freePort });
    expect(await ws.handlers['settings.get'](undefined)).toEqual({
      serverUrl: 'https://queue.example',
      locale: null,
      demoRunning: false,
    });
  });

  it('says which port is taken when it cannot listen', async () => {
    const other = await openWorkstation(join(root, 'laptop-busy'), { resourcesDir, demoPort: busyPort });
    try {
      const error = await other.handlers['demo.start'](undefined).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BridgeError);
      expect(error).toMatchObject({ code: 'demo_unavailable' });
      expect((error as BridgeError).message).toContain(String(busyPort));
      expect((await other.handlers['settings.get'](undefined)).demoRunning).toBe(false);
    } finally {
      await other.close();
    }
  });
});
