import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  imageTask,
  mediaFile,
  noise,
  steppingClock,
  tempDir,
} from '../../../../test/helpers/workstation/fixtures';
import { ProfileStore } from '../profile/profile-store';

let dir: ReturnType<typeof tempDir>;
let store: ProfileStore;

beforeEach(() => {
  dir = tempDir('hitdesk-media-index-');
  store = ProfileStore.open(dir.path, randomUUID(), steppingClock());
});
afterEach(() => {
  store.close();
  dir.remove();
});

function accept(taskId: string): void {
  store.submit(taskId, { shapes: [] });
  const row = store.nextPending()!;
  store.settle(row.id, { outcome: 'accepted' });
}

describe('which files may go', () => {
  it('a file two tasks share stays until the queue has acknowledged both', () => {
    const shared = mediaFile(noise(100, 1));
    const [a, b] = [imageTask(shared.ref), imageTask(shared.ref)];
    store.storeLeasedTasks([a, b]);
    store.media.markReady(shared.sha256, 100, 'image/png');
    accept(a.taskId);
    expect(store.media.evictable(a.taskId)).toEqual([]);
    accept(b.taskId);
    expect(store.media.evictable(b.taskId).map((row) => row.sha256)).toEqual([shared.sha256]);
    store.media.markEvicted(shared.sha256);
    expect(store.media.usedBytes()).toBe(0);
  });

  it('refused answers keep their files (the HITer may be asked again)', () => {
    const file = mediaFile(noise(100, 2));
    const task = imageTask(file.ref);
    store.storeLeasedTasks([task]);
    store.media.markReady(file.sha256, 100, 'image/png');
    store.submit(task.taskId, { shapes: [] });
    store.settle(store.nextPending()!.id, { outcome: 'refused', message: 'no' });
    expect(store.media.evictable(task.taskId)).toEqual([]);
  });

  it('a recording goes only once the queue holds it', () => {
    const wav = mediaFile(noise(100, 3), 'audio/wav');
    store.media.addLocal(wav.sha256, 'audio/wav', 100);
    const task = imageTask(mediaFile(noise(10, 4)).ref);
    store.storeLeasedTasks([task]);
    store.submit(task.taskId, { shapes: [], note: { sha256: wav.sha256, mime: 'audio/wav', bytes: 100 } });
    store.settle(store.nextPending()!.id, { outcome: 'accepted' });
    expect(store.media.evictable(task.taskId).map((row) => row.sha256)).not.toContain(wav.sha256);
    store.media.setUpload(wav.sha256, { uploadId: randomUUID(), uploaded: true });
    expect(store.media.evictable(task.taskId).map((row) => row.sha256)).toEqual([wav.sha256]);
  });
});
