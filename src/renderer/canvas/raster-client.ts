import type { Size } from '../editor/image/geometry';
import { RasterPainter, type Surface } from './raster-painter';
import type { FromPainter, LayerName, ToPainter } from './raster-protocol';

/**
 * A worker started ahead of its canvas: starting one (a thread, its script fetched, compiled and
 * run) takes a few hundred milliseconds on a modest laptop, which the task's first render would
 * otherwise wait through after the canvas is up.
 */
let spare: Worker | null = null;

function startWorker(): Worker {
  return new Worker(new URL('./raster-worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the painter's worker now, for the canvas about to be made (e.g. as a task opens). */
export function warmRasterWorker(): void {
  if (spare !== null || typeof Worker === 'undefined') return;
  try {
    const worker = startWorker();
    // One that cannot start is dropped here; the canvas then starts its own (or falls back).
    worker.onerror = () => {
      worker.terminate();
      if (spare === worker) spare = null;
    };
    spare = worker;
  } catch {
    spare = null;
  }
}

function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = null;
  return worker;
}

/** A layer's picture as the painter sent it back. */
export type Painted = Omit<FromPainter, 'type' | 'bitmap'> & {
  bitmap: CanvasImageSource & { close?: () => void };
};

/**
 * The main thread's side of the raster painter: a worker when the browser can run one (Electron
 * and Chromium do), else the same painter on the main thread. Messages wait until the worker is
 * up, so nothing is lost (bitmaps are transferred) if it cannot start and the fallback takes over.
 */
export class RasterClient {
  private worker: Worker | null = null;
  private local: LocalPainter | null = null;
  private queue: Array<{ message: ToPainter; transfer: Transferable[] }> = [];
  private ready = false;

  constructor(
    private readonly image: Size,
    private readonly onPainted: (painted: Painted) => void,
  ) {
    try {
      const worker = takeWorker();
      worker.onmessage = (event: MessageEvent<FromPainter | { type: 'ready' }>) => {
        const data = event.data;
        if (data.type === 'ready') {
          this.ready = true;
          for (const { message, transfer } of this.queue) worker.postMessage(message, transfer);
          this.queue = [];
        } else if (data.bitmap) this.onPainted(data as Painted);
      };
      worker.onerror = () => {
        if (!this.ready) this.fallBack();
      };
      worker.postMessage({ type: 'init', width: image.width, height: image.height });
      this.worker = worker;
    } catch {
      this.fallBack();
    }
  }

  /** True when painting happens on the main thread (no worker). */
  get onMainThread(): boolean {
    return this.local !== null;
  }

  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local = new LocalPainter(this.image, this.onPainted);
    for (const { message } of this.queue) this.local.post(message);
    this.queue = [];
  }

  post(message: ToPainter, transfer: Transferable[] = []): void {
    if (this.local) this.local.post(message);
    else if (this.worker && this.ready) this.worker.postMessage(message, transfer);
    else this.queue.push({ message, transfer });
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local?.close();
    this.queue = [];
  }
}

/** The painter on the main thread, double-buffered per layer so the shown picture is never drawn over. */
class LocalPainter {
  private readonly painter: RasterPainter;
  private readonly buffers = new Map<LayerName, { canvases: HTMLCanvasElement[]; next: number }>();

  constructor(
    image: Size,
    private readonly onPainted: (painted: Painted) => void,
  ) {
    this.painter = new RasterPainter(image);
  }

  post(message: ToPainter): void {
    if (message.type !== 'render') {
      this.painter.receive(message);
      return;
    }
    const started = performance.now();
    let entry = this.buffers.get(message.layer);
    if (!entry) {
      entry = { canvases: [document.createElement('canvas'), document.createElement('canvas')], next: 0 };
      this.buffers.set(message.layer, entry);
    }
    const canvas = entry.canvases[entry.next]!;
    entry.next = 1 - entry.next;
    const context = canvas.getContext('2d');
    if (!context) return;
    const surface: Surface = {
      context,
      resize(width, height) {
        if (canvas.width !== width) canvas.width = width;
        if (canvas.height !== height) canvas.height = height;
      },
    };
    const version = this.painter.paint(
      message.layer,
      message.viewport,
      message.region,
      message.pixelRatio,
      surface,
    );
    this.onPainted({
      seq: message.seq,
      layer: message.layer,
      viewport: message.viewport,
      region: message.region,
      version,
      bitmap: canvas,
      ms: performance.now() - started,
      sharp: message.layer === 'image' && this.painter.lastImageSharp,
    });
  }

  close(): void {
    this.painter.close();
  }
}
