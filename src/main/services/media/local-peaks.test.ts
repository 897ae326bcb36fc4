import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeWavPeaks } from '../../../shared/media/peaks';
import { parseWavHeader } from '../../../shared/media/wav';
import { computeLocalPeaks, peaksWorkerEntry } from './local-peaks';

const fixture = resolve(import.meta.dirname, '../../../../test/fixtures/audio/clip-en-weather.wav');

describe('computeLocalPeaks (worker thread)', () => {
  it('runs in a worker thread when run from TypeScript', () => {
    expect(peaksWorkerEntry()?.pathname).toMatch(/peaks-worker-tsx\.mjs$/);
  });

  it('gives the peaks of a real espeak-ng WAV, the same as the queue computes', async () => {
    const bytes = new Uint8Array(readFileSync(fixture));
    const info = parseWavHeader(bytes);
    const peaks = await computeLocalPeaks(fixture);
    expect(peaks).toEqual(computeWavPeaks(bytes, info));
    expect(peaks.durationMs).toBe(info.durationMs);
    expect(peaks.data.length).toBeGreaterThan(100);
    // Speech, not silence: the loudest bucket is well above the floor.
    expect(Math.max(...peaks.data)).toBeGreaterThan(0.1);
  });

  it('refuses a file that is not a WAV, naming why', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hitdesk-peaks-')), 'not.wav');
    writeFileSync(path, 'ID3 this is not a wave file at all');
    await expect(computeLocalPeaks(path)).rejects.toThrow(/WAV/);
  });
});
