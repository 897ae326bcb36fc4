import type { Shape } from './doc';
import { bboxOf } from './shape-bounds';
import { pointInPolygon, rectContains, nearestEdge, type Point, type Rect } from './geometry';

/**
 * Bounding boxes of every shape in one flat array, so the few thousand comparisons a hover, a
 * click or a viewport cull needs cost microseconds and allocate nothing. Built once per version
 * of the shape list (the list is immutable: a new array means a new version).
 */
export class ShapeIndex {
  readonly shapes: readonly Shape[];
  private readonly boxes: Float64Array;

  constructor(shapes: readonly Shape[]) {
    this.shapes = shapes;
    this.boxes = new Float64Array(shapes.length * 4);
    shapes.forEach((shape, index) => {
      const box = bboxOf(shape);
      this.boxes.set([box.x, box.y, box.x + box.width, box.y + box.height], index * 4);
    });
  }

  /** Indices of the shapes whose bounding box meets `rect` (grown by `margin`), in drawing order. */
  query(rect: Rect, margin = 0, out: number[] = []): number[] {
    const left = rect.x - margin;
    const top = rect.y - margin;
    const right = rect.x + rect.width + margin;
    const bottom = rect.y + rect.height + margin;
    const boxes = this.boxes;
    for (let i = 0, n = this.shapes.length; i < n; i += 1) {
      const o = i * 4;
      if (boxes[o]! <= right && boxes[o + 2]! >= left && boxes[o + 1]! <= bottom && boxes[o + 3]! >= top)
        out.push(i);
    }
    return out;
  }

  /**
   * The shape under `p`: inside a box or polygon, or within `tolerance` of a point or an outline.
   * Where several are, the smallest wins (a point before a box, a box inside a bigger box before
   * it), which is what a HITer clicking on a small object means.
   */
  hit(p: Point, tolerance: number, accept: (shape: Shape) => boolean = () => true): Shape | null {
    let best: Shape | null = null;
    let bestArea = Infinity;
    for (const index of this.query({ x: p[0], y: p[1], width: 0, height: 0 }, tolerance)) {
      const shape = this.shapes[index]!;
      if (!accept(shape) || !shapeContains(shape, p, tolerance)) continue;
      const o = index * 4;
      const area = (this.boxes[o + 2]! - this.boxes[o]!) * (this.boxes[o + 3]! - this.boxes[o + 1]!);
      // Later shapes are drawn on top: on a tie they win.
      if (area <= bestArea) {
        best = shape;
        bestArea = area;
      }
    }
    return best;
  }
}

export function shapeContains(shape: Shape, p: Point, tolerance: number): boolean {
  switch (shape.type) {
    case 'box':
      return rectContains(shape, p, tolerance);
    case 'point':
      return Math.hypot(shape.x - p[0], shape.y - p[1]) <= tolerance;
    case 'polygon':
      return (
        pointInPolygon(shape.points, p) || (nearestEdge(shape.points, p)?.distance ?? Infinity) <= tolerance
      );
  }
}

/** One index per shape list, rebuilt only when the list changes. */
export function createIndexCache(): (shapes: readonly Shape[]) => ShapeIndex {
  let cached: ShapeIndex | null = null;
  return (shapes) => {
    if (cached?.shapes !== shapes) cached = new ShapeIndex(shapes);
    return cached;
  };
}
