import type { Shape } from '../editor/image/doc';
import { distance, type Point, type Rect, type Size } from '../editor/image/geometry';
import { handlesOf, type Handle } from '../editor/image/handles';
import type { Viewport } from '../editor/image/viewport';
import { inkOn, withAlpha } from './colors';
import { drawShapeList, LINE_WIDTH, POINT_RADIUS, type ShapeStyle } from './draw-shapes';

/** What the interactive layer shows: the edited shape with its grips, what is being drawn, guides. */
export type OverlayScene = {
  viewport: Viewport;
  view: Size;
  /** Static shapes the shown raster does not have yet, drawn in their static look. */
  behind: ReadonlyArray<{ shape: Shape; style: ShapeStyle }>;
  selected: { shape: Shape; color: string; name: string; vertex: number | null; editable: boolean } | null;
  hover: { shape: Shape; color: string; name: string } | null;
  hoverHandle: Handle | null;
  draft:
    | { kind: 'box'; anchor: Point; current: Point; color: string }
    | {
        kind: 'polygon';
        points: readonly Point[];
        cursor: Point | null;
        color: string;
        closeTolerance: number;
      }
    | null;
  /** The crosshair: where the pointer is (image coordinates), while a drawing tool is chosen. */
  guides: Point | null;
  /** The keyboard's centre mark, where A puts things. */
  centreMark: boolean;
};

const GRIP = 8;
const VERTEX = 5;

/** Whether drawOverlay would draw anything at all. */
export function overlayHasContent(scene: OverlayScene): boolean {
  return (
    scene.behind.length > 0 ||
    scene.selected !== null ||
    scene.hover !== null ||
    scene.hoverHandle !== null ||
    scene.draft !== null ||
    scene.guides !== null ||
    scene.centreMark
  );
}

export function drawOverlay(ctx: CanvasRenderingContext2D, scene: OverlayScene): void {
  const { viewport } = scene;
  const toScreen = ([x, y]: Point): Point => [
    x * viewport.scale + viewport.x,
    y * viewport.scale + viewport.y,
  ];
  if (scene.behind.length > 0) drawShapeList(ctx, scene.behind, viewport);
  ctx.lineJoin = 'round';
  if (scene.hover && scene.hover.shape.id !== scene.selected?.shape.id) {
    outline(ctx, scene.hover.shape, toScreen, scene.hover.color, LINE_WIDTH + 2, 0.12);
    tag(ctx, scene.hover.shape, toScreen, scene.hover.color, scene.hover.name);
  }
  if (scene.selected) drawSelected(ctx, scene, toScreen);
  if (scene.draft) drawDraft(ctx, scene.draft, toScreen);
  if (scene.guides) drawGuides(ctx, toScreen(scene.guides), scene.view);
  if (scene.centreMark) drawCentreMark(ctx, scene.view);
}

function trace(ctx: CanvasRenderingContext2D, shape: Shape, toScreen: (p: Point) => Point): void {
  ctx.beginPath();
  if (shape.type === 'box') {
    const [x, y] = toScreen([shape.x, shape.y]);
    const [right, bottom] = toScreen([shape.x + shape.width, shape.y + shape.height]);
    ctx.rect(x, y, right - x, bottom - y);
  } else if (shape.type === 'polygon') {
    shape.points.forEach((point, index) => {
      const [x, y] = toScreen(point);
      if (index === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.closePath();
  } else {
    const [x, y] = toScreen([shape.x, shape.y]);
    ctx.arc(x, y, POINT_RADIUS + 2, 0, Math.PI * 2);
  }
}

function outline(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  toScreen: (p: Point) => Point,
  color: string,
  width: number,
  fill: number,
): void {
  trace(ctx, shape, toScreen);
  ctx.fillStyle = shape.type === 'point' ? color : withAlpha(color, fill);
  ctx.fill();
  // A dark halo under the colour keeps the outline visible on any photo.
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.lineWidth = width + 2;
  ctx.stroke();
  ctx.strokeStyle = shape.type === 'point' ? '#ffffff' : color;
  ctx.lineWidth = width;
  ctx.stroke();
}

function drawSelected(
  ctx: CanvasRenderingContext2D,
  scene: OverlayScene,
  toScreen: (p: Point) => Point,
): void {
  const selected = scene.selected!;
  const { shape, color } = selected;
  outline(ctx, shape, toScreen, color, LINE_WIDTH + 1, 0.22);
  tag(ctx, shape, toScreen, color, selected.name);
  if (!selected.editable) return;
  const minEdge = (GRIP * 4) / scene.viewport.scale;
  for (const { handle, point } of handlesOf(shape, minEdge)) {
    const [x, y] = toScreen(point);
    const hovered = sameHandle(handle, scene.hoverHandle);
    if (handle.type === 'box') {
      const size = hovered ? GRIP + 2 : GRIP;
      ctx.fillStyle = hovered ? color : '#ffffff';
      ctx.strokeStyle = '#111111';
      ctx.lineWidth = 1.5;
      ctx.fillRect(x - size / 2, y - size / 2, size, size);
      ctx.strokeRect(x - size / 2, y - size / 2, size, size);
    } else {
      const isVertex = handle.type === 'vertex';
      const picked = isVertex && handle.index === selected.vertex;
      ctx.beginPath();
      ctx.arc(x, y, isVertex ? (hovered || picked ? VERTEX + 2 : VERTEX) : VERTEX - 1.5, 0, Math.PI * 2);
      ctx.fillStyle = picked || hovered ? color : isVertex ? '#ffffff' : 'rgba(255, 255, 255, 0.6)';
      ctx.fill();
      ctx.strokeStyle = '#111111';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
}

function sameHandle(a: Handle, b: Handle | null): boolean {
  if (!b || a.type !== b.type) return false;
  return a.type === 'box' ? a.handle === (b as typeof a).handle : a.index === (b as typeof a).index;
}

/** The label's name on its colour, above the shape's top-left corner. */
function tag(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  toScreen: (p: Point) => Point,
  color: string,
  name: string,
) {
  const anchor: Point =
    shape.type === 'box'
      ? [shape.x, shape.y]
      : shape.type === 'point'
        ? [shape.x, shape.y]
        : shape.points.reduce((top, p) => (p[1] < top[1] ? p : top), shape.points[0]!);
  const [x, y] = toScreen(anchor);
  ctx.font = '600 12px system-ui, sans-serif';
  const width = ctx.measureText(name).width + 10;
  const top = Math.max(0, y - 20);
  ctx.fillStyle = color;
  ctx.fillRect(x, top, width, 18);
  ctx.fillStyle = inkOn(color);
  ctx.textBaseline = 'middle';
  ctx.fillText(name, x + 5, top + 9);
}

function drawDraft(
  ctx: CanvasRenderingContext2D,
  draft: NonNullable<OverlayScene['draft']>,
  toScreen: (p: Point) => Point,
): void {
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = LINE_WIDTH;
  if (draft.kind === 'box') {
    const [ax, ay] = toScreen(draft.anchor);
    const [cx, cy] = toScreen(draft.current);
    const rect: Rect = {
      x: Math.min(ax, cx),
      y: Math.min(ay, cy),
      width: Math.abs(cx - ax),
      height: Math.abs(cy - ay),
    };
    ctx.fillStyle = withAlpha(draft.color, 0.15);
    ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
    ctx.strokeStyle = '#000000';
    ctx.lineDashOffset = 5;
    ctx.strokeRect(rect.x, rect.y, rect.width, rect.height);
    ctx.strokeStyle = draft.color;
    ctx.lineDashOffset = 0;
    ctx.strokeRect(rect.x, rect.y, rect.width, rect.height);
    ctx.setLineDash([]);
    const w = Math.round(Math.abs(draft.current[0] - draft.anchor[0]));
    const h = Math.round(Math.abs(draft.current[1] - draft.anchor[1]));
    label(ctx, `${w} × ${h}`, rect.x + rect.width + 6, rect.y + rect.height + 6);
    return;
  }
  const screen = draft.points.map(toScreen);
  ctx.beginPath();
  screen.forEach(([x, y], index) => (index === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  if (draft.cursor) {
    const [x, y] = toScreen(draft.cursor);
    ctx.lineTo(x, y);
  }
  ctx.strokeStyle = draft.color;
  ctx.stroke();
  ctx.setLineDash([]);
  const closing =
    draft.cursor !== null &&
    draft.points.length >= 3 &&
    distance(draft.cursor, draft.points[0]!) <= draft.closeTolerance;
  screen.forEach(([x, y], index) => {
    ctx.beginPath();
    ctx.arc(x, y, index === 0 ? (closing ? VERTEX + 3 : VERTEX + 1) : VERTEX - 1, 0, Math.PI * 2);
    ctx.fillStyle = index === 0 ? draft.color : '#ffffff';
    ctx.fill();
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  });
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  ctx.font = '600 12px system-ui, sans-serif';
  const width = ctx.measureText(text).width + 8;
  ctx.fillStyle = 'rgba(17, 17, 17, 0.8)';
  ctx.fillRect(x, y, width, 18);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + 4, y + 9);
}

/** Full-width and full-height lines through the pointer, light over dark so any photo shows them. */
function drawGuides(ctx: CanvasRenderingContext2D, [x, y]: Point, view: Size): void {
  const px = Math.round(x) + 0.5;
  const py = Math.round(y) + 0.5;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
  ctx.beginPath();
  ctx.moveTo(px, 0);
  ctx.lineTo(px, view.height);
  ctx.moveTo(0, py);
  ctx.lineTo(view.width, py);
  ctx.stroke();
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawCentreMark(ctx: CanvasRenderingContext2D, view: Size): void {
  const x = Math.round(view.width / 2) + 0.5;
  const y = Math.round(view.height / 2) + 0.5;
  for (const [color, width] of [
    ['rgba(0, 0, 0, 0.7)', 4],
    ['#ffffff', 2],
  ] as const) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x - 14, y);
    ctx.lineTo(x - 4, y);
    ctx.moveTo(x + 4, y);
    ctx.lineTo(x + 14, y);
    ctx.moveTo(x, y - 14);
    ctx.lineTo(x, y - 4);
    ctx.moveTo(x, y + 4);
    ctx.lineTo(x, y + 14);
    ctx.stroke();
  }
}
