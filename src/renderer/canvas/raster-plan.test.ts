import { describe, expect, it } from 'vitest';
import { mustRedraw, rasterPlacement, rasterRegion, worthRedrawing } from './raster-plan';

const view = { width: 1000, height: 600 };
const image = { width: 6000, height: 4000 };

describe('raster plan', () => {
  it('covers the view and a margin, not past the image', () => {
    const zoomed = { scale: 1, x: -2000, y: -1000 };
    expect(rasterRegion(zoomed, view, image, 0, 0.5)).toEqual({
      x: -500,
      y: -300,
      width: 2000,
      height: 1200,
    });
    const fitted = { scale: 0.1, x: 200, y: 100 };
    expect(rasterRegion(fitted, view, image, 4, 0.5)).toEqual({ x: 196, y: 96, width: 608, height: 408 });
  });

  it('moves with a pan and scales with a zoom', () => {
    const state = {
      viewport: { scale: 1, x: -2000, y: -1000 },
      region: { x: -350, y: -210, width: 1700, height: 1020 },
    };
    expect(rasterPlacement(state, { scale: 1, x: -1990, y: -1005 })).toEqual({
      x: -340,
      y: -215,
      width: 1700,
      height: 1020,
    });
    expect(rasterPlacement(state, { scale: 2, x: -4000, y: -2000 })).toEqual({
      x: -700,
      y: -420,
      width: 3400,
      height: 2040,
    });
  });

  it('is drawn again only when the view leaves it or it is stretched too far', () => {
    const viewport = { scale: 1, x: -2000, y: -1000 };
    const state = { viewport, region: rasterRegion(viewport, view, image, 0) };
    expect(mustRedraw(null, viewport, view, image, 0)).toBe(true);
    expect(mustRedraw(state, { ...viewport, x: -2300 }, view, image, 0)).toBe(false);
    expect(mustRedraw(state, { ...viewport, x: -2400 }, view, image, 0)).toBe(true);
    // Zoomed in 1.5×: the stretched raster still covers the view; 2.5× is too blurred.
    expect(mustRedraw(state, { scale: 1.5, x: -3000, y: -1500 }, view, image, 0)).toBe(false);
    expect(mustRedraw(state, { scale: 2.5, x: -5000, y: -2500 }, view, image, 0)).toBe(true);
    // Zoomed out past the margin: the raster no longer covers the view.
    expect(mustRedraw(state, { scale: 0.6, x: -1000, y: -500 }, view, image, 0)).toBe(true);
    // A fitted view that covers the whole image never needs more while panning.
    const fitted = { scale: 0.1, x: 200, y: 100 };
    const whole = { viewport: fitted, region: rasterRegion(fitted, view, image, 0) };
    expect(mustRedraw(whole, { ...fitted, x: 350 }, view, image, 0)).toBe(false);
  });

  it('is redrawn sharp once a zoom settles, not after a small pan', () => {
    const viewport = { scale: 1, x: -2000, y: -1000 };
    const state = { viewport, region: rasterRegion(viewport, view, image, 0) };
    expect(worthRedrawing(state, { ...viewport, x: -2010 }, view, image, 0)).toBe(false);
    expect(worthRedrawing(state, { ...viewport, x: -2200 }, view, image, 0)).toBe(true);
    expect(worthRedrawing(state, { scale: 1.2, x: -2400, y: -1200 }, view, image, 0)).toBe(true);
  });
});
