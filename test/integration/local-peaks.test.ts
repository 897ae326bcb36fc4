/**
 * Waveform peaks for a local audio file (a recording, which has no precomputed peaks): the
 * renderer asks main through the bridge (`media.peaks`), main works them out in a worker thread
 * with the queue's own peaks code, from the real file in the profile's media store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../src/shared/bridge/errors';
import { computeWavPeaks } from '../../src/shared/media/peaks';
import { parseWavHeader } from '../../src/shared/media/wav';
import { FIXTURE_IMAGES } from '../helpers/queue-projects';
import { startTestQueue, type TestQueue } from '../helpers/workstation/test-queue';
import { openWorkstation, type TestWorkstation } from '../helpers/workstation/workstation-harness';

let root: string;
let queue: TestQueue;
let ws: TestWorkstation;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-local-peaks-'));
  queue = await startTestQueue(root);
  await queue.admin.createUser({ username: 'amina', password: 'amina-password', displayName: 'Amina' });
  ws = await openWorkstation(join(root, 'laptop'), { defaultServerUrl: queue.url });
  await ws.handlers['session.signIn']({ username: 'amina', password: 'amina-password' });
});
afterAll(async () => {
  await ws?.close();
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('media.peaks', () => {
  it('gives the peaks of a stored recording, as the queue would compute them', async () => {
    const wav = readFileSync(join(import.meta.dirname, '../fixtures/audio/mic-speech.wav'));
    const stored = await ws.handlers['media.store']({ mime: 'audio/wav', base64: wav.toString('base64') });
    const { peaks } = await ws.handlers['media.peaks']({ sha256: stored.sha256 });
    const bytes = new Uint8Array(wav);
    expect(peaks).toEqual(computeWavPeaks(bytes, parseWavHeader(bytes)));
    expect(peaks?.durationMs).toBeGreaterThan(500);
    // Asked again (the screen reopened): the same answer.
    expect((await ws.handlers['media.peaks']({ sha256: stored.sha256 })).peaks).toEqual(peaks);
  });

  it('answers null for a file that is not audio, and refuses a file the laptop does not have', async () => {
    const png = readFileSync(FIXTURE_IMAGES.cat);
    const stored = await ws.handlers['media.store']({ mime: 'image/png', base64: png.toString('base64') });
    expect(await ws.handlers['media.peaks']({ sha256: stored.sha256 })).toEqual({ peaks: null });
    const error = await ws.handlers['media.peaks']({ sha256: 'a'.repeat(64) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('invalid_input');
  });
});
