import { isSelfIntersecting } from '../../../../shared/domain/kinds/image';
import { clampPoint, distance, type Point } from '../geometry';
import { addShapes, makePolygon } from '../shape-ops';
import { idle, type Handler, type ToolContext, type ToolState } from './types';

/** Screen-pixel spacing (in tolerances) of the vertices a press-and-drag lays down. */
const TRACE_SPACING = 1.5;

/**
 * A polygon being drawn: each click (or A) adds a vertex, pressing and dragging traces vertices
 * along the way, a click on the first vertex, Enter or a double-click closes it, Backspace removes
 * the last vertex and Esc drops it.
 */
export const drawingPolygon: Handler = (state, event, ctx) => {
  if (state.mode !== 'drawingPolygon') return state;
  switch (event.type) {
    case 'pointerDown':
    case 'place': {
      const first = state.points[0]!;
      if (state.points.length >= 3 && distance(event.point, first) <= event.tolerance)
        return close(state.points, ctx);
      const point = clampPoint(event.point, ctx.image);
      return {
        ...state,
        points: [...state.points, point],
        cursor: point,
        pressed: event.type === 'pointerDown',
      };
    }
    case 'pointerMove': {
      const point = clampPoint(event.point, ctx.image);
      const last = state.points[state.points.length - 1]!;
      if (state.pressed && distance(point, last) >= event.tolerance * TRACE_SPACING)
        return { ...state, points: [...state.points, point], cursor: point };
      return { ...state, cursor: point };
    }
    case 'aim':
      return { ...state, cursor: clampPoint(event.point, ctx.image) };
    case 'pointerUp':
      return { ...state, pressed: false };
    case 'doubleClick':
      return close(withoutRepeats(state.points, event.tolerance), ctx, state);
    case 'complete':
      return close(state.points, ctx, state);
    case 'undoPoint': {
      const points = state.points.slice(0, -1);
      return points.length === 0 ? idle('polygon') : { ...state, points };
    }
    case 'cancel':
      return idle('polygon');
  }
};

/** A double-click lays two vertices on the same spot before it closes: keep one. */
function withoutRepeats(points: readonly Point[], tolerance: number): Point[] {
  return points.filter((point, index) => index === 0 || distance(point, points[index - 1]!) > tolerance / 2);
}

function close(points: readonly Point[], ctx: ToolContext, unfinished?: ToolState): ToolState {
  const label = ctx.drawLabel('polygon');
  if (!label) {
    ctx.notice('noLabel');
    return idle('polygon');
  }
  if (points.length < 3) {
    ctx.notice('polygonTooFew');
    return unfinished ?? idle('polygon');
  }
  const id = ctx.newId();
  ctx.commit(addShapes(ctx.doc(), [makePolygon(id, label, points)]));
  ctx.select(id);
  // Allowed (a client may want it), but rarely meant: say so.
  if (isSelfIntersecting(points)) ctx.notice('polygonCrosses');
  return idle('polygon');
}
