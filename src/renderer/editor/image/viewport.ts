import { clamp, type Point, type Rect, type Size } from './geometry';

/**
 * Where the image sits on screen: a screen point is `image point × scale + (x, y)`, in CSS pixels
 * of the canvas. Pure functions, so zoom and pan are tested without a browser.
 */
export type Viewport = { scale: number; x: number; y: number };

export const MAX_SCALE = 32;
/** Each step of +/−, the wheel's notch and the buttons zoom by this much. */
export const ZOOM_STEP = 1.25;

export function toImage(viewport: Viewport, [sx, sy]: Point): Point {
  return [(sx - viewport.x) / viewport.scale, (sy - viewport.y) / viewport.scale];
}

export function toScreen(viewport: Viewport, [ix, iy]: Point): Point {
  return [ix * viewport.scale + viewport.x, iy * viewport.scale + viewport.y];
}

/** The whole image in view, centred, with a margin of `padding` CSS pixels. */
export function fitViewport(image: Size, view: Size, padding = 12): Viewport {
  const width = Math.max(1, view.width - 2 * padding);
  const height = Math.max(1, view.height - 2 * padding);
  const scale = Math.min(width / image.width, height / image.height);
  return {
    scale,
    x: (view.width - image.width * scale) / 2,
    y: (view.height - image.height * scale) / 2,
  };
}

/** Zoom goes from half the fitted size (to see the edges) to 32 screen pixels per image pixel. */
export function scaleLimits(image: Size, view: Size): { min: number; max: number } {
  const fit = fitViewport(image, view).scale;
  return { min: Math.min(fit / 2, 1), max: Math.max(MAX_SCALE, fit) };
}

/** Sets the scale, keeping the image point under the screen point `at` where it is. */
export function zoomTo(viewport: Viewport, scale: number, at: Point, limits: { min: number; max: number }) {
  const next = clamp(scale, limits.min, limits.max);
  const ratio = next / viewport.scale;
  return { scale: next, x: at[0] - (at[0] - viewport.x) * ratio, y: at[1] - (at[1] - viewport.y) * ratio };
}

export function zoomBy(viewport: Viewport, factor: number, at: Point, limits: { min: number; max: number }) {
  return zoomTo(viewport, viewport.scale * factor, at, limits);
}

/** One image pixel per screen pixel, keeping what is at the centre of the view there. */
export function oneToOne(viewport: Viewport, view: Size, limits: { min: number; max: number }): Viewport {
  return zoomTo(viewport, 1, [view.width / 2, view.height / 2], limits);
}

/**
 * Moves the view by (dx, dy) screen pixels, keeping at least `keep` pixels of the image on screen
 * so it can never be lost off the side.
 */
export function panBy(
  viewport: Viewport,
  dx: number,
  dy: number,
  image: Size,
  view: Size,
  keep = 48,
): Viewport {
  const width = image.width * viewport.scale;
  const height = image.height * viewport.scale;
  const keepX = Math.min(keep, width);
  const keepY = Math.min(keep, height);
  return {
    scale: viewport.scale,
    x: clamp(viewport.x + dx, keepX - width, view.width - keepX),
    y: clamp(viewport.y + dy, keepY - height, view.height - keepY),
  };
}

/** The part of the image in view, in image coordinates (it may reach past the image's edges). */
export function visibleImageRect(viewport: Viewport, view: Size): Rect {
  const [x, y] = toImage(viewport, [0, 0]);
  return { x, y, width: view.width / viewport.scale, height: view.height / viewport.scale };
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.scale === b.scale && a.x === b.x && a.y === b.y;
}

/** Wheel deltas come in pixels, lines or pages; a notch of a mouse wheel is about 100 pixels. */
export function wheelZoomFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  // Pinch gestures send small, many deltas; they get a stronger response per pixel.
  const perPixel = pinch ? 0.01 : 0.0022;
  return Math.exp(-clamp(pixels, -300, 300) * perPixel);
}
