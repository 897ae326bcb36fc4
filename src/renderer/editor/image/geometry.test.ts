import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampMove,
  nearestEdge,
  pointInPolygon,
  polygonArea,
  rectFromCorners,
  round2,
  type Point,
} from './geometry';
import { hitHandle, resizeBox, translateShape } from './handles';

const square: [number, number][] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];

describe('geometry', () => {
  it('spans a rectangle from two corners whichever way the drag went', () => {
    expect(rectFromCorners([30, 5], [10, 25])).toEqual({ x: 10, y: 5, width: 20, height: 20 });
  });

  it('tells inside from outside of a polygon, concave ones too', () => {
    const u: Point[] = [
      [0, 0],
      [30, 0],
      [30, 30],
      [20, 30],
      [20, 10],
      [10, 10],
      [10, 30],
      [0, 30],
    ];
    expect(pointInPolygon(u, [5, 20])).toBe(true);
    expect(pointInPolygon(u, [15, 20])).toBe(false);
    expect(pointInPolygon(u, [25, 25])).toBe(true);
  });

  it('finds the nearest edge and the point on it', () => {
    expect(nearestEdge(square, [5, -3])).toEqual({ index: 0, point: [5, 0], distance: 3 });
    expect(nearestEdge(square, [12, 5])?.index).toBe(1);
  });

  it('measures a polygon either way round', () => {
    expect(polygonArea(square)).toBe(100);
    expect(polygonArea([...square].reverse())).toBe(100);
  });

  it('never moves a rectangle out of the image (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (x, y, width, height, dx, dy) => {
          const [mx, my] = clampMove({ x, y, width, height }, dx, dy, { width: 1000, height: 800 });
          expect(x + mx).toBeGreaterThanOrEqual(0);
          expect(y + my).toBeGreaterThanOrEqual(0);
          expect(x + mx + width).toBeLessThanOrEqual(1000);
          expect(y + my + height).toBeLessThanOrEqual(800);
        },
      ),
    );
  });

  it('keeps two decimals', () => {
    expect(round2(1 / 3)).toBe(0.33);
  });
});

describe('grips', () => {
  const box = {
    id: 'b',
    type: 'box' as const,
    label: 'car',
    attributes: {},
    x: 100,
    y: 100,
    width: 100,
    height: 50,
  };

  it('finds the grip under the pointer: corners, sides, vertices, then edge middles', () => {
    expect(hitHandle(box, [202, 149], 6)).toEqual({ type: 'box', handle: 'se' });
    expect(hitHandle(box, [150, 100], 6)).toEqual({ type: 'box', handle: 'n' });
    expect(hitHandle(box, [150, 125], 6)).toBeNull();
    const polygon = { id: 'p', type: 'polygon' as const, label: 'road', attributes: {}, points: square };
    expect(hitHandle(polygon, [10, 9], 2)).toEqual({ type: 'vertex', index: 2 });
    expect(hitHandle(polygon, [5, 0], 2)).toEqual({ type: 'midpoint', index: 0 });
    // Edges too short for a middle grip at this zoom: the vertices only.
    expect(hitHandle(polygon, [5, 0], 4)).toBeNull();
  });

  it('resizes by a side without touching the other axis, never below the minimum nor out of the image', () => {
    const size = { width: 300, height: 300 };
    expect(resizeBox(box, 'e', [260, 999], 4, size)).toMatchObject({
      x: 100,
      y: 100,
      width: 160,
      height: 50,
    });
    expect(resizeBox(box, 'w', [190, 100], 4, size)).toMatchObject({ x: 190, width: 10 });
    expect(resizeBox(box, 'w', [250, 100], 4, size)).toMatchObject({ x: 196, width: 4 });
    expect(resizeBox(box, 'se', [400, 400], 4, size)).toMatchObject({ width: 200, height: 200 });
  });

  it('moves every vertex of a polygon by the same clamped amount', () => {
    const polygon = { id: 'p', type: 'polygon' as const, label: 'road', attributes: {}, points: square };
    expect(translateShape(polygon, -5, 3, { width: 100, height: 100 }).points).toEqual([
      [0, 3],
      [10, 3],
      [10, 13],
      [0, 13],
    ]);
  });
});
