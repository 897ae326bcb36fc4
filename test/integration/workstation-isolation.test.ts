/**
 * Two HITers on one shared laptop: whatever profile A has on it — tasks, drafts, downloaded media,
 * a recording, answers waiting in the outbox — profile B's session can neither read it nor send it,
 * and A finds it all again, and sends it under A's name, when A signs in again.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Workstation } from '../../src/main/services/workstation';
import { BridgeError } from '../../src/shared/bridge/errors';
import { FIXTURE_IMAGES, createAudioRecordingProject, createImageProject } from '../helpers/queue-projects';
import { startFaultProxy, type FaultProxy } from '../helpers/workstation/fault-proxy';
import { startTestQueue, type TestQueue } from '../helpers/workstation/test-queue';
import { openWorkstation, type TestWorkstation } from '../helpers/workstation/workstation-harness';

const WAIT = { timeout: 30_000, interval: 50 };

let root: string;
let queue: TestQueue;
let proxy: FaultProxy;
let ws: TestWorkstation;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-isolation-'));
  queue = await startTestQueue(root);
  for (const username of ['amina', 'bea']) {
    await queue.admin.createUser({ username, password: `${username}-password`, displayName: username });
  }
  await createImageProject(queue.admin);
  await createAudioRecordingProject(queue.admin);
  proxy = await startFaultProxy(queue.url);
  ws = await openWorkstation(join(root, 'laptop'), { defaultServerUrl: proxy.url });
});
afterAll(async () => {
  await ws?.close();
  await proxy?.close();
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BridgeError);
  return (error as BridgeError).code;
}

async function get(workstation: Workstation, path: string, range?: string) {
  const reply = await workstation.serveMedia(path, { method: 'GET', range });
  const chunks: Buffer[] = [];
  if (reply.body) for await (const chunk of reply.body) chunks.push(chunk as Buffer);
  return { status: reply.status, headers: reply.headers, body: Buffer.concat(chunks) };
}

describe('profiles on a shared laptop', () => {
  it('keep tasks, drafts, media, recordings and outboxes apart', async () => {
    const h = ws.handlers;
    // Amina takes the image and recording tasks; their files download.
    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    const { tasks } = await h['batch.take']({ count: 4 });
    expect(tasks).toHaveLength(4);
    await vi.waitFor(async () => {
      const { download } = await h['sync.status'](undefined);
      expect(download).toMatchObject({ tasks: 2, tasksReady: 2, failed: 0 });
      expect(download!.doneBytes).toBe(download!.bytes);
    }, WAIT);
    const image = (await h['tasks.open']({ taskId: tasks.find((t) => t.kind === 'image')!.taskId })).task;
    if (image.kind !== 'image') throw new Error('expected an image task');
    const imagePath = `/media/${image.data.image.sha256}`;
    const served = await get(ws, imagePath);
    expect(served.status).toBe(200);
    const original = readFileSync(
      image.data.image.mime === 'image/png' ? FIXTURE_IMAGES.cat : FIXTURE_IMAGES.rocket,
    );
    expect(served.body.equals(original)).toBe(true);
    expect((await get(ws, imagePath, 'bytes=0-99')).status).toBe(206);

    await h['tasks.saveDraft']({
      taskId: image.taskId,
      draft: { v: 1, doc: { shapes: [] }, history: { undo: [], redo: [] } },
    });
    const wav = readFileSync(join(import.meta.dirname, '../fixtures/audio/mic-speech.wav'));
    const recording = await h['media.store']({ mime: 'audio/wav', base64: wav.toString('base64') });
    expect((await get(ws, `/media/${recording.sha256}`)).body.equals(wav)).toBe(true);
    const prompts = tasks.find((t) => t.kind === 'audio_recording')!;
    const recordingTask = (await h['tasks.open']({ taskId: prompts.taskId })).task;
    if (recordingTask.kind !== 'audio_recording') throw new Error('expected a recording task');

    // The line goes down; Amina submits, so her answer and recording wait in her outbox.
    proxy.set({ up: false });
    proxy.dropAll();
    await h['tasks.submit']({
      taskId: prompts.taskId,
      answer: {
        recordings: recordingTask.data.prompts.map((prompt) => ({
          promptId: prompt.id,
          audio: { sha256: recording.sha256, mime: 'audio/wav', bytes: recording.bytes, durationMs: 2_000 },
          checks: { levelDb: -18, peakDb: -3, clipped: false, trimmedStartMs: 0, trimmedEndMs: 0 },
        })),
      },
    });
    await vi.waitFor(
      async () => expect(await h['sync.status'](undefined)).toMatchObject({ online: false, pendingCount: 1 }),
      WAIT,
    );
    const amina = await h['session.get'](undefined);
    await h['session.signOut'](undefined);

    // Bea signs in on the same laptop (offline is not possible for her: she never signed in here).
    proxy.set({ up: true });
    const bea = await h['session.signIn']({ username: 'bea', password: 'bea-password' });
    expect(bea.userId).not.toBe(amina!.userId);
    expect(await h['tasks.list'](undefined)).toEqual([]);
    for (const task of tasks) {
      expect(await codeOf(h['tasks.open']({ taskId: task.taskId }))).toBe('not_found');
      expect(await codeOf(h['tasks.saveDraft']({ taskId: task.taskId, draft: {} }))).toBe('not_found');
      expect(await codeOf(h['tasks.submit']({ taskId: task.taskId, answer: {} }))).toBe('not_found');
    }
    expect((await get(ws, imagePath)).status).toBe(404);
    expect((await get(ws, `/media/${recording.sha256}`)).status).toBe(404);
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: null });
    expect((await h['work.history'](undefined)).items).toEqual([]);
    const beaStatus = await h['sync.now'](undefined);
    expect(beaStatus).toMatchObject({ pendingCount: 0, upload: { bytes: 0 } });
    // Bea's sync sent nothing of Amina's.
    const results = async () => [
      ...(await queue.admin.listResults(image.projectId)),
      ...(await queue.admin.listResults(recordingTask.projectId)),
    ];
    expect(await results()).toEqual([]);
    await h['session.signOut'](undefined);
    // Nobody signed in: nothing is served at all.
    expect((await get(ws, imagePath)).status).toBe(404);

    // Amina comes back: her draft, her files and her answer are all there, and the answer goes, as hers.
    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    expect(await h['tasks.resume'](undefined)).toEqual({ taskId: null });
    expect((await h['tasks.open']({ taskId: image.taskId })).draft).toMatchObject({ v: 1 });
    expect((await get(ws, imagePath)).status).toBe(200);
    await vi.waitFor(async () => expect((await h['sync.status'](undefined)).pendingCount).toBe(0), WAIT);
    const sent = await results();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ worker: 'amina', taskId: prompts.taskId, status: 'accepted' });
    // Sent and acknowledged: the recording leaves the laptop.
    await vi.waitFor(
      async () => expect((await get(ws, `/media/${recording.sha256}`)).status).toBe(404),
      WAIT,
    );
  });
});
