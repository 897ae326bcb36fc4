import { clampPoint } from '../geometry';
import { addShapes, makePoint } from '../shape-ops';
import { pressGrip } from './grips';
import type { Handler } from './types';

/** Point tool: a press on an existing point grabs it, anywhere else puts a new point. */
export const pointIdle: Handler = (state, event, ctx) => {
  if (event.type !== 'pointerDown' && event.type !== 'place') return state;
  if (event.type === 'pointerDown') {
    const grip = pressGrip(state.tool, event.point, event.tolerance, event.altKey, ctx);
    if (grip) return grip;
    const hit = ctx
      .index()
      .hit(event.point, event.tolerance, (shape) => shape.type === 'point' && ctx.canEdit(shape));
    if (hit) {
      ctx.select(hit.id);
      return { tool: state.tool, mode: 'pointing', shapeId: hit.id, start: event.point };
    }
  }
  const label = ctx.drawLabel('point');
  if (!label) {
    ctx.notice('noLabel');
    return state;
  }
  const id = ctx.newId();
  ctx.commit(addShapes(ctx.doc(), [makePoint(id, label, clampPoint(event.point, ctx.image))]));
  ctx.select(id);
  return state;
};
