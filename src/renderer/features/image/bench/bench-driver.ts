import type { SceneRenderer } from '../../../canvas/scene-renderer';
import type { ViewportController } from '../../../canvas/viewport-controller';
import type { ImageEditor } from '../../../editor/image/image-editor';
import { afterPaint, browserFrameClock, measureFrames, type FrameSample } from './bench-measure';

/**
 * What bench/image.ts runs inside the page (it runs in Node, where the page's types do not exist).
 * A frame's time runs from the frame's start, where the input event is dispatched to the canvas
 * (the production path), to that frame painted (bench-measure.ts).
 */
export type BenchDriver = {
  /** One input per frame, each frame timed until it is painted. */
  measure(kind: 'pan' | 'zoom', count: number): Promise<FrameSample[]>;
  /** How long the painter (the worker) took for each raster it sent back during the last measure. */
  paints(): number[];
  view(action: 'fit' | 'actualSize' | 'zoomIn3'): void;
  /** Selects a box well inside the view and gives its centre in page coordinates. */
  commitTarget(attempt: number): { x: number; y: number };
  /** Call before releasing the mouse: resolves with the time from release to the painted commit. */
  armCommit(): void;
  commitResult(): Promise<number>;
};

export function createBenchDriver(parts: {
  editor: () => ImageEditor;
  controller: ViewportController;
  renderer: () => SceneRenderer | null;
}): BenchDriver {
  const { controller } = parts;
  const canvas = () => {
    const element = document.querySelector<HTMLElement>('.annotation-canvas');
    if (!element) throw new Error('no canvas');
    return element;
  };
  let commit: Promise<number> = Promise.resolve(0);
  let paints: number[] = [];

  const pointer = (element: HTMLElement, type: string, x: number, y: number) =>
    element.dispatchEvent(
      new PointerEvent(type, {
        pointerId: 7,
        pointerType: 'mouse',
        button: type === 'pointermove' ? -1 : 1,
        buttons: type === 'pointerup' ? 0 : 4,
        clientX: x,
        clientY: y,
        bubbles: true,
        cancelable: true,
      }),
    );

  return {
    async measure(kind, count) {
      const renderer = parts.renderer();
      if (!renderer) throw new Error('no renderer');
      paints = [];
      renderer.onPainted = (_, ms) => paints.push(ms);
      const element = canvas();
      const box = element.getBoundingClientRect();
      let x = box.left + box.width / 2;
      let y = box.top + box.height / 2;
      // The middle button drags the view.
      if (kind === 'pan') pointer(element, 'pointerdown', x, y);
      const samples = await measureFrames(browserFrameClock(), count, (i) => {
        if (kind === 'pan') {
          // A steady drag that turns back halfway, as a HITer looking around does.
          const direction = i < count / 2 ? 1 : -1;
          x += 9 * direction;
          y += 5 * direction;
          pointer(element, 'pointermove', x, y);
        } else {
          element.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: i < count / 2 ? -60 : 60,
              deltaMode: 0,
              clientX: box.left + box.width * 0.3,
              clientY: box.top + box.height * 0.4,
              bubbles: true,
              cancelable: true,
            }),
          );
        }
        // The input arrived at the frame's start, as the browser delivers it; the renderer draws
        // in this frame (and places any raster the worker sent back since the last one).
        renderer.flush();
      });
      if (kind === 'pan') pointer(element, 'pointerup', x, y);
      renderer.onPainted = null;
      return samples;
    },

    paints: () => paints,

    view(action) {
      if (action === 'fit') controller.fit();
      else if (action === 'actualSize') controller.actualSize();
      else controller.zoomBy(3);
    },

    commitTarget(attempt) {
      const { viewport, view } = controller;
      const bounds = canvas().getBoundingClientRect();
      const boxes = parts
        .editor()
        .getView()
        .doc.shapes.filter((shape) => {
          if (shape.type !== 'box') return false;
          const x = shape.x * viewport.scale + viewport.x;
          const y = shape.y * viewport.scale + viewport.y;
          const w = shape.width * viewport.scale;
          const h = shape.height * viewport.scale;
          return (
            w > 30 && h > 30 && x > 60 && y > 60 && x + w < view.width - 120 && y + h < view.height - 120
          );
        });
      const shape = boxes[(attempt * 7) % boxes.length];
      if (shape?.type !== 'box') throw new Error('no box in view');
      // The smallest shape under the pointer wins a click: select this one first.
      parts.editor().run({ type: 'select', id: shape.id });
      return {
        x: bounds.left + (shape.x + shape.width / 2) * viewport.scale + viewport.x,
        y: bounds.top + (shape.y + shape.height / 2) * viewport.scale + viewport.y,
      };
    },

    armCommit() {
      commit = new Promise<number>((done) => {
        let released = 0;
        window.addEventListener('pointerup', () => (released = performance.now()), {
          capture: true,
          once: true,
        });
        const unsubscribe = parts.editor().subscribe(() => {
          unsubscribe();
          const renderer = parts.renderer();
          if (!renderer) return done(Number.NaN);
          // Committed and handed to React (synchronously, a pointerup is a discrete event);
          // done once the next frame drawn with it has been painted.
          renderer.onDrawn = () => {
            renderer.onDrawn = null;
            void afterPaint().then(() => done(performance.now() - released));
          };
        });
      });
    },

    commitResult: () => commit,
  };
}
