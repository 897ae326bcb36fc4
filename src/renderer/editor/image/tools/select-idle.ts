import { shapeById } from '../doc';
import { nearestEdge } from '../geometry';
import { insertVertex, replaceShape } from '../shape-ops';
import { pressGrip } from './grips';
import type { Handler } from './types';

/** Select tool, nothing pressed: a press selects (or grabs a grip); a double-click on an edge adds a vertex. */
export const selectIdle: Handler = (state, event, ctx) => {
  if (event.type === 'pointerDown') {
    const grip = pressGrip(state.tool, event.point, event.tolerance, event.altKey, ctx);
    if (grip) return grip;
    const hit = ctx.index().hit(event.point, event.tolerance, ctx.canEdit);
    ctx.select(hit?.id ?? null);
    return hit ? { tool: state.tool, mode: 'pointing', shapeId: hit.id, start: event.point } : state;
  }
  if (event.type === 'doubleClick') {
    const selected = shapeById(ctx.doc(), ctx.selectedId());
    if (selected?.type !== 'polygon' || !ctx.canEdit(selected)) return state;
    const edge = nearestEdge(selected.points, event.point);
    if (!edge || edge.distance > event.tolerance) return state;
    ctx.commit(replaceShape(ctx.doc(), insertVertex(selected, edge.index, edge.point, ctx.image)));
    ctx.select(selected.id, edge.index + 1);
    return state;
  }
  return state;
};
