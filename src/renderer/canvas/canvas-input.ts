import { wheelZoomFactor } from '../editor/image/viewport';
import type { Point } from '../editor/image/geometry';
import type { ViewportController } from './viewport-controller';

export type ToolPointer = {
  type: 'pointerDown' | 'pointerMove' | 'pointerUp' | 'doubleClick';
  /** Screen pixels within the canvas. */
  at: Point;
  altKey: boolean;
  shiftKey: boolean;
  /** A finger rather than a mouse or pen: things need a larger hit radius. */
  coarse: boolean;
};

export type CanvasInputOptions = {
  controller: ViewportController;
  /** True while Space is held: the primary button then pans. */
  spaceHeld?: () => boolean;
  /** Pointer events the view does not take (for the tools); absent in a read-only view. */
  onTool?: (pointer: ToolPointer) => void;
  /** A two-finger gesture or a pan began: the tool should drop what it was doing. */
  onToolInterrupted?: () => void;
  onPanning?: (panning: boolean) => void;
};

/**
 * Mouse, pen, touch and wheel on the canvas: the wheel zooms around the cursor (a trackpad pinch
 * arrives as a wheel with Ctrl), Shift+wheel pans; the middle button, or the primary one with
 * Space held, drags the view; two fingers pinch and pan. Everything else goes to the tools.
 */
export function attachCanvasInput(element: HTMLElement, options: CanvasInputOptions): () => void {
  const { controller } = options;
  const touches = new Map<number, Point>();
  let pan: { pointerId: number; last: Point } | null = null;
  let pinch: { distance: number; centre: Point } | null = null;
  let toolPointer: number | null = null;

  const local = (event: { clientX: number; clientY: number }): Point => {
    const rect = element.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  const setPanning = (value: boolean) => options.onPanning?.(value);

  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    if (event.shiftKey && !event.ctrlKey) {
      const delta = event.deltaY !== 0 ? event.deltaY : event.deltaX;
      controller.panBy(-delta, 0);
      return;
    }
    controller.zoomBy(wheelZoomFactor(event.deltaY, event.deltaMode, event.ctrlKey), local(event));
  };

  const twoFingers = () => {
    const [a, b] = [...touches.values()];
    return a && b
      ? {
          distance: Math.hypot(a[0] - b[0], a[1] - b[1]),
          centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as Point,
        }
      : null;
  };

  const onDown = (event: PointerEvent) => {
    const at = local(event);
    if (event.pointerType === 'touch') {
      touches.set(event.pointerId, at);
      if (touches.size === 2) {
        if (toolPointer !== null) options.onToolInterrupted?.();
        toolPointer = null;
        pinch = twoFingers();
        return;
      }
    }
    const wantsPan =
      event.button === 1 || (event.button === 0 && (options.spaceHeld?.() ?? false)) || !options.onTool;
    if (wantsPan && (event.button === 0 || event.button === 1)) {
      event.preventDefault();
      capture(element, event.pointerId);
      pan = { pointerId: event.pointerId, last: at };
      setPanning(true);
      return;
    }
    if (event.button !== 0 || !options.onTool) return;
    capture(element, event.pointerId);
    toolPointer = event.pointerId;
    options.onTool({ type: 'pointerDown', at, ...keysOf(event) });
  };

  const onMove = (event: PointerEvent) => {
    const at = local(event);
    if (event.pointerType === 'touch' && touches.has(event.pointerId)) {
      touches.set(event.pointerId, at);
      if (pinch) {
        const now = twoFingers();
        if (now) {
          controller.panBy(now.centre[0] - pinch.centre[0], now.centre[1] - pinch.centre[1]);
          if (pinch.distance > 0) controller.zoomBy(now.distance / pinch.distance, now.centre);
          pinch = now;
        }
        return;
      }
    }
    if (pan && pan.pointerId === event.pointerId) {
      controller.panBy(at[0] - pan.last[0], at[1] - pan.last[1]);
      pan.last = at;
      return;
    }
    if (!options.onTool) return;
    if (toolPointer !== null && toolPointer !== event.pointerId) return;
    options.onTool({ type: 'pointerMove', at, ...keysOf(event) });
  };

  const onUp = (event: PointerEvent) => {
    touches.delete(event.pointerId);
    if (touches.size < 2) pinch = null;
    if (pan && pan.pointerId === event.pointerId) {
      pan = null;
      setPanning(false);
      return;
    }
    if (toolPointer !== event.pointerId) return;
    toolPointer = null;
    options.onTool?.({ type: 'pointerUp', at: local(event), ...keysOf(event) });
  };

  const onDoubleClick = (event: MouseEvent) => {
    if (event.button !== 0 || !options.onTool) return;
    options.onTool({ type: 'doubleClick', at: local(event), ...keysOf(event) });
  };

  // The middle button's auto-scroll and the context menu would fight the canvas.
  const prevent = (event: Event) => event.preventDefault();

  element.addEventListener('wheel', onWheel, { passive: false });
  element.addEventListener('pointerdown', onDown);
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  element.addEventListener('pointercancel', onUp);
  element.addEventListener('dblclick', onDoubleClick);
  element.addEventListener('auxclick', prevent);
  element.addEventListener('contextmenu', prevent);
  return () => {
    element.removeEventListener('wheel', onWheel);
    element.removeEventListener('pointerdown', onDown);
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    element.removeEventListener('pointercancel', onUp);
    element.removeEventListener('dblclick', onDoubleClick);
    element.removeEventListener('auxclick', prevent);
    element.removeEventListener('contextmenu', prevent);
  };
}

function keysOf(event: MouseEvent) {
  return {
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    coarse: event instanceof PointerEvent && event.pointerType === 'touch',
  };
}

/** Keeps a drag going outside the canvas; a pointer already gone (or synthetic) just is not captured. */
function capture(element: HTMLElement, pointerId: number): void {
  try {
    element.setPointerCapture(pointerId);
  } catch {
    // Nothing to capture: the drag still works while the pointer stays over the canvas.
  }
}
