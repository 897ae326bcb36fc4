/**
 * What a crash, a power cut or a damaged disk leaves behind: the app reopens on the task that was
 * open with its draft and undo history, large drafts are kept, and a damaged database is refused
 * with a clear message instead of being written to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DRAFT_BYTES } from '../../src/main/services/handlers/task-handlers';
import { profileDbPath } from '../../src/main/services/profile/profile-paths';
import { BridgeError } from '../../src/shared/bridge/errors';
import { createImageProject } from '../helpers/queue-projects';
import { startTestQueue, type TestQueue } from '../helpers/workstation/test-queue';
import { MODERATION_SPEC, openWorkstation, reviewsJsonl } from '../helpers/workstation/workstation-harness';

let root: string;
let queue: TestQueue;
let imageProjectId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-durability-'));
  queue = await startTestQueue(root);
  await queue.admin.createUser({ username: 'dora', password: 'dora-password', displayName: 'Dora' });
  const project = await queue.admin.createProject(MODERATION_SPEC);
  await queue.admin.importJsonl(project.id, reviewsJsonl(4));
  imageProjectId = (await createImageProject(queue.admin)).project.id;
}, 120_000);
afterAll(async () => {
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

const envelope = (n: number) => ({
  v: 1,
  doc: { decision: 'reject', reason: null, n },
  history: { undo: Array.from({ length: n }, (_, i) => ({ step: i })), redo: [{ step: 'redo-me' }] },
});

describe('after a restart', () => {
  it('the app reopens on the open task, its draft and undo history intact, until the HITer leaves it', async () => {
    const dataDir = join(root, 'laptop-reopen');
    let ws = await openWorkstation(dataDir, { defaultServerUrl: queue.url });
    let h = ws.handlers;
    await h['session.signIn']({ username: 'dora', password: 'dora-password' });
    const { tasks } = await h['batch.take']({ count: 2 });
    const [first, second] = tasks.map((task) => task.taskId) as [string, string];
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: null });
    await h['tasks.open']({ taskId: first });
    await h['tasks.saveDraft']({ taskId: first, draft: envelope(3) });
    // The power goes (the stores are not even closed cleanly: a new process opens the same files).
    await ws.close();

    ws = await openWorkstation(dataDir, { defaultServerUrl: queue.url });
    h = ws.handlers;
    await h['session.signIn']({ username: 'dora', password: 'dora-password' });
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: first });
    expect((await h['tasks.open']({ taskId: first })).draft).toEqual(envelope(3));

    // Moving on to another task, then back to the inbox: nothing to reopen any more.
    await h['tasks.open']({ taskId: second });
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: second });
    await h['tasks.leave']({ taskId: first });
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: second });
    await h['tasks.leave']({ taskId: second });
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: null });

    // A task submitted is not reopened (its answer is in the outbox; the app goes to the inbox).
    await h['tasks.open']({ taskId: first });
    await h['tasks.submit']({ taskId: first, answer: { decision: 'approve' } });
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: null });
    await ws.close();
  });

  it('keeps an image draft with thousands of shapes and its history, and refuses one past the limit', async () => {
    const ws = await openWorkstation(join(root, 'laptop-big'), { defaultServerUrl: queue.url });
    const h = ws.handlers;
    await h['session.signIn']({ username: 'dora', password: 'dora-password' });
    const { tasks } = await h['batch.take']({ count: 1, projectId: imageProjectId });
    const image = tasks.find((task) => task.kind === 'image');
    expect(image).toBeDefined();
    const polygon = (i: number) => ({
      id: `shape-${i}`,
      type: 'polygon',
      label: 'cat',
      attributes: { occluded: i % 2 === 0 },
      points: Array.from({ length: 24 }, (_, p) => [100 + p * 3.25 + i / 7, 80 + p * 2.5]),
    });
    const shapes = Array.from({ length: 5_000 }, (_, i) => polygon(i));
    const draft = {
      v: 1,
      doc: { shapes, classes: [] },
      history: { undo: shapes.slice(0, 200).map((shape) => ({ op: 'add', shape })), redo: [] },
    };
    const bytes = Buffer.byteLength(JSON.stringify(draft));
    expect(bytes).toBeGreaterThan(2 * 1024 * 1024);
    await h['tasks.saveDraft']({ taskId: image!.taskId, draft });
    expect((await h['tasks.open']({ taskId: image!.taskId })).draft).toEqual(draft);
    const error = await h['tasks.saveDraft']({
      taskId: image!.taskId,
      draft: { ...draft, padding: 'x'.repeat(MAX_DRAFT_BYTES) },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'draft' });
    // The draft that did not fit left the saved one alone.
    expect((await h['tasks.open']({ taskId: image!.taskId })).draft).toEqual(draft);
    await ws.close();
  });
});

describe('at start-up', () => {
  it('refuses a damaged profile database with a clear message and leaves the file as it was', async () => {
    const dataDir = join(root, 'laptop-damaged');
    let ws = await openWorkstation(dataDir, { defaultServerUrl: queue.url });
    const session = await ws.handlers['session.signIn']({ username: 'dora', password: 'dora-password' });
    await ws.close();
    const file = profileDbPath(dataDir, session.userId);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, 8192);
    writeFileSync(file, bytes);

    ws = await openWorkstation(dataDir, { defaultServerUrl: queue.url });
    const error = await ws.handlers['session.signIn']({ username: 'dora', password: 'dora-password' }).catch(
      (e: unknown) => e,
    );
    // A bridge code the sign-in screen says in the HITer's language; the detail is for support.
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ code: 'storage_damaged' });
    expect((error as Error).message).toMatch(/is damaged \(quick_check: .+\).*left it untouched/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(await ws.handlers['session.get'](undefined)).toBeNull();
    await ws.close();
  });

  it('refuses to start on a damaged laptop database', async () => {
    const dataDir = join(root, 'laptop-broken');
    const ws = await openWorkstation(dataDir);
    await ws.close();
    writeFileSync(join(dataDir, 'workstation.db'), 'not a database '.repeat(500));
    await expect(openWorkstation(dataDir)).rejects.toThrow(/workstation\.db is damaged/);
  });
});
