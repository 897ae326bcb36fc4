import { bboxOf, type Shape } from './doc';
import {
  intersectRects,
  pointInPolygon,
  polygonArea,
  rectArea,
  rectContains,
  type Point,
  type Rect,
} from './geometry';

/**
 * Two answers side by side (a HITer's against the gold, or against a supervisor's correction):
 * shapes paired one to one, best overlap first, with their IoU (points: their distance).
 */
export type ShapePair = { a: Shape; b: Shape; iou: number | null; distance: number | null };
export type Comparison = { pairs: ShapePair[]; onlyA: Shape[]; onlyB: Shape[] };

/** Samples per side when two concave polygons meet: an error well under 1% for display. */
const SAMPLES = 256;

export function shapeIoU(a: Shape, b: Shape): number {
  if (a.type === 'point' || b.type === 'point') return 0;
  if (a.type === 'box' && b.type === 'box') {
    const inter = intersectRects(a, b);
    const overlap = inter ? rectArea(inter) : 0;
    const union = rectArea(a) + rectArea(b) - overlap;
    return union > 0 ? overlap / union : 0;
  }
  const pa = outline(a);
  const pb = outline(b);
  const areaA = polygonArea(pa);
  const areaB = polygonArea(pb);
  // Clipping by a convex outline is exact; two concave polygons are sampled.
  const overlap = isConvex(pb) ? polygonArea(clip(pa, pb)) : isConvex(pa) ? polygonArea(clip(pb, pa)) : null;
  if (overlap === null) return sampledIoU(a, b);
  const union = areaA + areaB - overlap;
  return union > 0 ? overlap / union : 0;
}

function outline(shape: Exclude<Shape, { type: 'point' }>): Point[] {
  if (shape.type === 'polygon') return shape.points;
  const { x, y, width, height } = shape;
  return [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ];
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function isConvex(points: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < points.length; i += 1) {
    const turn = cross(points[i]!, points[(i + 1) % points.length]!, points[(i + 2) % points.length]!);
    if (turn === 0) continue;
    if (sign === 0) sign = Math.sign(turn);
    else if (Math.sign(turn) !== sign) return false;
  }
  return true;
}

/** Sutherland–Hodgman: `subject` (any simple polygon) cut to the inside of the convex `window`. */
function clip(subject: readonly Point[], window: readonly Point[]): Point[] {
  // Orient the window counter-clockwise so "inside" is the left of each edge.
  const ccw = signedArea(window) >= 0 ? window : [...window].reverse();
  let output: Point[] = [...subject];
  for (let i = 0; i < ccw.length && output.length > 0; i += 1) {
    const a = ccw[i]!;
    const b = ccw[(i + 1) % ccw.length]!;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j += 1) {
      const current = input[j]!;
      const previous = input[(j + input.length - 1) % input.length]!;
      const currentIn = cross(a, b, current) >= 0;
      const previousIn = cross(a, b, previous) >= 0;
      if (currentIn !== previousIn) output.push(crossing(previous, current, a, b));
      if (currentIn) output.push(current);
    }
  }
  return output;
}

function signedArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

function crossing(p: Point, q: Point, a: Point, b: Point): Point {
  const d1 = cross(a, b, p);
  const d2 = cross(a, b, q);
  const t = d1 / (d1 - d2);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}

function covers(shape: Shape, p: Point): boolean {
  return shape.type === 'box'
    ? rectContains(shape, p)
    : shape.type === 'polygon' && pointInPolygon(shape.points, p);
}

/** IoU estimated on a grid over both shapes' bounds (exact for boxes, close for polygons). */
function sampledIoU(a: Shape, b: Shape): number {
  const boxA = bboxOf(a);
  const boxB = bboxOf(b);
  if (!intersectRects(boxA, boxB)) return 0;
  const area: Rect = unionRect(boxA, boxB);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const y = area.y + ((i + 0.5) / SAMPLES) * area.height;
    for (let j = 0; j < SAMPLES; j += 1) {
      const p: Point = [area.x + ((j + 0.5) / SAMPLES) * area.width, y];
      const inA = covers(a, p);
      const inB = covers(b, p);
      if (inA && inB) inter += 1;
      if (inA || inB) union += 1;
    }
  }
  return union > 0 ? inter / union : 0;
}

function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * Greedy one-to-one matching of shapes with the same label: regions by IoU (at least
 * `minIoU`), points by distance (at most `maxDistance` image pixels).
 */
export function compareShapes(
  a: readonly Shape[],
  b: readonly Shape[],
  options: { minIoU?: number; maxDistance?: number } = {},
): Comparison {
  const minIoU = options.minIoU ?? 0.5;
  const maxDistance = options.maxDistance ?? 10;
  const candidates: Array<{
    i: number;
    j: number;
    score: number;
    iou: number | null;
    distance: number | null;
  }> = [];
  a.forEach((sa, i) => {
    b.forEach((sb, j) => {
      if (sa.label !== sb.label) return;
      if (sa.type === 'point' && sb.type === 'point') {
        const distance = Math.hypot(sa.x - sb.x, sa.y - sb.y);
        if (distance <= maxDistance)
          candidates.push({ i, j, score: 1 - distance / (maxDistance + 1), iou: null, distance });
      } else if (sa.type !== 'point' && sb.type !== 'point') {
        const iou = shapeIoU(sa, sb);
        if (iou >= minIoU) candidates.push({ i, j, score: iou, iou, distance: null });
      }
    });
  });
  candidates.sort((x, y) => y.score - x.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: ShapePair[] = [];
  for (const candidate of candidates) {
    if (usedA.has(candidate.i) || usedB.has(candidate.j)) continue;
    usedA.add(candidate.i);
    usedB.add(candidate.j);
    pairs.push({ a: a[candidate.i]!, b: b[candidate.j]!, iou: candidate.iou, distance: candidate.distance });
  }
  return {
    pairs,
    onlyA: a.filter((_, i) => !usedA.has(i)),
    onlyB: b.filter((_, j) => !usedB.has(j)),
  };
}
