import { describe, expect, it } from 'vitest';
import {
  fitViewport,
  oneToOne,
  panBy,
  scaleLimits,
  toImage,
  toScreen,
  visibleImageRect,
  wheelZoomFactor,
  zoomBy,
} from './viewport';

const image = { width: 6000, height: 4000 };
const view = { width: 1000, height: 700 };

describe('viewport', () => {
  it('fits the whole image, centred, inside the margin', () => {
    const fit = fitViewport(image, view, 10);
    expect(fit.scale).toBeCloseTo(980 / 6000);
    expect(fit.x).toBeCloseTo(10);
    expect(fit.y).toBeCloseTo((700 - 4000 * fit.scale) / 2);
  });

  it('zooms around the cursor: the image point under it stays under it', () => {
    const fit = fitViewport(image, view);
    const limits = scaleLimits(image, view);
    const cursor = [300, 200] as const;
    const before = toImage(fit, cursor);
    const zoomed = zoomBy(fit, 3, cursor, limits);
    expect(zoomed.scale).toBeCloseTo(fit.scale * 3);
    const after = toImage(zoomed, cursor);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
  });

  it('stops zooming at the limits', () => {
    const limits = scaleLimits(image, view);
    const fit = fitViewport(image, view);
    expect(zoomBy(fit, 1e6, [0, 0], limits).scale).toBe(32);
    expect(zoomBy(fit, 1e-6, [0, 0], limits).scale).toBeCloseTo(fit.scale / 2);
  });

  it('goes to one image pixel per screen pixel around the centre', () => {
    const fit = fitViewport(image, view);
    const centre = toImage(fit, [500, 350]);
    const actual = oneToOne(fit, view, scaleLimits(image, view));
    expect(actual.scale).toBe(1);
    const back = toScreen(actual, centre);
    expect(back[0]).toBeCloseTo(500);
    expect(back[1]).toBeCloseTo(350);
  });

  it('pans, but never loses the image off the side', () => {
    const at = { scale: 1, x: 0, y: 0 };
    expect(panBy(at, -100, 50, image, view)).toEqual({ scale: 1, x: -100, y: 50 });
    expect(panBy(at, -1e6, 0, image, view).x).toBe(48 - 6000);
    expect(panBy(at, 1e6, 1e6, image, view)).toEqual({ scale: 1, x: 1000 - 48, y: 700 - 48 });
  });

  it('says which part of the image is in view', () => {
    expect(visibleImageRect({ scale: 2, x: -100, y: -50 }, view)).toEqual({
      x: 50,
      y: 25,
      width: 500,
      height: 350,
    });
  });

  it('turns wheel notches into zoom factors: down zooms out, up zooms in', () => {
    expect(wheelZoomFactor(100, 0, false)).toBeLessThan(1);
    expect(wheelZoomFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelZoomFactor(3, 1, false)).toBeCloseTo(wheelZoomFactor(99, 0, false));
    expect(wheelZoomFactor(-10, 0, true)).toBeGreaterThan(wheelZoomFactor(-10, 0, false));
  });
});
