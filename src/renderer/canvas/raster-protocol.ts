import type { Shape } from '../editor/image/doc';
import type { Rect } from '../editor/image/geometry';
import type { Viewport } from '../editor/image/viewport';
import type { PatchOp } from '../editor/patch';

/**
 * Messages between the scene renderer (main thread) and the raster painter (a worker, or the
 * main thread where workers are missing). The painter keeps its own copy of the shapes, updated
 * by patches, and the image's bitmaps (transferred once); it answers render requests with bitmaps.
 */
export type LayerName = 'image' | 'shapes';

/** A shape's look in one 16-bit number: palette index, and flags. */
export const STYLE_SKIP = 1 << 12;
export const STYLE_DASHED = 1 << 13;
export const STYLE_FILL = 1 << 14;
const PALETTE_MASK = 0x0fff;

export function encodeStyle(
  palette: number,
  options: { skip?: boolean; dashed?: boolean; fill?: boolean },
): number {
  return (
    (palette & PALETTE_MASK) |
    (options.skip ? STYLE_SKIP : 0) |
    (options.dashed ? STYLE_DASHED : 0) |
    (options.fill ? STYLE_FILL : 0)
  );
}

export function paletteIndex(style: number): number {
  return style & PALETTE_MASK;
}

export type PyramidDescription = {
  width: number;
  height: number;
  complete: boolean;
  levels: Array<{ factor: number; width: number; height: number; tiles: Array<{ rect: Rect; id: number }> }>;
};

export type ToPainter =
  | {
      type: 'scene';
      version: number;
      /** The whole list (first time, or after a change too large to patch) or patches to the last one. */
      shapes?: Shape[];
      ops?: PatchOp[];
      styles: Uint16Array;
      palette: string[];
    }
  | { type: 'bitmaps'; entries: Array<{ id: number; bitmap: ImageBitmap }> }
  | { type: 'pyramid'; version: number; pyramid: PyramidDescription | null }
  | { type: 'release'; ids: number[] }
  | {
      type: 'render';
      seq: number;
      layer: LayerName;
      viewport: Viewport;
      region: Rect;
      pixelRatio: number;
    };

export type FromPainter = {
  type: 'rendered';
  seq: number;
  layer: LayerName;
  viewport: Viewport;
  region: Rect;
  /** The scene (shapes) or pyramid (image) version drawn. */
  version: number;
  bitmap: ImageBitmap | null;
  ms: number;
  /**
   * For the image layer: true when the raster shows the image as sharp as its view needs (at
   * least one image pixel per device pixel, or the full resolution), not a preview stretched up.
   */
  sharp: boolean;
};
