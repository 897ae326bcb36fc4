import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WaveformPeaks } from '../../../shared/domain/media';
import { peaksOfWavFile } from './wav-peaks-file';

type WorkerReply = { ok: true; peaks: WaveformPeaks } | { ok: false; message: string };

/**
 * Where the worker's code is: beside this module, started through a small tsx bootstrap when run
 * from TypeScript (browser mode, tests), or as the bundle's `peaks-worker.js` in the Electron build
 * (its main entry list must name it); null when the build left it out.
 */
export function peaksWorkerEntry(): URL | null {
  try {
    const typescript = import.meta.url.endsWith('.ts');
    const url = new URL(typescript ? './peaks-worker-tsx.mjs' : './peaks-worker.js', import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    // A bundle without a file URL for this module: no worker beside it.
    return null;
  }
}

/**
 * The waveform peaks of a local WAV file (a recording, a file without precomputed peaks), worked
 * out in a worker thread so a long file does not hold up the main process. When no worker entry
 * was built, it is streamed here instead (still chunked, never the whole file in memory).
 */
export function computeLocalPeaks(path: string): Promise<WaveformPeaks> {
  const entry = peaksWorkerEntry();
  if (!entry) return peaksOfWavFile(path);
  return new Promise<WaveformPeaks>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { path } });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.peaks);
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the peaks worker stopped (code ${code}) without an answer`));
      settled = true;
    });
  });
}
