import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageHeader } from '../../shared/media/image-header';
import { DISPLAY_SIDE } from '../../shared/domain/media';
import { MediaFormatError } from '../../shared/media/errors';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 256;
const THUMBNAIL_QUALITY = 80;
/** The display rendition is looked at closely (it is what a HITer annotates on at first). */
const DISPLAY_QUALITY = 88;
/** Decoding needs width × height × 4 bytes; 200 megapixels is far beyond any photo worth annotating. */
const MAX_MEGAPIXELS = 200;

type Rgba = { width: number; height: number; data: Uint8Array };

/** Decodes a PNG or JPEG into RGBA pixels, as stored (EXIF orientation not yet applied). */
export function decodeImage(bytes: Uint8Array, header: ImageHeader): Rgba {
  if (header.storedWidth * header.storedHeight > MAX_MEGAPIXELS * 1_000_000) {
    throw new MediaFormatError(
      `image of ${header.storedWidth}×${header.storedHeight} pixels is larger than ${MAX_MEGAPIXELS} megapixels`,
    );
  }
  try {
    if (header.mime === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    const decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: MAX_MEGAPIXELS * 4 + 256,
    });
    return { width: decoded.width, height: decoded.height, data: decoded.data };
  } catch (error) {
    throw new MediaFormatError(
      `cannot decode this ${header.mime === 'image/png' ? 'PNG' : 'JPEG'}: ${(error as Error).message}`,
    );
  }
}

export type Rendition = { bytes: Uint8Array; width: number; height: number };

/**
 * The smaller JPEGs an image gets at import, turned the way the image is shown (EXIF orientation
 * applied), transparent areas on white, area-averaged so they stay smooth: a thumbnail at most
 * THUMBNAIL_SIZE on its longest side, and for an image larger than DISPLAY_SIDE a display
 * rendition of that size (the thumbnail is then made from it: a tenth of the pixels to average).
 */
export function makeRenditions(
  image: Rgba,
  orientation: number,
): { thumbnail: Rendition; display?: Rendition } {
  // Shrink first, turn afterwards: turning a 24-megapixel photo would copy ~100 MB for nothing.
  if (Math.max(image.width, image.height) <= DISPLAY_SIDE) {
    return { thumbnail: encode(orient(downscale(image, THUMBNAIL_SIZE), orientation), THUMBNAIL_QUALITY) };
  }
  const display = orient(downscale(image, DISPLAY_SIDE), orientation);
  return {
    thumbnail: encode(downscale(display, THUMBNAIL_SIZE), THUMBNAIL_QUALITY),
    display: encode(display, DISPLAY_QUALITY),
  };
}

function encode(image: Rgba, quality: number): Rendition {
  const encoded = jpeg.encode({ data: image.data, width: image.width, height: image.height }, quality);
  return { bytes: new Uint8Array(encoded.data), width: image.width, height: image.height };
}

/** Area-averaged reduction to at most `side` on the longest side, composited on white. */
function downscale(oriented: Rgba, side: number): Rgba {
  const scale = Math.min(1, side / Math.max(oriented.width, oriented.height));
  const width = Math.max(1, Math.round(oriented.width * scale));
  const height = Math.max(1, Math.round(oriented.height * scale));
  const out = new Uint8Array(width * height * 4);
  const xRatio = oriented.width / width;
  const yRatio = oriented.height / height;
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.floor(y * yRatio);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * yRatio));
    for (let x = 0; x < width; x += 1) {
      const x0 = Math.floor(x * xRatio);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * xRatio));
      let r = 0;
      let g = 0;
      let b = 0;
      let count = 0;
      for (let sy = y0; sy < y1; sy += 1) {
        let index = (sy * oriented.width + x0) * 4;
        for (let sx = x0; sx < x1; sx += 1) {
          const alpha = (oriented.data[index + 3] ?? 255) / 255;
          // composite on white
          r += (oriented.data[index] ?? 0) * alpha + 255 * (1 - alpha);
          g += (oriented.data[index + 1] ?? 0) * alpha + 255 * (1 - alpha);
          b += (oriented.data[index + 2] ?? 0) * alpha + 255 * (1 - alpha);
          count += 1;
          index += 4;
        }
      }
      const target = (y * width + x) * 4;
      out[target] = Math.round(r / count);
      out[target + 1] = Math.round(g / count);
      out[target + 2] = Math.round(b / count);
      out[target + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** Applies an EXIF orientation (1–8) to RGBA pixels. */
export function orient(image: Rgba, orientation: number): Rgba {
  if (orientation <= 1 || orientation > 8) return image;
  const { width: w, height: h, data } = image;
  const turned = orientation >= 5;
  const outWidth = turned ? h : w;
  const outHeight = turned ? w : h;
  const out = new Uint8Array(outWidth * outHeight * 4);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const [tx, ty] = targetOf(orientation, x, y, w, h);
      const from = (y * w + x) * 4;
      const to = (ty * outWidth + tx) * 4;
      out[to] = data[from] ?? 0;
      out[to + 1] = data[from + 1] ?? 0;
      out[to + 2] = data[from + 2] ?? 0;
      out[to + 3] = data[from + 3] ?? 255;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/** Where stored pixel (x, y) lands once displayed, for each EXIF orientation. */
function targetOf(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [h - 1 - y, x];
    case 7:
      return [h - 1 - y, w - 1 - x];
    case 8:
      return [y, w - 1 - x];
    default:
      return [x, y];
  }
}
