import type { ImageLabel } from '../../../shared/domain/kinds/image';
import { labelOf, shapeById, type ImageDoc, type Shape, type ShapeType } from './doc';
import { resizeBox, translateShape } from './handles';
import type { ImageEditorState } from './image-editor';
import {
  addShapes,
  duplicateShape,
  relabelShape,
  removeShape,
  insertVertex,
  moveVertex,
  removeVertex,
  replaceShape,
  setAttribute,
  toggleClass,
} from './shape-ops';
import { idle, type NoticeCode, type ToolContext, type ToolEvent, type ToolName } from './tools/types';

/** What the toolbar, the panels and the keyboard ask of the image editor. */
export type EditorCommand =
  | { type: 'setTool'; tool: ToolName }
  /** Chooses the label for new shapes, and gives it to the selected shape. */
  | { type: 'chooseLabel'; code: string }
  | { type: 'select'; id: string | null }
  | { type: 'selectNext'; step: 1 | -1 }
  | { type: 'delete' }
  | { type: 'duplicate'; offset: number }
  /** Moves the selected shape, or its selected vertex, in image pixels: one undo step. */
  | { type: 'nudge'; dx: number; dy: number }
  /** Moves a selected box's bottom-right corner, in image pixels: one undo step. */
  | { type: 'resize'; dx: number; dy: number }
  /** Picks the next (or previous) vertex of the selected polygon. */
  | { type: 'selectVertex'; step: 1 | -1 }
  /** Adds a vertex in the middle of the edge after the selected vertex, and picks it. */
  | { type: 'insertVertex' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'toggleShapeHidden'; id: string }
  | { type: 'toggleShapeLocked'; id: string }
  | { type: 'toggleLabelHidden'; code: string }
  | { type: 'toggleLabelLocked'; code: string }
  | { type: 'setAttribute'; id: string; code: string; value: boolean | string | undefined }
  | { type: 'toggleClass'; code: string }
  /** Shapes from elsewhere (the previous task), already with fresh ids: one undo step. */
  | { type: 'addShapes'; shapes: Shape[] }
  /** Esc: stop drawing or dragging, else drop the selection; false when there was neither. */
  | { type: 'cancel' }
  /** Loading or a remote change: never undoable. */
  | { type: 'replace'; doc: ImageDoc }
  /** A message from outside the editor (copying the previous task failed…). */
  | { type: 'notice'; code: NoticeCode };

export type CommandHost = {
  state(): ImageEditorState;
  set(patch: Partial<ImageEditorState>): void;
  ctx: ToolContext;
  send(event: ToolEvent): void;
  undo(): void;
  redo(): void;
  replace(doc: ImageDoc): void;
  isVisible(shape: Shape): boolean;
  canEdit(shape: Shape): boolean;
  toolShape(tool: ToolName): ShapeType | null;
  firstLabelFor(type: ShapeType): ImageLabel | null;
};

const toggled = (set: ReadonlySet<string>, key: string): ReadonlySet<string> => {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
};

export function runCommand(command: EditorCommand, host: CommandHost): boolean {
  const { ctx } = host;
  const state = host.state();
  const doc = () => host.state().editor.doc;
  const selected = () => shapeById(doc(), host.state().selectedId);
  /** The selected shape if it may be changed; says why not otherwise. */
  const editable = () => {
    const shape = selected();
    if (shape && !host.canEdit(shape)) ctx.notice('locked');
    return shape && host.canEdit(shape) ? shape : null;
  };
  const stopTool = () => {
    if (host.state().tool.mode !== 'idle') host.send({ type: 'cancel' });
    host.set({ tool: idle(host.state().tool.tool) });
  };

  switch (command.type) {
    case 'setTool': {
      const type = host.toolShape(command.tool);
      const current = state.currentLabel === null ? undefined : labelOf(ctx.config, state.currentLabel);
      let currentLabel = state.currentLabel;
      if (type && !(current?.shapes.includes(type) && !state.lockedLabels.has(current.code))) {
        const label = host.firstLabelFor(type);
        if (!label) {
          ctx.notice('noLabel');
          return false;
        }
        currentLabel = label.code;
      }
      stopTool();
      host.set({ tool: idle(command.tool), currentLabel });
      return true;
    }
    case 'chooseLabel': {
      const label = labelOf(ctx.config, command.code);
      if (!label) return false;
      const tool = host.state().tool;
      const drawingType =
        tool.mode === 'drawingBox' ? 'box' : tool.mode === 'drawingPolygon' ? 'polygon' : null;
      if (drawingType && !label.shapes.includes(drawingType)) {
        ctx.notice('labelNotForShape');
        return true;
      }
      let shape = drawingType ? null : editable();
      if (shape && !label.shapes.includes(shape.type)) {
        // Not a label this shape can take: the HITer is choosing what to draw next.
        host.set({ selectedId: null, selectedVertex: null });
        shape = null;
      }
      if (shape) ctx.commit(replaceShape(doc(), relabelShape(shape, label)));
      host.set({ currentLabel: label.code });
      // Nothing selected: a label drawn only in another way takes its tool along.
      const toolType = host.toolShape(tool.tool);
      if (!shape && !drawingType && toolType && !label.shapes.includes(toolType))
        host.set({ tool: idle(label.shapes[0]!) });
      return true;
    }
    case 'select': {
      const shape = shapeById(doc(), command.id);
      host.set({ selectedId: shape && host.isVisible(shape) ? shape.id : null, selectedVertex: null });
      return true;
    }
    case 'selectNext': {
      const visible = doc().shapes.filter(host.isVisible);
      if (visible.length === 0) return false;
      const at = visible.findIndex((shape) => shape.id === state.selectedId);
      const next =
        at < 0
          ? command.step > 0
            ? 0
            : visible.length - 1
          : (at + command.step + visible.length) % visible.length;
      host.set({ selectedId: visible[next]!.id, selectedVertex: null });
      return true;
    }
    case 'delete': {
      const shape = editable();
      if (!shape || host.state().tool.mode !== 'idle') return false;
      if (shape.type === 'polygon' && state.selectedVertex !== null) {
        const smaller = removeVertex(shape, state.selectedVertex);
        if (smaller) {
          ctx.commit(replaceShape(doc(), smaller));
          host.set({ selectedVertex: null });
        } else ctx.notice('polygonMinVertices');
        return true;
      }
      ctx.commit(removeShape(doc(), shape.id));
      host.set({ selectedId: null, selectedVertex: null });
      return true;
    }
    case 'duplicate': {
      const shape = selected();
      if (!shape || host.state().tool.mode !== 'idle') return false;
      const id = ctx.newId();
      const next = duplicateShape(doc(), shape.id, id, command.offset, ctx.image);
      if (!next) return false;
      ctx.commit(next);
      host.set({ selectedId: id, selectedVertex: null });
      return true;
    }
    case 'nudge': {
      const shape = editable();
      if (!shape || host.state().tool.mode !== 'idle') return false;
      const vertex = shape.type === 'polygon' ? state.selectedVertex : null;
      const point = vertex === null || shape.type !== 'polygon' ? undefined : shape.points[vertex];
      const moved =
        shape.type === 'polygon' && vertex !== null && point
          ? moveVertex(shape, vertex, [point[0] + command.dx, point[1] + command.dy], ctx.image)
          : translateShape(shape, command.dx, command.dy, ctx.image);
      ctx.commit(replaceShape(doc(), moved));
      return true;
    }
    case 'resize': {
      const shape = editable();
      if (shape?.type !== 'box' || host.state().tool.mode !== 'idle') return false;
      const corner = [shape.x + shape.width + command.dx, shape.y + shape.height + command.dy] as const;
      const resized = resizeBox(shape, 'se', corner, ctx.config.minBoxSize, ctx.image);
      ctx.commit(replaceShape(doc(), resized));
      return true;
    }
    case 'selectVertex': {
      const shape = selected();
      if (shape?.type !== 'polygon') return false;
      const count = shape.points.length;
      const at = state.selectedVertex;
      const next = at === null ? (command.step > 0 ? 0 : count - 1) : (at + command.step + count) % count;
      host.set({ selectedVertex: next });
      return true;
    }
    case 'insertVertex': {
      const shape = editable();
      if (shape?.type !== 'polygon' || host.state().tool.mode !== 'idle') return false;
      const count = shape.points.length;
      const edge = state.selectedVertex ?? count - 1;
      const a = shape.points[edge];
      const b = shape.points[(edge + 1) % count];
      if (!a || !b) return false;
      const middle = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const;
      ctx.commit(replaceShape(doc(), insertVertex(shape, edge, middle, ctx.image)));
      host.set({ selectedVertex: edge + 1 });
      return true;
    }
    case 'undo':
      host.undo();
      return true;
    case 'redo':
      host.redo();
      return true;
    case 'toggleShapeHidden': {
      host.set({ hiddenShapes: toggled(state.hiddenShapes, command.id) });
      if (state.selectedId === command.id) host.set({ selectedId: null, selectedVertex: null });
      return true;
    }
    case 'toggleShapeLocked':
      host.set({ lockedShapes: toggled(state.lockedShapes, command.id) });
      return true;
    case 'toggleLabelHidden': {
      host.set({ hiddenLabels: toggled(state.hiddenLabels, command.code) });
      const shape = selected();
      if (shape && !host.isVisible(shape)) host.set({ selectedId: null, selectedVertex: null });
      return true;
    }
    case 'toggleLabelLocked':
      host.set({ lockedLabels: toggled(state.lockedLabels, command.code) });
      return true;
    case 'setAttribute': {
      const shape = shapeById(doc(), command.id);
      if (!shape || !host.canEdit(shape)) return false;
      ctx.commit(replaceShape(doc(), setAttribute(shape, command.code, command.value)));
      return true;
    }
    case 'toggleClass': {
      const multiple = ctx.config.classification?.multiple ?? false;
      ctx.commit(toggleClass(doc(), command.code, multiple));
      return true;
    }
    case 'addShapes': {
      if (command.shapes.length === 0) {
        ctx.notice('nothingToCopy');
        return false;
      }
      stopTool();
      ctx.commit(addShapes(doc(), command.shapes));
      ctx.notice('copied', { count: command.shapes.length });
      return true;
    }
    case 'cancel': {
      if (host.state().tool.mode !== 'idle') {
        stopTool();
        return true;
      }
      if (state.selectedId !== null) {
        host.set({ selectedId: null, selectedVertex: null });
        return true;
      }
      return false;
    }
    case 'replace':
      host.replace(command.doc);
      return true;
    case 'notice':
      ctx.notice(command.code);
      return true;
  }
}
