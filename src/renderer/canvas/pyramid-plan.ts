import type { Rect, Size } from '../editor/image/geometry';

/**
 * How a large image is kept in memory: decoded once, then cut into tiles no larger than a modest
 * laptop's GPU texture limit (4096²), plus halved copies down to an overview, so drawing at any
 * zoom reads only the pixels the screen can show. Pure planning, tested without a browser.
 */
export type LevelPlan = {
  /** 1 for full resolution, 2 for half, 4 for a quarter… */
  factor: number;
  width: number;
  height: number;
  /** Tiles in this level's own pixels. */
  tiles: Rect[];
};

export const MAX_TEXTURE_SIDE = 4096;
export const TILE_SIDE = 2048;
/** The coarsest level is at most this large: enough for a fitted view on a 1080p screen. */
export const OVERVIEW_SIDE = 2048;

export function planPyramid(image: Size): LevelPlan[] {
  const levels: LevelPlan[] = [];
  const largest = Math.max(image.width, image.height);
  if (largest <= MAX_TEXTURE_SIDE) return [level(image, 1)];
  for (let factor = 1; ; factor *= 2) {
    levels.push(level(image, factor));
    if (largest / factor <= OVERVIEW_SIDE) return levels;
  }
}

function level(image: Size, factor: number): LevelPlan {
  const width = Math.max(1, Math.round(image.width / factor));
  const height = Math.max(1, Math.round(image.height / factor));
  const tiles: Rect[] = [];
  const side = Math.max(width, height) <= MAX_TEXTURE_SIDE ? Math.max(width, height) : TILE_SIDE;
  for (let y = 0; y < height; y += side)
    for (let x = 0; x < width; x += side)
      tiles.push({ x, y, width: Math.min(side, width - x), height: Math.min(side, height - y) });
  return { factor, width, height, tiles };
}

/**
 * The level to draw at `devicePixelsPerImagePixel`: the coarsest one that still has at least one
 * of its pixels per device pixel (so nothing looks blurred), the full image when zoomed in.
 */
export function pickLevel(factors: readonly number[], devicePixelsPerImagePixel: number): number {
  let best = 0;
  factors.forEach((factor, index) => {
    if (factor * devicePixelsPerImagePixel <= 1 && factor > (factors[best] ?? 1)) best = index;
  });
  return best;
}
