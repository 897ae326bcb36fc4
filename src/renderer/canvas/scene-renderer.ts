import Konva from 'konva';
import type { Shape } from '../editor/image/doc';
import type { Size } from '../editor/image/geometry';
import type { Viewport } from '../editor/image/viewport';
import { diff } from '../editor/patch';
import { drawOverlay, overlayHasContent, type OverlayScene } from './draw-overlay';
import { SHAPE_BLEED } from './draw-shapes';
import type { ImagePyramid } from './image-pyramid';
import { RasterClient, type Painted } from './raster-client';
import { mustRedraw, rasterPlacement, rasterRegion, worthRedrawing } from './raster-plan';
import type { LayerName, PyramidDescription } from './raster-protocol';

export type SceneNodes = {
  imageLayer: Konva.Layer;
  imageNode: Konva.Image;
  shapesLayer: Konva.Layer;
  shapesNode: Konva.Image;
  overlayLayer: Konva.Layer | null;
  overlayNode: Konva.Shape | null;
};

/** The static shapes: all of them, each with its encoded style (raster-protocol.ts). */
export type StaticScene = {
  shapes: readonly Shape[];
  styles: Uint16Array;
  palette: string[];
  /** The shape left to the interactive layer (the selected one), if any. */
  excluded: string | null;
};

/** One frame's work on the main thread, for the benchmark. */
export type FrameReport = { ms: number; overlay: boolean };

/** How long the view must rest before stretched rasters are drawn sharp again. */
export const SETTLE_MS = 140;

type Front = Painted & { excluded: string | null; complete: boolean };
const LAYERS: readonly LayerName[] = ['image', 'shapes'];

/**
 * Draws the scene outside React, at most once per animation frame:
 * - the image and the static shapes (hit-testing off) are painted as rasters by a worker, over the
 *   view plus a margin; a pan only moves them and a zoom only scales them, and a fresh raster is
 *   asked for when the view leaves the margin, stretches too far, or rests;
 * - the interactive layer draws the edited shape, its grips, the shape being drawn and the guides
 *   every frame, on the main thread: a handful of things.
 * The main thread never draws thousands of shapes, so a frame costs a few blits whatever the scene.
 */
export class SceneRenderer {
  private viewport: Viewport = { scale: 1, x: 0, y: 0 };
  private view: Size = { width: 0, height: 0 };
  private readonly client: RasterClient;
  private readonly front: Record<LayerName, Front | null> = { image: null, shapes: null };
  private readonly waiting: Record<LayerName, boolean> = { image: false, shapes: false };
  private version: Record<LayerName, number> = { image: 0, shapes: 0 };
  private readonly excludedAt = new Map<number, string | null>();
  private readonly completeAt = new Map<number, boolean>();
  private sentShapes: readonly Shape[] | null = null;
  private readonly bitmapIds = new WeakMap<ImageBitmap, number>();
  private nextBitmapId = 1;
  private seq = 0;
  private settled = false;
  private overlay: (() => OverlayScene | null) | null = null;
  /** The overlay as the last frame drew it (null: nothing to draw). */
  private overlayScene: OverlayScene | null = null;
  private overlayShown = true;
  private dirty = { overlay: true, place: true };
  private frame: number | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Set by the benchmark: each frame's main-thread work, rasterisation included. */
  onFrame: ((report: FrameReport) => void) | null = null;
  /** Called after every frame that drew something. */
  onDrawn: (() => void) | null = null;
  /** Called with each raster the painter sends back (the benchmark keeps its timings). */
  onPainted: ((layer: LayerName, ms: number) => void) | null = null;
  /**
   * What has been shown of the image so far: nothing, a preview, or the image at the full
   * resolution its view needs (FromPainter.sharp).
   */
  imageShown: 'none' | 'preview' | 'full' = 'none';

  constructor(
    private readonly nodes: SceneNodes,
    private readonly image: Size,
  ) {
    this.client = new RasterClient(image, (painted) => this.painted(painted));
    nodes.overlayNode?.sceneFunc((context) => {
      if (this.overlayScene) drawOverlay(context._context, this.overlayScene);
    });
    nodes.imageNode.visible(false);
    nodes.shapesNode.visible(false);
  }

  setView(view: Size): void {
    this.view = view;
    this.dirty = { overlay: true, place: true };
    this.request();
  }

  setViewport(viewport: Viewport): void {
    this.viewport = viewport;
    this.dirty.place = true;
    this.dirty.overlay = true;
    this.settled = false;
    this.request();
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.settled = true;
      this.request();
    }, SETTLE_MS);
  }

  /** A new image (or a better decoded one): its bitmaps go to the painter once, by transfer. */
  setPyramid(pyramid: ImagePyramid | null): void {
    const version = ++this.version.image;
    if (!pyramid) {
      this.client.post({ type: 'pyramid', version, pyramid: null });
      this.request();
      return;
    }
    const fresh: Array<{ id: number; bitmap: ImageBitmap }> = [];
    const description: PyramidDescription = {
      width: pyramid.width,
      height: pyramid.height,
      complete: pyramid.complete,
      levels: pyramid.levels.map((level) => ({
        factor: level.factor,
        width: level.width,
        height: level.height,
        tiles: level.tiles.map((tile) => {
          let id = this.bitmapIds.get(tile.bitmap);
          if (id === undefined) {
            id = this.nextBitmapId++;
            this.bitmapIds.set(tile.bitmap, id);
            fresh.push({ id, bitmap: tile.bitmap });
          }
          return { rect: tile.rect, id };
        }),
      })),
    };
    const transfer = this.client.onMainThread ? [] : fresh.map((entry) => entry.bitmap);
    if (fresh.length > 0) this.client.post({ type: 'bitmaps', entries: fresh }, transfer);
    this.client.post({ type: 'pyramid', version, pyramid: description });
    this.completeAt.set(version, pyramid.complete);
    this.request();
  }

  /** New static shapes or looks: sent as a patch to what the painter has when that is smaller. */
  setStaticScene(scene: StaticScene): void {
    const version = ++this.version.shapes;
    const before = this.sentShapes;
    const ops = before ? diff(before, scene.shapes) : null;
    const whole = !ops || ops.length > 64;
    this.client.post({
      type: 'scene',
      version,
      ...(whole ? { shapes: [...scene.shapes] } : { ops }),
      styles: scene.styles,
      palette: scene.palette,
    });
    this.sentShapes = scene.shapes;
    this.excludedAt.set(version, scene.excluded);
    this.request();
  }

  /** The shape the shown shapes raster leaves out (it may lag a frame behind the selection). */
  get shownExcluded(): string | null {
    return this.front.shapes?.excluded ?? null;
  }

  /** True once the image shown comes from the full decoded image (every level, not a rendition). */
  get imageComplete(): boolean {
    return this.front.image?.complete ?? false;
  }

  /** True while the shapes raster shown is older than the scene. */
  get shapesBehind(): boolean {
    return (this.front.shapes?.version ?? -1) !== this.version.shapes;
  }

  /** What the interactive layer shows, asked for at draw time (so it is never a frame late). */
  setOverlay(source: (() => OverlayScene | null) | null): void {
    this.overlay = source;
    this.invalidateOverlay();
  }

  invalidateOverlay(): void {
    this.dirty.overlay = true;
    this.request();
  }

  /** Draws now rather than at the next frame (the benchmark measures a frame's work this way). */
  flush(): FrameReport | null {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    return this.draw();
  }

  private request(): void {
    if (this.frame !== null || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private painted(painted: Painted): void {
    if (this.destroyed) {
      painted.bitmap.close?.();
      return;
    }
    const { layer } = painted;
    this.waiting[layer] = false;
    this.onPainted?.(layer, painted.ms);
    const shown = this.front[layer];
    // Answers come in order; one for an older scene than what is shown is dropped.
    if (shown && painted.version < shown.version) {
      painted.bitmap.close?.();
    } else {
      const replaced = shown?.bitmap;
      this.front[layer] = {
        ...painted,
        excluded: this.excludedAt.get(painted.version) ?? null,
        complete: this.completeAt.get(painted.version) ?? false,
      };
      const node = layer === 'image' ? this.nodes.imageNode : this.nodes.shapesNode;
      node.image(painted.bitmap);
      // The node shows the new picture from the next draw on; the old one can go.
      if (replaced && replaced !== painted.bitmap) queueMicrotask(() => replaced.close?.());
      // The image counts as shown in full once a raster is as sharp as its view needs: at the
      // fitted view, a level with a pixel per screen pixel is that; a stretched preview is not.
      if (layer === 'image' && this.completeAt.has(painted.version) && this.imageShown !== 'full')
        this.imageShown = painted.sharp ? 'full' : 'preview';
      if (layer === 'shapes') this.dirty.overlay = true;
      this.dirty.place = true;
    }
    this.request();
  }

  /** Asks the painter for a fresh raster of a layer when the shown one will not do. */
  private ask(layer: LayerName): void {
    if (this.waiting[layer]) return;
    const { viewport, view, image } = this;
    const bleed = layer === 'shapes' ? SHAPE_BLEED : 0;
    const shown = this.front[layer];
    const current = shown?.version === this.version[layer];
    const needed =
      !shown ||
      !current ||
      mustRedraw(shown, viewport, view, image, bleed) ||
      (this.settled && worthRedrawing(shown, viewport, view, image, bleed));
    if (!needed) return;
    this.waiting[layer] = true;
    this.client.post({
      type: 'render',
      seq: ++this.seq,
      layer,
      viewport,
      region: rasterRegion(viewport, view, image, bleed),
      pixelRatio: Konva.pixelRatio,
    });
  }

  private draw(): FrameReport | null {
    if (this.destroyed || this.view.width <= 0 || this.view.height <= 0) return null;
    const started = performance.now();
    for (const layer of LAYERS) this.ask(layer);
    const place = this.dirty.place;
    if (place) {
      placeNode(this.nodes.imageNode, this.front.image, this.viewport);
      placeNode(this.nodes.shapesNode, this.front.shapes, this.viewport);
      this.nodes.imageLayer.draw();
      this.nodes.shapesLayer.draw();
    }
    let overlay = this.dirty.overlay && this.nodes.overlayLayer !== null;
    if (overlay) {
      const scene = this.overlay?.() ?? null;
      this.overlayScene = scene !== null && overlayHasContent(scene) ? scene : null;
      // Nothing to show, and nothing shown: the layer need not be cleared again (a pan or a zoom
      // with no shape selected costs one canvas less a frame).
      overlay = this.overlayScene !== null || this.overlayShown;
      this.overlayShown = this.overlayScene !== null;
    }
    if (overlay) this.nodes.overlayLayer?.draw();
    this.dirty = { overlay: false, place: false };
    if (!place && !overlay) return null;
    let report: FrameReport | null = null;
    if (this.onFrame) {
      // Canvas drawing is recorded and rasterised later; reading a pixel makes that happen now,
      // so the figure is the frame's whole cost.
      for (const layer of [this.nodes.imageLayer, this.nodes.shapesLayer, this.nodes.overlayLayer])
        layer?.getNativeCanvasElement().getContext('2d')?.getImageData(0, 0, 1, 1);
      report = { ms: performance.now() - started, overlay };
      this.onFrame(report);
    }
    this.onDrawn?.();
    return report;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.client.destroy();
    for (const layer of LAYERS) this.front[layer]?.bitmap.close?.();
  }
}

function placeNode(node: Konva.Image, front: Front | null, viewport: Viewport): void {
  if (!front || front.region.width <= 0 || front.region.height <= 0) {
    node.visible(false);
    return;
  }
  const { x, y, width, height } = rasterPlacement(front, viewport);
  node.visible(true);
  node.position({ x, y });
  node.size({ width, height });
}
