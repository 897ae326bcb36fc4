import type { Shape } from '../editor/image/doc';
import type { Rect, Size } from '../editor/image/geometry';
import { ShapeIndex } from '../editor/image/shape-index';
import type { Viewport } from '../editor/image/viewport';
import { applyPatch } from '../editor/patch';
import { drawShapes, type Ctx2D, type PaintedScene } from './draw-shapes';
import { drawPyramid, type ImagePyramid } from './image-pyramid';
import type { LayerName, PyramidDescription, ToPainter } from './raster-protocol';

/** A surface the painter draws a layer on: an OffscreenCanvas in the worker, a canvas otherwise. */
export type Surface = { context: Ctx2D; resize(width: number, height: number): void };

/**
 * Draws the image and static-shapes rasters for a viewport and region, from its own copy of the
 * scene. The same code runs in the worker and, where workers are missing, on the main thread.
 */
export class RasterPainter {
  private shapes: Shape[] = [];
  private scene: PaintedScene | null = null;
  private sceneVersion = 0;
  private readonly bitmaps = new Map<number, ImageBitmap>();
  private pyramid: ImagePyramid | null = null;
  private pyramidVersion = 0;
  /** Whether the last image raster painted was as sharp as its view needs (drawPyramid). */
  lastImageSharp = false;

  constructor(private readonly image: Size) {}

  receive(message: Exclude<ToPainter, { type: 'render' }>): void {
    switch (message.type) {
      case 'scene': {
        if (message.shapes) this.shapes = message.shapes;
        else if (message.ops) this.shapes = applyPatch(this.shapes, message.ops);
        this.scene = {
          shapes: this.shapes,
          index: new ShapeIndex(this.shapes),
          styles: message.styles,
          palette: message.palette,
        };
        this.sceneVersion = message.version;
        return;
      }
      case 'bitmaps':
        for (const { id, bitmap } of message.entries) this.bitmaps.set(id, bitmap);
        return;
      case 'pyramid':
        this.pyramid = message.pyramid ? this.resolve(message.pyramid) : null;
        this.pyramidVersion = message.version;
        return;
      case 'release':
        for (const id of message.ids) {
          this.bitmaps.get(id)?.close();
          this.bitmaps.delete(id);
        }
        return;
    }
  }

  private resolve(description: PyramidDescription): ImagePyramid | null {
    const levels = [];
    for (const level of description.levels) {
      const tiles = [];
      for (const tile of level.tiles) {
        const bitmap = this.bitmaps.get(tile.id);
        if (!bitmap) return null;
        tiles.push({ rect: tile.rect, bitmap });
      }
      levels.push({ ...level, tiles });
    }
    return { width: description.width, height: description.height, complete: description.complete, levels };
  }

  /** Draws one layer on `surface`; returns the version of what it drew. */
  paint(layer: LayerName, viewport: Viewport, region: Rect, pixelRatio: number, surface: Surface): number {
    const width = Math.max(1, Math.ceil(region.width * pixelRatio));
    const height = Math.max(1, Math.ceil(region.height * pixelRatio));
    surface.resize(width, height);
    if (layer === 'image') this.lastImageSharp = false;
    const ctx = surface.context;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, -region.x * pixelRatio, -region.y * pixelRatio);
    if (region.width <= 0 || region.height <= 0)
      return layer === 'image' ? this.pyramidVersion : this.sceneVersion;
    if (layer === 'image') {
      if (this.pyramid) {
        const area = {
          x: (region.x - viewport.x) / viewport.scale,
          y: (region.y - viewport.y) / viewport.scale,
          width: region.width / viewport.scale,
          height: region.height / viewport.scale,
        };
        this.lastImageSharp = drawPyramid(ctx, this.pyramid, this.image, area, viewport, pixelRatio);
      }
      return this.pyramidVersion;
    }
    if (this.scene) drawShapes(ctx, this.scene, viewport, region);
    return this.sceneVersion;
  }

  close(): void {
    for (const bitmap of this.bitmaps.values()) bitmap.close();
    this.bitmaps.clear();
  }
}
