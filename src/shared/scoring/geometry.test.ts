import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxIoU, boxToPolygon, pointScore, polygonArea, polygonIoU, type Polygon } from './geometry';

describe('boxIoU', () => {
  it('is 1 for the same box, 0 apart, and the known ratio for a half overlap', () => {
    const box = { x: 10, y: 10, width: 20, height: 10 };
    expect(boxIoU(box, box)).toBe(1);
    expect(boxIoU(box, { x: 100, y: 100, width: 5, height: 5 })).toBe(0);
    expect(boxIoU(box, { x: 20, y: 10, width: 20, height: 10 })).toBeCloseTo(100 / 300);
    expect(boxIoU(box, { x: 30, y: 10, width: 5, height: 5 })).toBe(0); // touching edges
    expect(boxIoU(box, { ...box, width: 0 })).toBe(0);
  });
});

describe('polygonIoU', () => {
  const square: Polygon = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];

  it('measures areas of concave and self-intersecting polygons under the even-odd rule', () => {
    expect(polygonArea(square)).toBeCloseTo(100);
    const ell: Polygon = [
      [0, 0],
      [10, 0],
      [10, 5],
      [5, 5],
      [5, 10],
      [0, 10],
    ];
    expect(polygonArea(ell)).toBeCloseTo(75);
    const bowtie: Polygon = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ];
    expect(polygonArea(bowtie)).toBeCloseTo(50);
  });

  it('agrees with boxIoU on rectangles, and handles concave shapes exactly', () => {
    const shifted = boxToPolygon({ x: 5, y: 0, width: 10, height: 10 });
    expect(polygonIoU(square, shifted)).toBeCloseTo(50 / 150, 10);
    const ell: Polygon = [
      [0, 0],
      [10, 0],
      [10, 5],
      [5, 5],
      [5, 10],
      [0, 10],
    ];
    expect(polygonIoU(square, ell)).toBeCloseTo(0.75, 10);
    const triangle: Polygon = [
      [0, 0],
      [10, 0],
      [0, 10],
    ];
    expect(polygonIoU(square, triangle)).toBeCloseTo(0.5, 10);
    expect(
      polygonIoU(square, [
        [20, 20],
        [30, 20],
        [30, 30],
      ]),
    ).toBe(0);
  });

  it('matches boxIoU for any two boxes, is symmetric and stays in 0..1', () => {
    const box = fc.record({
      x: fc.integer({ min: -50, max: 50 }),
      y: fc.integer({ min: -50, max: 50 }),
      width: fc.integer({ min: 1, max: 60 }),
      height: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(box, box, (a, b) => {
        const viaPolygons = polygonIoU(boxToPolygon(a), boxToPolygon(b));
        expect(viaPolygons).toBeCloseTo(boxIoU(a, b), 9);
        expect(polygonIoU(boxToPolygon(b), boxToPolygon(a))).toBeCloseTo(viaPolygons, 9);
        expect(viaPolygons).toBeGreaterThanOrEqual(0);
        expect(viaPolygons).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('stays close to exact on large polygons (uniform slabs)', () => {
    const circle = (cx: number, r: number, n: number): Polygon =>
      Array.from(
        { length: n },
        (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / n), r * Math.sin((2 * Math.PI * i) / n)] as const,
      );
    const a = circle(0, 10, 400);
    const b = circle(0, 10, 400);
    expect(polygonIoU(a, b)).toBeCloseTo(1, 3);
  });
});

describe('pointScore', () => {
  it('falls linearly with distance to 0 at the tolerance', () => {
    expect(pointScore([0, 0], [0, 0], 10)).toBe(1);
    expect(pointScore([0, 0], [3, 4], 10)).toBeCloseTo(0.5);
    expect(pointScore([0, 0], [30, 40], 10)).toBe(0);
  });
});
