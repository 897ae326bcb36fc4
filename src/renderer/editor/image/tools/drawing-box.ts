import { clampPoint, distance, rectFromCorners, type Point } from '../geometry';
import { addShapes, makeBox } from '../shape-ops';
import { idle, type Handler, type ToolContext, type ToolState } from './types';

/**
 * A box between the press and the pointer (or, with the keyboard, between two presses of A at
 * the centre mark). Too small to be meant, it is dropped with a word why; a click without a drag
 * selects what is under it instead.
 */
export const drawingBox: Handler = (state, event, ctx) => {
  if (state.mode !== 'drawingBox') return state;
  switch (event.type) {
    case 'pointerMove':
      return state.keyboard ? state : { ...state, current: clampPoint(event.point, ctx.image) };
    case 'aim':
      return state.keyboard ? { ...state, current: clampPoint(event.point, ctx.image) } : state;
    case 'pointerUp': {
      if (state.keyboard) return state;
      const current = clampPoint(event.point, ctx.image);
      if (distance(current, state.anchor) <= event.tolerance / 2) {
        const hit = ctx.index().hit(event.point, event.tolerance, ctx.canEdit);
        ctx.select(hit?.id ?? null);
        return idle('box');
      }
      return finish(state.anchor, current, ctx);
    }
    case 'place':
      return finish(state.anchor, clampPoint(event.point, ctx.image), ctx);
    case 'cancel':
      return idle('box');
    default:
      return state;
  }
};

function finish(anchor: Point, current: Point, ctx: ToolContext): ToolState {
  const label = ctx.drawLabel('box');
  const rect = rectFromCorners(anchor, current);
  if (!label) {
    ctx.notice('noLabel');
  } else if (rect.width < ctx.config.minBoxSize || rect.height < ctx.config.minBoxSize) {
    ctx.notice('boxTooSmall', { size: ctx.config.minBoxSize });
  } else {
    const id = ctx.newId();
    ctx.commit(addShapes(ctx.doc(), [makeBox(id, label, rect)]));
    ctx.select(id);
  }
  return idle('box');
}
