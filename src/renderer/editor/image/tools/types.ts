import type { ImageConfig, ImageLabel } from '../../../../shared/domain/kinds/image';
import type { BoxShape, ImageDoc, PolygonShape, Shape, ShapeType } from '../doc';
import type { Point, Size } from '../geometry';
import type { BoxHandle } from '../handles';
import type { ShapeIndex } from '../shape-index';

/**
 * The image tools as small state machines (one file per state, as tldraw does). A state is plain
 * data; a handler takes the state, an event and the context, and returns the next state. Nothing
 * here knows about React, Konva or the DOM: events arrive in image coordinates.
 */
export type ToolName = 'select' | 'box' | 'polygon' | 'point';
export const TOOL_NAMES: readonly ToolName[] = ['select', 'box', 'polygon', 'point'];

/** The shape each drawing tool makes. */
export const TOOL_SHAPE: Record<Exclude<ToolName, 'select'>, ShapeType> = {
  box: 'box',
  polygon: 'polygon',
  point: 'point',
};

export type ToolState =
  | { tool: ToolName; mode: 'idle' }
  /** Pressed on a shape; becomes a move once the pointer travels. */
  | { tool: ToolName; mode: 'pointing'; shapeId: string; start: Point }
  | { tool: ToolName; mode: 'translating'; shapeId: string; start: Point; original: Shape }
  | { tool: ToolName; mode: 'resizing'; shapeId: string; handle: BoxHandle; original: BoxShape }
  | { tool: ToolName; mode: 'draggingVertex'; shapeId: string; index: number; original: PolygonShape }
  /** A box being drawn from `anchor` to `current`; with the keyboard, `current` follows the centre mark. */
  | { tool: 'box'; mode: 'drawingBox'; anchor: Point; current: Point; keyboard: boolean }
  | { tool: 'polygon'; mode: 'drawingPolygon'; points: Point[]; cursor: Point | null; pressed: boolean };

export type ToolMode = ToolState['mode'];

type Pointer = {
  /** Image coordinates, not clamped to the image. */
  point: Point;
  /** How near counts as "on" something, in image pixels (a few screen pixels at the current zoom). */
  tolerance: number;
  altKey: boolean;
  shiftKey: boolean;
};

export type ToolEvent =
  | ({ type: 'pointerDown' | 'pointerMove' | 'pointerUp' | 'doubleClick' } & Pointer)
  /** The keyboard's "put it here" (A) at the centre mark. */
  | { type: 'place'; point: Point; tolerance: number }
  /** The centre mark moved (the view was panned or zoomed) while drawing with the keyboard. */
  | { type: 'aim'; point: Point }
  /** Enter: finish the polygon being drawn. */
  | { type: 'complete' }
  /** Esc: drop what is being drawn or dragged. */
  | { type: 'cancel' }
  /** Backspace while drawing: remove the last vertex. */
  | { type: 'undoPoint' };

/** Short messages the tools give the HITer (said in their language by the workspace). */
export type NoticeCode =
  | 'noLabel'
  | 'boxTooSmall'
  | 'polygonTooFew'
  | 'polygonCrosses'
  | 'polygonMinVertices'
  | 'labelNotForShape'
  | 'locked'
  | 'copied'
  | 'nothingToCopy'
  | 'noPrevious'
  | 'copyFailed';

export type ToolContext = {
  readonly config: ImageConfig;
  readonly image: Size;
  /** The document as shown now (a gesture in progress included). */
  doc(): ImageDoc;
  index(): ShapeIndex;
  selectedId(): string | null;
  /** Visible and not locked (neither the shape nor its label). */
  canEdit(shape: Shape): boolean;
  /** The label new shapes of `type` get: the current one if it allows `type`. */
  drawLabel(type: ShapeType): ImageLabel | null;
  newId(): string;
  select(id: string | null, vertex?: number | null): void;
  /** A frame of a gesture: shown, not yet an undo step. */
  preview(doc: ImageDoc): void;
  /** One undo step (folding the gesture in progress, if any). */
  commit(doc: ImageDoc): void;
  cancelGesture(): void;
  notice(code: NoticeCode, params?: Record<string, string | number>): void;
};

export type Handler = (state: ToolState, event: ToolEvent, ctx: ToolContext) => ToolState;

export function idle(tool: ToolName): ToolState {
  return { tool, mode: 'idle' };
}
