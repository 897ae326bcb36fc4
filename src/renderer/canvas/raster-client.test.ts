import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RasterClient, warmRasterWorker } from './raster-client';

/** The browser's Worker stood in for: records what it is sent, answers `init` with `ready`. */
class FakeWorker {
  static started: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(message: { type: string }) {
    this.sent.push(message);
    if (message.type === 'init') queueMicrotask(() => this.onmessage?.({ data: { type: 'ready' } }));
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

const image = { width: 600, height: 400 };

describe('the raster client', () => {
  it('takes the worker started ahead (warmRasterWorker) instead of starting its own', async () => {
    warmRasterWorker();
    warmRasterWorker(); // one spare at most
    expect(FakeWorker.started).toHaveLength(1);
    const client = new RasterClient(image, () => undefined);
    expect(FakeWorker.started).toHaveLength(1);
    client.post({ type: 'release', ids: [3] });
    await Promise.resolve();
    expect(FakeWorker.started[0]!.sent).toEqual([
      { type: 'init', ...image },
      { type: 'release', ids: [3] },
    ]);
    // The spare is used up: the next canvas starts a worker of its own.
    const second = new RasterClient(image, () => undefined);
    expect(FakeWorker.started).toHaveLength(2);
    client.destroy();
    second.destroy();
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
  });

  it('drops a spare that failed to start, and the canvas starts another', () => {
    warmRasterWorker();
    const broken = FakeWorker.started[0]!;
    broken.onerror?.();
    expect(broken.terminated).toBe(true);
    const client = new RasterClient(image, () => undefined);
    expect(FakeWorker.started).toHaveLength(2);
    client.destroy();
  });
});
