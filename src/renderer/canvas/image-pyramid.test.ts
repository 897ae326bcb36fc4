import { describe, expect, it } from 'vitest';
import { drawPyramid, type ImagePyramid, type PyramidLevel } from './image-pyramid';

const image = { width: 6000, height: 4000 };

function level(factor: number): PyramidLevel {
  const width = image.width / factor;
  const height = image.height / factor;
  const bitmap = { width, height } as unknown as ImageBitmap;
  return { factor, width, height, tiles: [{ rect: { x: 0, y: 0, width, height }, bitmap }] };
}

function draw(pyramid: ImagePyramid, scale: number, pixelRatio = 1) {
  const drawn: number[][] = [];
  const ctx = {
    imageSmoothingEnabled: true,
    imageSmoothingQuality: 'low',
    drawImage: (_: unknown, ...rest: number[]) => drawn.push(rest),
  } as unknown as CanvasRenderingContext2D;
  const area = { x: 0, y: 0, width: image.width, height: image.height };
  const sharp = drawPyramid(ctx, pyramid, image, area, { scale, x: 0, y: 0 }, pixelRatio);
  return { sharp, drawn };
}

describe('drawing the image pyramid', () => {
  it('calls a stretched preview not sharp', () => {
    const preview = { ...image, levels: [level(6000 / 512)], complete: false };
    expect(draw(preview, 0.2).sharp).toBe(false);
  });

  it('calls an overview sharp where it has a pixel per device pixel, and only there', () => {
    const overview = { ...image, levels: [level(4)], complete: false };
    expect(draw(overview, 0.2).sharp).toBe(true);
    expect(draw(overview, 0.2, 2).sharp).toBe(false);
    expect(draw(overview, 1).sharp).toBe(false);
  });

  it('calls the full resolution sharp at any zoom, and draws from the level the view needs', () => {
    const pyramid = { ...image, levels: [level(1), level(2), level(4)], complete: true };
    expect(draw(pyramid, 3).sharp).toBe(true);
    const fitted = draw(pyramid, 0.2);
    expect(fitted.sharp).toBe(true);
    // The quarter-size level, whole: 1500×1000 of its pixels onto 1200×800 screen pixels.
    expect(fitted.drawn).toEqual([[0, 0, 1500, 1000, 0, 0, 1200, 800]]);
  });
});
