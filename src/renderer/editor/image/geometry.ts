/**
 * Plane geometry in image pixel coordinates, free of any drawing library: what the tools, the
 * hit-testing and the comparison view compute with.
 */
export type Point = readonly [number, number];
export type Rect = { x: number; y: number; width: number; height: number };
export type Size = { width: number; height: number };

/** Coordinates are kept to two decimals: finer than any screen, and drafts stay small. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

export function clampPoint([x, y]: Point, size: Size): Point {
  return [clamp(x, 0, size.width), clamp(y, 0, size.height)];
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** The rectangle two opposite corners span, whichever way the drag went. */
export function rectFromCorners(a: Point, b: Point): Rect {
  const x = Math.min(a[0], b[0]);
  const y = Math.min(a[1], b[1]);
  return { x, y, width: Math.abs(a[0] - b[0]), height: Math.abs(a[1] - b[1]) };
}

export function rectContains(rect: Rect, [px, py]: Point, tolerance = 0): boolean {
  return (
    px >= rect.x - tolerance &&
    px <= rect.x + rect.width + tolerance &&
    py >= rect.y - tolerance &&
    py <= rect.y + rect.height + tolerance
  );
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

export function rectArea(rect: Rect): number {
  return Math.max(0, rect.width) * Math.max(0, rect.height);
}

export function intersectRects(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right >= x && bottom >= y ? { x, y, width: right - x, height: bottom - y } : null;
}

export function boundsOfPoints(points: ReadonlyArray<Point>): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return points.length === 0
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Even-odd rule, as the canvas fills a polygon. */
export function pointInPolygon(points: ReadonlyArray<Point>, [px, py]: Point): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The point of segment ab nearest to p, and how far it is. */
export function nearestOnSegment(
  p: Point,
  a: Point,
  b: Point,
): { point: Point; distance: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared, 0, 1);
  const point: Point = [a[0] + t * dx, a[1] + t * dy];
  return { point, distance: distance(p, point), t };
}

/** The closed polygon's edge nearest to p: edge i runs from vertex i to vertex i+1 (wrapping). */
export function nearestEdge(
  points: ReadonlyArray<Point>,
  p: Point,
): { index: number; point: Point; distance: number } | null {
  let best: { index: number; point: Point; distance: number } | null = null;
  for (let i = 0; i < points.length; i += 1) {
    const hit = nearestOnSegment(p, points[i]!, points[(i + 1) % points.length]!);
    if (!best || hit.distance < best.distance) best = { index: i, point: hit.point, distance: hit.distance };
  }
  return best;
}

/** Shoelace formula; the absolute area whichever way the polygon turns. */
export function polygonArea(points: ReadonlyArray<Point>): number {
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    sum += (points[j]![0] + points[i]![0]) * (points[j]![1] - points[i]![1]);
  }
  return Math.abs(sum) / 2;
}

/**
 * How far a rectangle may move by (dx, dy) and stay inside the image: the move is shortened on
 * each axis rather than refused, so a shape dragged against an edge slides along it.
 */
export function clampMove(bounds: Rect, dx: number, dy: number, size: Size): Point {
  const minDx = -bounds.x;
  const maxDx = size.width - (bounds.x + bounds.width);
  const minDy = -bounds.y;
  const maxDy = size.height - (bounds.y + bounds.height);
  return [
    clamp(dx, Math.min(minDx, 0), Math.max(maxDx, 0)),
    clamp(dy, Math.min(minDy, 0), Math.max(maxDy, 0)),
  ];
}
