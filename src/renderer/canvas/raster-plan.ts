import { intersectRects, type Rect, type Size } from '../editor/image/geometry';
import type { Viewport } from '../editor/image/viewport';

/**
 * A raster is a layer's content drawn once for a viewport, over the view plus a margin. While the
 * view pans or zooms it is only moved and scaled (one drawImage a frame, whatever the number of
 * shapes); it is drawn again when the gesture settles or when the view runs past its margin.
 */
export type RasterState = {
  viewport: Viewport;
  /** What it covers, in screen pixels of `viewport`, whole pixels. */
  region: Rect;
};

/** Extra coverage on each side, as a share of the view: panning this far costs nothing. */
export const RASTER_MARGIN = 0.35;
/** Past this zoom ratio a scaled raster looks too soft (or too coarse): draw it again at once. */
export const MAX_RASTER_STRETCH = 2;

/** The screen area worth drawing: the view with its margin, but not past the image (plus `bleed`). */
export function rasterRegion(
  viewport: Viewport,
  view: Size,
  image: Size,
  bleed: number,
  margin = RASTER_MARGIN,
): Rect {
  const mx = Math.round(view.width * margin);
  const my = Math.round(view.height * margin);
  const around = { x: -mx, y: -my, width: view.width + 2 * mx, height: view.height + 2 * my };
  const imageOnScreen = {
    x: viewport.x - bleed,
    y: viewport.y - bleed,
    width: image.width * viewport.scale + 2 * bleed,
    height: image.height * viewport.scale + 2 * bleed,
  };
  const area = intersectRects(around, imageOnScreen) ?? { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.floor(area.x);
  const y = Math.floor(area.y);
  return { x, y, width: Math.ceil(area.x + area.width) - x, height: Math.ceil(area.y + area.height) - y };
}

/** Where a raster drawn for `state.viewport` goes on screen under `current`. */
export function rasterPlacement(state: RasterState, current: Viewport): Rect {
  const ratio = current.scale / state.viewport.scale;
  const x = (state.region.x - state.viewport.x) * ratio + current.x;
  const y = (state.region.y - state.viewport.y) * ratio + current.y;
  if (ratio === 1)
    return { x: Math.round(x), y: Math.round(y), width: state.region.width, height: state.region.height };
  return { x, y, width: state.region.width * ratio, height: state.region.height * ratio };
}

/**
 * Whether the raster must be drawn again now: never drawn, stretched too far, or not covering the
 * part of the view where the image is.
 */
export function mustRedraw(
  state: RasterState | null,
  current: Viewport,
  view: Size,
  image: Size,
  bleed: number,
): boolean {
  if (!state) return true;
  const ratio = current.scale / state.viewport.scale;
  if (ratio > MAX_RASTER_STRETCH || ratio < 1 / MAX_RASTER_STRETCH) return true;
  const needed = rasterRegion(current, view, image, bleed, 0);
  if (needed.width <= 0 || needed.height <= 0) return false;
  const placed = rasterPlacement(state, current);
  const slack = 1;
  return (
    needed.x < placed.x - slack ||
    needed.y < placed.y - slack ||
    needed.x + needed.width > placed.x + placed.width + slack ||
    needed.y + needed.height > placed.y + placed.height + slack
  );
}

/** Whether a settled view deserves a fresh raster: drawn at another zoom, or off-centre. */
export function worthRedrawing(
  state: RasterState | null,
  current: Viewport,
  view: Size,
  image: Size,
  bleed: number,
): boolean {
  if (!state) return true;
  if (Math.abs(current.scale / state.viewport.scale - 1) > 1e-9) return true;
  return (
    mustRedraw(state, current, view, image, bleed) ||
    !sameRect(rasterRegion(current, view, image, bleed), shifted(state, current))
  );
}

function shifted(state: RasterState, current: Viewport): Rect {
  const placed = rasterPlacement(state, current);
  return { x: placed.x, y: placed.y, width: placed.width, height: placed.height };
}

function sameRect(a: Rect, b: Rect): boolean {
  // Within a quarter of the margin: not worth the work.
  return (
    Math.abs(a.x - b.x) < 24 &&
    Math.abs(a.y - b.y) < 24 &&
    Math.abs(a.width - b.width) < 24 &&
    Math.abs(a.height - b.height) < 24
  );
}
