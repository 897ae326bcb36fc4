import { shapeById } from '../doc';
import { moveVertex, replaceShape } from '../shape-ops';
import { idle, type Handler } from './types';

/** Dragging one vertex of a polygon (a new one, when the drag began on an edge's middle). */
export const draggingVertex: Handler = (state, event, ctx) => {
  if (state.mode !== 'draggingVertex') return state;
  switch (event.type) {
    case 'pointerMove': {
      const polygon = shapeById(ctx.doc(), state.shapeId);
      if (polygon?.type !== 'polygon') return idle(state.tool);
      ctx.preview(replaceShape(ctx.doc(), moveVertex(polygon, state.index, event.point, ctx.image)));
      return state;
    }
    case 'pointerUp':
      ctx.commit(ctx.doc());
      return idle(state.tool);
    case 'cancel':
      ctx.cancelGesture();
      ctx.select(state.shapeId, null);
      return idle(state.tool);
    default:
      return state;
  }
};
