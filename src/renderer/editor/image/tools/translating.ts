import { translateShape } from '../handles';
import { replaceShape } from '../shape-ops';
import { idle, type Handler } from './types';

/** Dragging a shape: every frame a preview, the release one undo step, Esc puts it back. */
export const translating: Handler = (state, event, ctx) => {
  if (state.mode !== 'translating') return state;
  switch (event.type) {
    case 'pointerMove': {
      const dx = event.point[0] - state.start[0];
      const dy = event.point[1] - state.start[1];
      ctx.preview(replaceShape(ctx.doc(), translateShape(state.original, dx, dy, ctx.image)));
      return state;
    }
    case 'pointerUp':
      ctx.commit(ctx.doc());
      return idle(state.tool);
    case 'cancel':
      ctx.cancelGesture();
      return idle(state.tool);
    default:
      return state;
  }
};
