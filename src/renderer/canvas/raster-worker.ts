import { RasterPainter, type Surface } from './raster-painter';
import type { FromPainter, ToPainter } from './raster-protocol';

/**
 * The raster painter in a worker: the image and thousands of shapes are drawn here, off the main
 * thread, which only moves and scales the bitmaps it gets back. (The first message says the size
 * of the image the shapes are measured in.)
 */
type WorkerScope = {
  postMessage(message: FromPainter | { type: 'ready' }, transfer?: Transferable[]): void;
  onmessage:
    ((event: MessageEvent<ToPainter | { type: 'init'; width: number; height: number }>) => void) | null;
};
const scope = self as unknown as WorkerScope;

let painter: RasterPainter | null = null;
const surfaces = new Map<string, { canvas: OffscreenCanvas; surface: Surface }>();

function surfaceFor(layer: string): { canvas: OffscreenCanvas; surface: Surface } {
  let entry = surfaces.get(layer);
  if (!entry) {
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context in the worker');
    entry = {
      canvas,
      surface: {
        context,
        resize(width, height) {
          if (canvas.width !== width) canvas.width = width;
          if (canvas.height !== height) canvas.height = height;
        },
      },
    };
    surfaces.set(layer, entry);
  }
  return entry;
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    painter = new RasterPainter({ width: message.width, height: message.height });
    scope.postMessage({ type: 'ready' });
    return;
  }
  if (!painter) return;
  if (message.type !== 'render') {
    painter.receive(message);
    return;
  }
  const started = performance.now();
  const { canvas, surface } = surfaceFor(message.layer);
  const version = painter.paint(message.layer, message.viewport, message.region, message.pixelRatio, surface);
  const bitmap = canvas.transferToImageBitmap();
  scope.postMessage(
    {
      type: 'rendered',
      seq: message.seq,
      layer: message.layer,
      viewport: message.viewport,
      region: message.region,
      version,
      bitmap,
      ms: performance.now() - started,
      sharp: message.layer === 'image' && painter.lastImageSharp,
    },
    [bitmap],
  );
};
