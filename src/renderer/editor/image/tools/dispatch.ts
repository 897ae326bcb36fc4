import { boxIdle } from './box-idle';
import { draggingVertex } from './dragging-vertex';
import { drawingBox } from './drawing-box';
import { drawingPolygon } from './drawing-polygon';
import { pointIdle } from './point-idle';
import { pointing } from './pointing';
import { polygonIdle } from './polygon-idle';
import { resizing } from './resizing';
import { selectIdle } from './select-idle';
import { translating } from './translating';
import type { Handler, ToolContext, ToolEvent, ToolName, ToolState } from './types';

const IDLE: Record<ToolName, Handler> = {
  select: selectIdle,
  box: boxIdle,
  polygon: polygonIdle,
  point: pointIdle,
};

const ACTIVE: Record<Exclude<ToolState['mode'], 'idle'>, Handler> = {
  pointing,
  translating,
  resizing,
  draggingVertex,
  drawingBox,
  drawingPolygon,
};

/** Routes an event to the handler of the current state and returns the next state. */
export function handleToolEvent(state: ToolState, event: ToolEvent, ctx: ToolContext): ToolState {
  const handler = state.mode === 'idle' ? IDLE[state.tool] : ACTIVE[state.mode];
  return handler(state, event, ctx);
}

/** True while something is being drawn or dragged (keys like Delete then wait). */
export function isBusy(state: ToolState): boolean {
  return state.mode !== 'idle';
}

export function isDrawing(state: ToolState): boolean {
  return state.mode === 'drawingBox' || state.mode === 'drawingPolygon';
}
