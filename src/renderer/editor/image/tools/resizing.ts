import { clampPoint } from '../geometry';
import { resizeBox } from '../handles';
import { replaceShape } from '../shape-ops';
import { idle, type Handler } from './types';

/** Dragging a box's grip: the opposite sides stay; the box keeps the project's minimum size. */
export const resizing: Handler = (state, event, ctx) => {
  if (state.mode !== 'resizing') return state;
  switch (event.type) {
    case 'pointerMove': {
      const point = clampPoint(event.point, ctx.image);
      const box = resizeBox(state.original, state.handle, point, ctx.config.minBoxSize, ctx.image);
      ctx.preview(replaceShape(ctx.doc(), box));
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
