import { describe, expect, it } from 'vitest';
import { compareShapes, shapeIoU } from './compare';
import type { Shape } from './doc';

const box = (id: string, x: number, y: number, w: number, h: number, label = 'car'): Shape => ({
  id,
  type: 'box',
  label,
  attributes: {},
  x,
  y,
  width: w,
  height: h,
});

describe('comparing two answers', () => {
  it('computes the IoU of boxes exactly and of polygons closely', () => {
    expect(shapeIoU(box('a', 0, 0, 10, 10), box('b', 5, 0, 10, 10))).toBeCloseTo(50 / 150);
    expect(shapeIoU(box('a', 0, 0, 10, 10), box('b', 20, 0, 10, 10))).toBe(0);
    const square: Shape = {
      id: 'p',
      type: 'polygon',
      label: 'car',
      attributes: {},
      points: [
        [5, 0],
        [15, 0],
        [15, 10],
        [5, 10],
      ],
    };
    expect(shapeIoU(box('a', 0, 0, 10, 10), square)).toBeCloseTo(1 / 3, 6);
    const triangle: Shape = {
      ...square,
      points: [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
    };
    expect(shapeIoU(box('a', 0, 0, 10, 10), triangle)).toBeCloseTo(0.5, 6);
    // Two concave shapes (an L and its mirror) are sampled: close, not exact.
    const ell: Shape = {
      ...square,
      points: [
        [0, 0],
        [10, 0],
        [10, 5],
        [5, 5],
        [5, 10],
        [0, 10],
      ],
    };
    const mirrored: Shape = {
      ...square,
      points: [
        [0, 0],
        [10, 0],
        [10, 10],
        [5, 10],
        [5, 5],
        [0, 5],
      ],
    };
    expect(shapeIoU(ell, mirrored)).toBeCloseTo(50 / 100, 2);
  });

  it('pairs shapes one to one, best first, same label only', () => {
    const mine = [
      box('m1', 0, 0, 100, 100),
      box('m2', 200, 200, 50, 50),
      box('m3', 0, 0, 100, 100, 'person'),
    ];
    const gold = [box('g1', 2, 2, 100, 100), box('g2', 400, 400, 50, 50), box('g3', 5, 5, 100, 100)];
    const result = compareShapes(mine, gold);
    expect(result.pairs.map((pair) => [pair.a.id, pair.b.id])).toEqual([['m1', 'g1']]);
    expect(result.pairs[0]?.iou).toBeCloseTo((98 * 98) / (2 * 10000 - 98 * 98));
    expect(result.onlyA.map((shape) => shape.id)).toEqual(['m2', 'm3']);
    expect(result.onlyB.map((shape) => shape.id)).toEqual(['g2', 'g3']);
  });

  it('pairs points by distance', () => {
    const point = (id: string, x: number, y: number): Shape => ({
      id,
      type: 'point',
      label: 'eye',
      attributes: {},
      x,
      y,
    });
    const result = compareShapes(
      [point('a', 0, 0), point('b', 100, 100)],
      [point('c', 3, 4), point('d', 200, 200)],
    );
    expect(result.pairs).toEqual([expect.objectContaining({ distance: 5, iou: null })]);
    expect(result.onlyA).toHaveLength(1);
  });
});
