import type { ImageEditorState } from '../editor/image/image-editor';
import type { BoxHandle } from '../editor/image/handles';

const RESIZE: Record<BoxHandle, string> = {
  nw: 'nwse-resize',
  se: 'nwse-resize',
  ne: 'nesw-resize',
  sw: 'nesw-resize',
  n: 'ns-resize',
  s: 'ns-resize',
  e: 'ew-resize',
  w: 'ew-resize',
};

/** The mouse cursor over the canvas: it says what a press would do. */
export function cursorFor(state: ImageEditorState, input: { space: boolean; panning: boolean }): string {
  if (input.panning) return 'grabbing';
  if (input.space) return 'grab';
  const mode = state.tool.mode;
  if (mode === 'translating') return 'move';
  if (mode === 'resizing' && state.tool.mode === 'resizing') return RESIZE[state.tool.handle];
  const handle = state.hover?.handle;
  if (handle?.type === 'box') return RESIZE[handle.handle];
  if (handle) return 'pointer';
  if (state.tool.tool !== 'select') return 'crosshair';
  return state.hover?.shapeId ? 'move' : 'default';
}
