import { parentPort, workerData } from 'node:worker_threads';
import { peaksOfWavFile } from './wav-peaks-file';

/**
 * The worker thread local-peaks.ts starts: computes one file's peaks away from the main process's
 * event loop (which serves the bridge and the media protocol) and sends them back.
 */
const { path } = workerData as { path: string };
peaksOfWavFile(path).then(
  (peaks) => parentPort?.postMessage({ ok: true, peaks }),
  (error: unknown) =>
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
