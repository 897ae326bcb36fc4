import { shapeById } from '../doc';
import { distance } from '../geometry';
import { translating } from './translating';
import { idle, type Handler } from './types';

/** Pressed on a shape: a click selects it; once the pointer travels, it is a move. */
export const pointing: Handler = (state, event, ctx) => {
  if (state.mode !== 'pointing') return state;
  if (event.type === 'pointerMove') {
    if (distance(event.point, state.start) <= event.tolerance / 2) return state;
    const original = shapeById(ctx.doc(), state.shapeId);
    if (!original) return idle(state.tool);
    const moving = {
      tool: state.tool,
      mode: 'translating' as const,
      shapeId: state.shapeId,
      start: state.start,
      original,
    };
    return translating(moving, event, ctx);
  }
  if (event.type === 'pointerUp' || event.type === 'cancel') return idle(state.tool);
  return state;
};
