import type { Point, Rect, Size } from '../editor/image/geometry';
import {
  ZOOM_STEP,
  fitViewport,
  oneToOne,
  panBy,
  scaleLimits,
  toImage,
  zoomBy,
  type Viewport,
} from '../editor/image/viewport';

export type ViewportChange = 'pan' | 'zoom' | 'fit' | 'resize';
type Listener = (viewport: Viewport, change: ViewportChange) => void;

/**
 * The view's zoom and pan, outside React: a wheel tick or a drag frame changes it and the canvas
 * redraws, without re-rendering any component. Until the HITer zooms or pans, the image stays
 * fitted when the window is resized.
 */
export class ViewportController {
  viewport: Viewport = { scale: 1, x: 0, y: 0 };
  view: Size = { width: 0, height: 0 };
  private fitted = true;
  private readonly listeners = new Set<Listener>();

  constructor(readonly image: Size) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(viewport: Viewport, change: ViewportChange): void {
    this.viewport = viewport;
    for (const listener of this.listeners) listener(viewport, change);
  }

  setView(view: Size): void {
    if (view.width === this.view.width && view.height === this.view.height) return;
    const before = this.view;
    this.view = view;
    if (view.width <= 0 || view.height <= 0) return;
    if (this.fitted || before.width <= 0) {
      this.set(fitViewport(this.image, view), 'resize');
      return;
    }
    // Keep what was at the centre at the centre.
    const dx = (view.width - before.width) / 2;
    const dy = (view.height - before.height) / 2;
    this.set({ ...this.viewport, x: this.viewport.x + dx, y: this.viewport.y + dy }, 'resize');
  }

  private limits() {
    return scaleLimits(this.image, this.view);
  }

  fit(): void {
    this.fitted = true;
    this.set(fitViewport(this.image, this.view), 'fit');
  }

  actualSize(): void {
    this.fitted = false;
    this.set(oneToOne(this.viewport, this.view, this.limits()), 'zoom');
  }

  /** Zooms around `at` (screen pixels), the centre of the view by default. */
  zoomBy(factor: number, at: Point = [this.view.width / 2, this.view.height / 2]): void {
    this.fitted = false;
    this.set(zoomBy(this.viewport, factor, at, this.limits()), 'zoom');
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  panBy(dx: number, dy: number): void {
    this.fitted = false;
    this.set(panBy(this.viewport, dx, dy, this.image, this.view), 'pan');
  }

  /** Brings an image area into view (centred) when it is not already wholly in it. */
  reveal(area: Rect): void {
    const { scale, x, y } = this.viewport;
    const left = area.x * scale + x;
    const top = area.y * scale + y;
    const right = left + area.width * scale;
    const bottom = top + area.height * scale;
    if (left >= 0 && top >= 0 && right <= this.view.width && bottom <= this.view.height) return;
    this.panBy(this.view.width / 2 - (left + right) / 2, this.view.height / 2 - (top + bottom) / 2);
  }

  /** The image point at the centre of the view: where the keyboard puts things. */
  centre(): Point {
    return toImage(this.viewport, [this.view.width / 2, this.view.height / 2]);
  }

  /** `pixels` screen pixels, in image pixels at the current zoom (hit radius, nudges). */
  imagePixels(pixels: number): number {
    return pixels / this.viewport.scale;
  }
}
