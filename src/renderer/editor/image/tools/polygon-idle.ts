import { clampPoint } from '../geometry';
import { pressGrip } from './grips';
import type { Handler } from './types';

/** Polygon tool, nothing drawn yet: a press (or A) puts the first vertex. */
export const polygonIdle: Handler = (state, event, ctx) => {
  if (event.type !== 'pointerDown' && event.type !== 'place') return state;
  if (event.type === 'pointerDown') {
    const grip = pressGrip(state.tool, event.point, event.tolerance, event.altKey, ctx);
    if (grip) return grip;
  }
  if (!ctx.drawLabel('polygon')) {
    ctx.notice('noLabel');
    return state;
  }
  const first = clampPoint(event.point, ctx.image);
  ctx.select(null);
  return {
    tool: 'polygon',
    mode: 'drawingPolygon',
    points: [first],
    cursor: first,
    pressed: event.type === 'pointerDown',
  };
};
