import type { Shape } from '../editor/image/doc';
import { STYLE_DASHED, STYLE_FILL, STYLE_SKIP, paletteIndex } from './raster-protocol';
import type { Rect } from '../editor/image/geometry';
import type { ShapeIndex } from '../editor/image/shape-index';
import type { Viewport } from '../editor/image/viewport';
import { withAlpha } from './colors';

/** Either kind of 2D context: the page's canvases and the worker's OffscreenCanvas. */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** How a shape is drawn when it is not the one being edited. */
export type ShapeStyle = { color: string; dashed: boolean; fill: number };

/** The shapes a static layer shows, each with its encoded style (see raster-protocol.ts). */
export type PaintedScene = {
  shapes: readonly Shape[];
  index: ShapeIndex;
  styles: Uint16Array;
  palette: readonly string[];
};

export const LINE_WIDTH = 2;
export const POINT_RADIUS = 4.5;
/** Screen pixels a shape's drawing may reach past its geometry (strokes, point discs). */
export const SHAPE_BLEED = POINT_RADIUS + LINE_WIDTH;
/** How strongly a (small) polygon is tinted. */
export const POLYGON_FILL = 0.18;
/**
 * A polygon is filled only while it is small on screen: there the tint shows where it is; a
 * polygon filling the view tints everything and costs its whole area (in software, that is most
 * of a frame when a few dozen overlap).
 */
const FILL_UP_TO = 160 * 160;

export function styleOf(code: number, palette: readonly string[]): ShapeStyle | null {
  if (code & STYLE_SKIP) return null;
  return {
    color: palette[paletteIndex(code)] ?? '#8a93a3',
    dashed: (code & STYLE_DASHED) !== 0,
    fill: code & STYLE_FILL ? POLYGON_FILL : 0,
  };
}

/**
 * Draws every shape of `scene` that meets `clip` (screen pixels under `viewport`), grouped by
 * style so the canvas state changes a few times, not thousands. Shapes too small to see at this
 * zoom are drawn as a dot: thousands of sub-pixel outlines would cost time and show nothing.
 */
export function drawShapes(ctx: Ctx2D, scene: PaintedScene, viewport: Viewport, clip: Rect): void {
  const { scale } = viewport;
  const area = {
    x: (clip.x - viewport.x) / scale,
    y: (clip.y - viewport.y) / scale,
    width: clip.width / scale,
    height: clip.height / scale,
  };
  const groups = new Map<number, Shape[]>();
  for (const index of scene.index.query(area, SHAPE_BLEED / scale)) {
    const code = scene.styles[index] ?? STYLE_SKIP;
    if (code & STYLE_SKIP) continue;
    let group = groups.get(code);
    if (!group) groups.set(code, (group = []));
    group.push(scene.shapes[index]!);
  }
  for (const [code, shapes] of groups) {
    const style = styleOf(code, scene.palette)!;
    setStyle(ctx, style);
    for (const shape of shapes) drawOne(ctx, shape, viewport, style);
  }
  ctx.setLineDash([]);
}

/** A few shapes in their static look (the interactive layer uses it while the raster catches up). */
export function drawShapeList(
  ctx: Ctx2D,
  entries: ReadonlyArray<{ shape: Shape; style: ShapeStyle }>,
  viewport: Viewport,
) {
  for (const { shape, style } of entries) {
    setStyle(ctx, style);
    drawOne(ctx, shape, viewport, style);
  }
  ctx.setLineDash([]);
}

function setStyle(ctx: Ctx2D, style: ShapeStyle): void {
  ctx.lineWidth = LINE_WIDTH;
  ctx.lineJoin = 'miter';
  ctx.strokeStyle = style.color;
  ctx.fillStyle = withAlpha(style.color, style.fill);
  ctx.setLineDash(style.dashed ? [6, 4] : []);
}

function drawOne(ctx: Ctx2D, shape: Shape, viewport: Viewport, style: ShapeStyle): void {
  const { scale, x: ox, y: oy } = viewport;
  if (shape.type === 'point') {
    const x = shape.x * scale + ox;
    const y = shape.y * scale + oy;
    ctx.fillStyle = style.color;
    ctx.beginPath();
    ctx.arc(x, y, POINT_RADIUS, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.strokeStyle = style.color;
    ctx.lineWidth = LINE_WIDTH;
    ctx.fillStyle = withAlpha(style.color, style.fill);
    return;
  }
  if (shape.type === 'box') {
    // Whole pixels (+1 for the 2-pixel line) keep outlines sharp and the rasteriser fast.
    const x = Math.round(shape.x * scale + ox);
    const y = Math.round(shape.y * scale + oy);
    const w = Math.round(shape.width * scale);
    const h = Math.round(shape.height * scale);
    if (w < 3 && h < 3) {
      ctx.fillStyle = style.color;
      ctx.fillRect(x, y, 2, 2);
      ctx.fillStyle = withAlpha(style.color, style.fill);
      return;
    }
    if (style.fill > 0) ctx.fillRect(x, y, w, h);
    ctx.strokeRect(x, y, w, h);
    return;
  }
  // Outline at screen resolution: vertices less than a pixel apart add work and nothing to see.
  const points = shape.points;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let lastX = NaN;
  let lastY = NaN;
  ctx.beginPath();
  for (let i = 0; i < points.length; i += 1) {
    const [px, py] = points[i]!;
    const x = px * scale + ox;
    const y = py * scale + oy;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (i === 0) ctx.moveTo(x, y);
    else if (Math.abs(x - lastX) >= 1 || Math.abs(y - lastY) >= 1) ctx.lineTo(x, y);
    else continue;
    lastX = x;
    lastY = y;
  }
  ctx.closePath();
  if (maxX - minX < 3 && maxY - minY < 3) {
    ctx.fillStyle = style.color;
    ctx.fillRect(Math.round(minX), Math.round(minY), 2, 2);
    ctx.fillStyle = withAlpha(style.color, style.fill);
    return;
  }
  if (style.fill > 0 && (maxX - minX) * (maxY - minY) <= FILL_UP_TO) ctx.fill();
  ctx.stroke();
}
