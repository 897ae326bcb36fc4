import type { BoxShape, Shape } from './doc';
import { clamp, clampMove, distance, round2, type Point, type Rect, type Size } from './geometry';
import { bboxOf } from './doc';

/** The grips of the selected shape: a box's corners and sides, a polygon's vertices and edge middles. */
export type BoxHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
export type Handle =
  | { type: 'box'; handle: BoxHandle }
  | { type: 'vertex'; index: number }
  /** The middle of edge `index` (from vertex index to index+1): dragging it inserts a vertex. */
  | { type: 'midpoint'; index: number };

export const BOX_HANDLES: readonly BoxHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

export function boxHandlePoint(box: Rect, handle: BoxHandle): Point {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const x = handle.includes('w') ? box.x : handle.includes('e') ? box.x + box.width : cx;
  const y = handle.startsWith('n') ? box.y : handle.startsWith('s') ? box.y + box.height : cy;
  return [x, y];
}

/**
 * Every grip of a shape, with where it is. Edge middles appear only on edges long enough to tell
 * them from the vertices (`minEdge`, in image pixels).
 */
export function handlesOf(shape: Shape, minEdge: number): Array<{ handle: Handle; point: Point }> {
  if (shape.type === 'box')
    return BOX_HANDLES.map((handle) => ({
      handle: { type: 'box', handle },
      point: boxHandlePoint(shape, handle),
    }));
  if (shape.type === 'point') return [];
  const out: Array<{ handle: Handle; point: Point }> = shape.points.map((point, index) => ({
    handle: { type: 'vertex', index },
    point,
  }));
  shape.points.forEach((a, index) => {
    const b = shape.points[(index + 1) % shape.points.length]!;
    if (distance(a, b) >= minEdge)
      out.push({ handle: { type: 'midpoint', index }, point: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] });
  });
  return out;
}

/** The grip under `p`, the nearest within `tolerance`; vertices and corners before edge middles. */
export function hitHandle(shape: Shape, p: Point, tolerance: number): Handle | null {
  let best: { handle: Handle; distance: number } | null = null;
  for (const { handle, point } of handlesOf(shape, tolerance * 4)) {
    const d = distance(point, p);
    if (d > tolerance) continue;
    const rank = handle.type === 'midpoint' ? d + tolerance : d;
    if (!best || rank < best.distance) best = { handle, distance: rank };
  }
  return best?.handle ?? null;
}

/**
 * A box resized by dragging one grip to `p`: the opposite sides stay, the box keeps at least
 * `minSize` on each side and stays inside the image. Sides never cross (no flipping).
 */
export function resizeBox(
  box: BoxShape,
  handle: BoxHandle,
  p: Point,
  minSize: number,
  image: Size,
): BoxShape {
  let left = box.x;
  let top = box.y;
  let right = box.x + box.width;
  let bottom = box.y + box.height;
  const [px, py] = p;
  if (handle.includes('w')) left = clamp(px, 0, Math.max(0, right - minSize));
  if (handle.includes('e')) right = clamp(px, Math.min(image.width, left + minSize), image.width);
  if (handle.startsWith('n')) top = clamp(py, 0, Math.max(0, bottom - minSize));
  if (handle.startsWith('s')) bottom = clamp(py, Math.min(image.height, top + minSize), image.height);
  const x = round2(left);
  const y = round2(top);
  return { ...box, x, y, width: round2(right - left), height: round2(bottom - top) };
}

/** The shape moved by (dx, dy), shortened so it stays inside the image. */
export function translateShape<S extends Shape>(shape: S, dx: number, dy: number, image: Size): S {
  const [mx, my] = clampMove(bboxOf(shape), dx, dy, image);
  if (mx === 0 && my === 0) return shape;
  switch (shape.type) {
    case 'box':
    case 'point':
      return { ...shape, x: round2(shape.x + mx), y: round2(shape.y + my) };
    case 'polygon':
      return {
        ...shape,
        points: shape.points.map(([x, y]) => [round2(x + mx), round2(y + my)] as [number, number]),
      };
  }
  return shape;
}
