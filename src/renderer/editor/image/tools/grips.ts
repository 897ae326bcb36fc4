import { replaceShape, removeVertex, insertVertex } from '../shape-ops';
import { shapeById } from '../doc';
import { hitHandle } from '../handles';
import type { Point } from '../geometry';
import { idle, type ToolContext, type ToolName, type ToolState } from './types';

/**
 * A press on a grip of the selected shape, in any tool: resize a box, drag, insert (edge middle)
 * or remove (Alt) a polygon's vertex. Null when the press is not on a grip.
 */
export function pressGrip(
  tool: ToolName,
  point: Point,
  tolerance: number,
  altKey: boolean,
  ctx: ToolContext,
): ToolState | null {
  const selected = shapeById(ctx.doc(), ctx.selectedId());
  if (!selected || !ctx.canEdit(selected)) return null;
  const handle = hitHandle(selected, point, tolerance);
  if (!handle) return null;
  if (handle.type === 'box' && selected.type === 'box')
    return { tool, mode: 'resizing', shapeId: selected.id, handle: handle.handle, original: selected };
  if (selected.type !== 'polygon') return null;
  if (handle.type === 'vertex') {
    if (altKey) {
      const smaller = removeVertex(selected, handle.index);
      if (smaller) {
        ctx.commit(replaceShape(ctx.doc(), smaller));
        ctx.select(selected.id, null);
      } else ctx.notice('polygonMinVertices');
      return idle(tool);
    }
    ctx.select(selected.id, handle.index);
    return { tool, mode: 'draggingVertex', shapeId: selected.id, index: handle.index, original: selected };
  }
  if (handle.type === 'midpoint') {
    const grown = insertVertex(selected, handle.index, point, ctx.image);
    ctx.preview(replaceShape(ctx.doc(), grown));
    ctx.select(selected.id, handle.index + 1);
    return {
      tool,
      mode: 'draggingVertex',
      shapeId: selected.id,
      index: handle.index + 1,
      original: selected,
    };
  }
  return null;
}
