import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { DISPLAY_SIDE } from '../../shared/domain/media';
import { makeRenditions, THUMBNAIL_SIZE } from './thumbnail';

/** Stored pixels: the left half red, the right half blue. */
function halves(width: number, height: number) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      const left = x < width / 2;
      data.set([left ? 230 : 20, 20, left ? 20 : 230, 255], at);
    }
  return { width, height, data };
}

function pixel(bytes: Uint8Array, x: number, y: number): number[] {
  const image = jpeg.decode(bytes, { useTArray: true });
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 3)];
}

const red = (rgb: number[]) => rgb[0]! > 180 && rgb[2]! < 80;
const blue = (rgb: number[]) => rgb[2]! > 180 && rgb[0]! < 80;

describe('renditions made at import', () => {
  it('gives an image that fits a screen a thumbnail only', () => {
    const { thumbnail, display } = makeRenditions(halves(600, 400), 1);
    expect(display).toBeUndefined();
    expect(thumbnail).toMatchObject({ width: THUMBNAIL_SIZE, height: 171 });
    expect(red(pixel(thumbnail.bytes, 10, 80))).toBe(true);
    expect(blue(pixel(thumbnail.bytes, 245, 80))).toBe(true);
  });

  it('gives a larger image a display rendition of screen size, turned as shown, and a thumbnail from it', () => {
    // EXIF orientation 6: shown turned a quarter clockwise, so the stored left half is on top.
    const { thumbnail, display } = makeRenditions(halves(5000, 2000), 6);
    if (!display) throw new Error('expected a display rendition');
    expect(display).toMatchObject({ width: 819, height: DISPLAY_SIDE });
    expect(thumbnail).toMatchObject({ width: 102, height: THUMBNAIL_SIZE });
    expect(red(pixel(display.bytes, 400, 100))).toBe(true);
    expect(blue(pixel(display.bytes, 400, 1900))).toBe(true);
    expect(red(pixel(thumbnail.bytes, 50, 10))).toBe(true);
    expect(blue(pixel(thumbnail.bytes, 50, 245))).toBe(true);
    // Small enough to arrive and decode at once: a fraction of the full image's pixels.
    expect(display.bytes.length).toBeLessThan(1_000_000);
  });
});
