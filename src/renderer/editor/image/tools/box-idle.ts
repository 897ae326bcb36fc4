import { clampPoint } from '../geometry';
import { pressGrip } from './grips';
import type { Handler } from './types';

/** Box tool, nothing pressed: a press starts a box (or grabs a grip of the selected shape). */
export const boxIdle: Handler = (state, event, ctx) => {
  if (event.type !== 'pointerDown' && event.type !== 'place') return state;
  if (event.type === 'pointerDown') {
    const grip = pressGrip(state.tool, event.point, event.tolerance, event.altKey, ctx);
    if (grip) return grip;
  }
  if (!ctx.drawLabel('box')) {
    ctx.notice('noLabel');
    return state;
  }
  const anchor = clampPoint(event.point, ctx.image);
  return { tool: 'box', mode: 'drawingBox', anchor, current: anchor, keyboard: event.type === 'place' };
};
