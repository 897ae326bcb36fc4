import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  imageTask,
  instructionsImage,
  mediaFile,
  noise,
  tempDir,
} from '../../../../test/helpers/workstation/fixtures';
import { startMediaStub, type MediaStub } from '../../../../test/helpers/workstation/media-stub';
import { ProfileStore } from '../profile/profile-store';
import { createQueueClient } from '../queue-client';
import { MediaDownloader } from './downloader';
import { MediaFiles } from './media-files';

let dir: ReturnType<typeof tempDir>;
let store: ProfileStore;
let files: MediaFiles;
let stub: MediaStub;
let ready: string[];

beforeEach(async () => {
  dir = tempDir('hitdesk-download-');
  store = ProfileStore.open(dir.path, randomUUID());
  files = new MediaFiles(join(store.dir, 'media'));
  stub = await startMediaStub();
  ready = [];
});
afterEach(async () => {
  await stub.close();
  store.close();
  dir.remove();
});

function downloader(fits: (bytes: number) => boolean = () => true) {
  return new MediaDownloader({
    store,
    files,
    client: createQueueClient({ baseUrl: stub.url, timeoutMs: 2_000, token: () => 'tok' }),
    stallTimeoutMs: 2_000,
    fits,
    onReady: (taskIds) => ready.push(...taskIds),
    onProgress: () => undefined,
  });
}

/** A task on the laptop whose image the stub queue serves. */
function taskWithImage(size: number, seed: number) {
  const file = mediaFile(noise(size, seed));
  stub.files.set(file.sha256, { bytes: file.bytes, mime: 'image/png' });
  const task = imageTask(file.ref);
  store.storeLeasedTasks([task]);
  return { task, file };
}

describe('media downloads', () => {
  it('brings every file of the open tasks, verified, and marks the tasks ready', async () => {
    const a = taskWithImage(300_000, 1);
    const b = taskWithImage(120_000, 2);
    expect(store.inboxRecord(a.task.taskId)).toMatchObject({ media_files: 1, media_missing: 1 });
    expect(store.media.downloadProgress()).toMatchObject({
      tasks: 2,
      tasksReady: 0,
      bytes: 420_000,
      readyBytes: 0,
    });

    await expect(downloader().run()).resolves.toEqual({ outcome: 'done' });

    for (const { file } of [a, b]) {
      expect(readFileSync(files.pathOf(file.sha256)).equals(file.bytes)).toBe(true);
      expect(store.media.get(file.sha256)).toMatchObject({ state: 'ready', mime: 'image/png' });
    }
    expect(store.inboxRecord(a.task.taskId)).toMatchObject({ media_files: 1, media_missing: 0 });
    expect(store.media.downloadProgress()).toMatchObject({ tasks: 2, tasksReady: 2, readyBytes: 420_000 });
    expect(ready.sort()).toEqual([a.task.taskId, b.task.taskId].sort());
    expect(store.media.usedBytes()).toBe(420_000);
  });

  it('resumes a cut download with Range from what arrived, across a restart', async () => {
    const { file } = taskWithImage(500_000, 3);
    stub.faults.set(file.sha256, [{ cutAfter: 200_000 }]);
    const first = await downloader().run();
    expect(first).toMatchObject({ outcome: 'failed' });
    expect(await files.has(file.sha256)).toBe(false);
    const kept = await files.partialSize(file.sha256);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(200_000);

    // The app restarts: a new downloader finds the partial file and asks for the rest only.
    await expect(downloader().run()).resolves.toEqual({ outcome: 'done' });
    expect(stub.ranges.get(file.sha256)).toEqual([undefined, `bytes=${kept}-`]);
    expect(readFileSync(files.pathOf(file.sha256)).equals(file.bytes)).toBe(true);
    expect(existsSync(files.partialPathOf(file.sha256))).toBe(false);
  });

  it('never keeps damaged bytes: a bad file is fetched again from zero, then given up on', async () => {
    const once = taskWithImage(50_000, 4);
    stub.faults.set(once.file.sha256, ['corrupt']);
    const twice = taskWithImage(50_000, 5);
    stub.faults.set(twice.file.sha256, ['corrupt', 'corrupt']);
    await expect(downloader().run()).resolves.toEqual({ outcome: 'done' });
    expect(readFileSync(files.pathOf(once.file.sha256)).equals(once.file.bytes)).toBe(true);
    expect(await files.has(twice.file.sha256)).toBe(false);
    expect(store.media.get(twice.file.sha256)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/damaged/),
    });
    expect(store.inboxRecord(twice.task.taskId)).toMatchObject({ media_missing: 1 });
    expect(store.media.downloadProgress().failed).toBe(1);
  });

  it('a partial file longer than the real one (a stale leftover) is thrown away', async () => {
    const { file } = taskWithImage(10_000, 6);
    writeFileSync(files.partialPathOf(file.sha256), noise(10_000, 99));
    await expect(downloader().run()).resolves.toEqual({ outcome: 'done' });
    expect(readFileSync(files.pathOf(file.sha256)).equals(file.bytes)).toBe(true);
  });

  it('marks a file the queue does not have as failed, and the other files still come', async () => {
    const lost = taskWithImage(1_000, 7);
    stub.files.delete(lost.file.sha256);
    const fine = taskWithImage(1_000, 8);
    await expect(downloader().run()).resolves.toEqual({ outcome: 'done' });
    expect(store.media.get(lost.file.sha256)?.state).toBe('failed');
    expect(store.media.get(fine.file.sha256)?.state).toBe('ready');
    // Leased again later, the file is wanted again.
    store.storeLeasedTasks([{ ...lost.task, leaseEpoch: 2 }]);
    expect(store.media.get(lost.file.sha256)?.state).toBe('missing');
  });

  it('stays within the storage budget', async () => {
    taskWithImage(1_000, 9);
    taskWithImage(1_000, 10);
    const result = await downloader((bytes) => bytes <= 1_500).run();
    expect(result).toEqual({ outcome: 'budget' });
    expect(store.media.usedBytes()).toBe(1_000);
  });

  it('downloads images the instructions show', async () => {
    const picture = mediaFile(noise(2_000, 11));
    stub.files.set(picture.sha256, { bytes: picture.bytes, mime: 'image/jpeg' });
    const { file } = taskWithImage(1_000, 12);
    const task = imageTask(file.ref, { instructions: instructionsImage(picture.sha256) });
    store.storeLeasedTasks([task]);
    await downloader().run();
    expect(store.media.get(picture.sha256)).toMatchObject({ state: 'ready', mime: 'image/jpeg' });
    expect(store.inboxRecord(task.taskId)).toMatchObject({ media_files: 2, media_missing: 0 });
  });
});
