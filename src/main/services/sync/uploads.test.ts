import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  imageTask,
  mediaFile,
  noise,
  recordingTask,
  tempDir,
  STUB_SYNC_TIMINGS,
  STUB_WAIT,
} from '../../../../test/helpers/workstation/fixtures';
import { startMediaStub, type MediaStub } from '../../../../test/helpers/workstation/media-stub';
import { health } from '../../../../test/helpers/workstation/stub-queue';
import { MediaFiles } from '../media/media-files';
import { StorageBudget } from '../media/storage-budget';
import { ProfileStore } from '../profile/profile-store';
import { createQueueClient } from '../queue-client';
import { SyncEngine } from './sync-engine';
import { UPLOAD_CHUNK_BYTES } from './uploader';

const timings = STUB_SYNC_TIMINGS;

const WAIT = STUB_WAIT;

let dir: ReturnType<typeof tempDir>;
let store: ProfileStore;
let files: MediaFiles;
let stub: MediaStub;
let engine: SyncEngine | null;
let submitted: unknown[];
/** What the fake queue says to each submission. */
let submitAnswer: () => { status: number; body: unknown };

beforeEach(async () => {
  dir = tempDir('hitdesk-upload-');
  store = ProfileStore.open(dir.path, randomUUID());
  files = new MediaFiles(join(store.dir, 'media'));
  submitted = [];
  submitAnswer = () => ({
    status: 200,
    body: {
      submissionId: randomUUID(),
      status: 'accepted',
      replay: false,
      receivedAt: new Date().toISOString(),
    },
  });
  stub = await startMediaStub((req, res, body) => {
    const send = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.url === '/v1/health') return send(200, health);
    if (req.url === '/v1/submissions') {
      submitted.push(JSON.parse(body.toString()));
      const answer = submitAnswer();
      return send(answer.status, answer.body);
    }
    send(404, { error: { code: 'not_found', message: 'no such route' } });
  });
  engine = null;
});
afterEach(async () => {
  await engine?.stop();
  await stub.close();
  store.close();
  dir.remove();
});

function startEngine(now: () => Date = () => new Date()): SyncEngine {
  engine = new SyncEngine({
    store,
    client: createQueueClient({ baseUrl: stub.url, timeoutMs: timings.requestTimeoutMs, token: () => 'tok' }),
    emit: () => undefined,
    timings,
    now,
    random: () => 0.5,
    files,
    budget: new StorageBudget(files.root, () => store.media.usedBytes()),
  });
  engine.start();
  return engine;
}

/** A recording made on this laptop and an answer that names it, submitted. */
async function submitRecording(size: number) {
  const wav = noise(size, size);
  const stored = await files.storeBytes(wav);
  store.media.addLocal(stored.sha256, 'audio/wav', stored.bytes);
  const task = recordingTask();
  store.storeLeasedTasks([task]);
  const answer = {
    recordings: [
      {
        promptId: 'p1',
        audio: { sha256: stored.sha256, mime: 'audio/wav', bytes: stored.bytes, durationMs: 2_000 },
        checks: { levelDb: -20, peakDb: -3, clipped: false, trimmedStartMs: 0, trimmedEndMs: 0 },
      },
    ],
  };
  store.submit(task.taskId, answer);
  return { task, wav, sha256: stored.sha256 };
}

describe('files of acknowledged tasks', () => {
  it('are swept when a session starts, if a crash left them after the answer was settled', async () => {
    const image = mediaFile(noise(4_000, 9));
    const stored = await files.storeBytes(image.bytes);
    expect(stored.sha256).toBe(image.sha256);
    const [done, open] = [imageTask(image.ref), imageTask(mediaFile(noise(500, 10)).ref)];
    store.storeLeasedTasks([done, open]);
    store.media.markReady(image.sha256, image.bytes.byteLength, 'image/png');
    // Settled, then the app died before it evicted the file.
    store.submit(done.taskId, { shapes: [] });
    store.settle(store.nextPending()!.id, { outcome: 'accepted' });
    expect(store.media.usedBytes()).toBe(4_000);

    startEngine();
    await vi.waitFor(async () => {
      expect(await files.has(image.sha256)).toBe(false);
      expect(store.media.get(image.sha256)).toMatchObject({ state: 'evicted' });
    }, WAIT);
    expect(store.media.usedBytes()).toBe(0);
  });

  it('and recordings nothing names any more (a discarded take) are removed once old enough', async () => {
    const kept = await files.storeBytes(noise(3_000, 11));
    const discarded = await files.storeBytes(noise(2_000, 12));
    store.media.addLocal(kept.sha256, 'audio/wav', kept.bytes);
    store.media.addLocal(discarded.sha256, 'audio/wav', discarded.bytes);
    const task = recordingTask();
    store.storeLeasedTasks([task]);
    store.saveDraft(task.taskId, JSON.stringify({ doc: { takes: [{ sha256: kept.sha256 }] }, history: {} }));

    // Right after recording, nothing is touched: its draft may still be on the way.
    startEngine();
    await vi.waitFor(() => expect(engine!.status().online).toBe(true), WAIT);
    expect(await files.has(discarded.sha256)).toBe(true);
    await engine!.stop();

    startEngine(() => new Date(Date.now() + 2 * 3_600_000));
    await vi.waitFor(async () => expect(await files.has(discarded.sha256)).toBe(false), WAIT);
    expect(store.media.get(discarded.sha256)).toMatchObject({ state: 'evicted' });
    expect(await files.has(kept.sha256)).toBe(true);
    expect(store.media.get(kept.sha256)).toMatchObject({ state: 'ready' });
  });
});

describe('answers that name a recording', () => {
  it('upload it in chunks before the answer, then free it once the queue has the answer', async () => {
    const { task, wav, sha256 } = await submitRecording(UPLOAD_CHUNK_BYTES * 2 + 12_345);
    expect(store.media.uploadsWaiting().map((row) => row.sha256)).toEqual([sha256]);
    const sync = startEngine();
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    const [upload] = [...stub.uploads.values()];
    expect(upload?.complete).toBe(true);
    expect(Buffer.concat(upload!.received).equals(wav)).toBe(true);
    expect(upload?.received).toHaveLength(3);
    expect(submitted).toHaveLength(1);
    expect(store.getTask(task.taskId)?.state).toBe('accepted');
    // Sent and acknowledged: the laptop no longer needs the file.
    await vi.waitFor(async () => {
      expect(await files.has(sha256)).toBe(false);
      expect(store.media.get(sha256)).toMatchObject({ state: 'evicted', uploaded: true });
    }, WAIT);
    expect(sync.status().upload).toEqual({ bytes: 0, doneBytes: 0 });
  });

  it('go on from what the queue holds when a chunk’s answer was lost', async () => {
    const { wav } = await submitRecording(UPLOAD_CHUNK_BYTES * 3);
    stub.dropAppendAnswers.count = 2;
    const sync = startEngine();
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    const [upload] = [...stub.uploads.values()];
    expect(Buffer.concat(upload!.received).equals(wav)).toBe(true);
    expect(submitted).toHaveLength(1);
  });

  it('keep the file while the answer is refused, and say why', async () => {
    const { task, sha256 } = await submitRecording(10_000);
    submitAnswer = () => ({
      status: 400,
      body: { error: { code: 'invalid_input', message: 'answer.recordings: too quiet' } },
    });
    const sync = startEngine();
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(store.getTask(task.taskId)).toMatchObject({
      state: 'refused',
      serverMessage: '[invalid_input] answer.recordings: too quiet',
    });
    expect(await files.has(sha256)).toBe(true);
  });

  it('refuse an answer whose recording is gone from the laptop, with a message', async () => {
    const { task, sha256 } = await submitRecording(10_000);
    await files.remove(sha256);
    const sync = startEngine();
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(store.getTask(task.taskId)).toMatchObject({
      state: 'refused',
      serverMessage: expect.stringMatching(/no longer on this laptop/),
    });
    expect(submitted).toHaveLength(0);
  });
});
