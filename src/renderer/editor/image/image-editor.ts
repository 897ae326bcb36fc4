import type { ImageConfig } from '../../../shared/domain/kinds/image';
import { canRedo, cancelGesture, commit, preview, redo, replace, undo, type Editor } from '../history';
import { toDraft, type DraftEnvelope } from '../draft-envelope';
import { labelOf, labelsFor, shapeById, type ImageDoc, type Shape, type ShapeType } from './doc';
import type { Point, Size } from './geometry';
import { hitHandle, type Handle } from './handles';
import { createIdMaker } from './ids';
import { runCommand, type EditorCommand } from './commands-run';
import { createIndexCache, type ShapeIndex } from './shape-index';
import { handleToolEvent, isDrawing } from './tools/dispatch';
import {
  TOOL_SHAPE,
  idle,
  type NoticeCode,
  type ToolContext,
  type ToolEvent,
  type ToolName,
  type ToolState,
} from './tools/types';

export type Notice = { code: NoticeCode; params?: Record<string, string | number>; seq: number };
export type Hover = { shapeId: string | null; handle: Handle | null };

export type ImageEditorState = {
  editor: Editor<ImageDoc>;
  tool: ToolState;
  selectedId: string | null;
  /** A polygon's vertex picked for Delete, if any. */
  selectedVertex: number | null;
  /** The label new shapes get (digits 1–9 or the label list choose it). */
  currentLabel: string | null;
  hiddenShapes: ReadonlySet<string>;
  lockedShapes: ReadonlySet<string>;
  hiddenLabels: ReadonlySet<string>;
  lockedLabels: ReadonlySet<string>;
  notice: Notice | null;
  /** Frame-level: what the pointer is over, and where (image coordinates). */
  hover: Hover | null;
  pointer: Point | null;
};

/**
 * What the panels show. It changes only when something they show changes: a drag's frames move
 * the shape on the canvas without waking React.
 */
export type ImageEditorView = Pick<
  ImageEditorState,
  | 'selectedId'
  | 'selectedVertex'
  | 'currentLabel'
  | 'hiddenShapes'
  | 'lockedShapes'
  | 'hiddenLabels'
  | 'lockedLabels'
  | 'notice'
> & {
  /** The document without the gesture in progress. */
  doc: ImageDoc;
  canUndo: boolean;
  canRedo: boolean;
  tool: ToolName;
  drawing: boolean;
  /** Vertices of the polygon being drawn (0 when none). */
  drawingPoints: number;
};

export type ImageEditor = {
  readonly config: ImageConfig;
  readonly image: Size;
  getState(): ImageEditorState;
  getView(): ImageEditorView;
  /** Panels: called when the view changes. */
  subscribe(listener: () => void): () => void;
  /** The canvas: called on every change, drag frames included. */
  subscribeFrame(listener: () => void): () => void;
  send(event: ToolEvent): void;
  /**
   * The draft to save: document and undo history, as of the last finished change (a drag in
   * progress is saved once it ends). The same object until something changes.
   */
  getDraft(): DraftEnvelope<ImageDoc>;
  /** Runs a command; false when it had nothing to do (Esc with nothing to cancel, say). */
  run(command: EditorCommand): boolean;
  index(): ShapeIndex;
  isVisible(shape: Shape): boolean;
  canEdit(shape: Shape): boolean;
};

export type ImageEditorOptions = {
  config: ImageConfig;
  image: Size;
  editor: Editor<ImageDoc>;
  newId?: () => string;
  tool?: ToolName;
};

const EMPTY: ReadonlySet<string> = new Set();

/** The tool a project starts in: the first label's first kind of shape. */
export function defaultTool(config: ImageConfig): ToolName {
  const first = config.labels[0]?.shapes[0];
  return first ?? 'select';
}

export function createImageEditor(options: ImageEditorOptions): ImageEditor {
  const { config, image } = options;
  const newId = options.newId ?? createIdMaker();
  const indexOf = createIndexCache();
  const viewListeners = new Set<() => void>();
  const frameListeners = new Set<() => void>();
  let noticeSeq = 0;
  let state: ImageEditorState = {
    editor: options.editor,
    tool: idle(options.tool ?? defaultTool(config)),
    selectedId: null,
    selectedVertex: null,
    currentLabel: config.labels[0]?.code ?? null,
    hiddenShapes: EMPTY,
    lockedShapes: EMPTY,
    hiddenLabels: EMPTY,
    lockedLabels: EMPTY,
    notice: null,
    hover: null,
    pointer: null,
  };
  let view = viewOf(state);
  let draft = toDraft(state.editor);

  const set = (patch: Partial<ImageEditorState>) => {
    state = { ...state, ...patch };
  };
  const isVisible = (shape: Shape) =>
    !state.hiddenShapes.has(shape.id) && !state.hiddenLabels.has(shape.label);
  const canEdit = (shape: Shape) =>
    isVisible(shape) && !state.lockedShapes.has(shape.id) && !state.lockedLabels.has(shape.label);

  const ctx: ToolContext = {
    config,
    image,
    doc: () => state.editor.doc,
    index: () => indexOf(state.editor.doc.shapes),
    selectedId: () => state.selectedId,
    canEdit,
    drawLabel: (type: ShapeType) => {
      const label = state.currentLabel === null ? undefined : labelOf(config, state.currentLabel);
      return label && label.shapes.includes(type) && !state.lockedLabels.has(label.code) ? label : null;
    },
    newId,
    select: (id, vertex = null) => set({ selectedId: id, selectedVertex: id === null ? null : vertex }),
    preview: (doc) => set({ editor: preview(state.editor, doc) }),
    commit: (doc) => set({ editor: commit(state.editor, doc) }),
    cancelGesture: () => set({ editor: cancelGesture(state.editor) }),
    notice: (code, params) => {
      noticeSeq += 1;
      set({ notice: { code, ...(params ? { params } : {}), seq: noticeSeq } });
    },
  };

  const emit = () => {
    const next = viewOf(state);
    if (!sameView(next, view)) {
      view = next;
      for (const listener of viewListeners) listener();
    }
    for (const listener of frameListeners) listener();
  };

  /** After undo, redo or a remote change, forget a selection whose shape is gone. */
  const settleSelection = () => {
    const selected = shapeById(state.editor.doc, state.selectedId);
    if (!selected || !isVisible(selected)) set({ selectedId: null, selectedVertex: null });
    else if (selected.type !== 'polygon' || (state.selectedVertex ?? 0) >= selected.points.length)
      set({ selectedVertex: selected.type === 'polygon' ? state.selectedVertex : null });
  };

  const hoverAt = (point: Point, tolerance: number): Hover => {
    const selected = shapeById(state.editor.doc, state.selectedId);
    const handle = selected && canEdit(selected) ? hitHandle(selected, point, tolerance) : null;
    if (handle) return { shapeId: selected?.id ?? null, handle };
    const hit = indexOf(state.editor.doc.shapes).hit(point, tolerance, canEdit);
    return { shapeId: hit?.id ?? null, handle: null };
  };

  const send = (event: ToolEvent) => {
    set({ tool: handleToolEvent(state.tool, event, ctx) });
    if (event.type === 'pointerMove') {
      set({
        pointer: event.point,
        hover: state.tool.mode === 'idle' ? hoverAt(event.point, event.tolerance) : null,
      });
    }
    emit();
  };

  const api: ImageEditor = {
    config,
    image,
    getState: () => state,
    getView: () => view,
    getDraft() {
      const settled = state.editor;
      if (settled.gestureBase === null && (settled.doc !== draft.doc || settled.history !== draft.history))
        draft = toDraft(settled);
      return draft;
    },
    subscribe(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    subscribeFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    send,
    run(command) {
      const handled = runCommand(command, {
        state: () => state,
        set,
        ctx,
        send: (event) => set({ tool: handleToolEvent(state.tool, event, ctx) }),
        undo: () => {
          set({ tool: idle(state.tool.tool), editor: undo(cancelGesture(state.editor)) });
          settleSelection();
        },
        redo: () => {
          set({ tool: idle(state.tool.tool), editor: redo(cancelGesture(state.editor)) });
          settleSelection();
        },
        replace: (doc) => {
          set({ tool: idle(state.tool.tool), editor: replace(state.editor, doc) });
          settleSelection();
        },
        isVisible,
        canEdit,
        toolShape: (tool) => (tool === 'select' ? null : TOOL_SHAPE[tool]),
        firstLabelFor: (type) =>
          labelsFor(config, type).find((label) => !state.lockedLabels.has(label.code)) ?? null,
      });
      emit();
      return handled;
    },
    index: () => indexOf(state.editor.doc.shapes),
    isVisible,
    canEdit,
  };
  return api;
}

function viewOf(state: ImageEditorState): ImageEditorView {
  const { editor } = state;
  return {
    doc: editor.gestureBase ?? editor.doc,
    // Not canUndo(editor): a drag in progress would wake the panels at its first frame.
    canUndo: editor.history.undo.length > 0,
    canRedo: canRedo(editor),
    tool: state.tool.tool,
    drawing: isDrawing(state.tool),
    drawingPoints: state.tool.mode === 'drawingPolygon' ? state.tool.points.length : 0,
    selectedId: state.selectedId,
    selectedVertex: state.selectedVertex,
    currentLabel: state.currentLabel,
    hiddenShapes: state.hiddenShapes,
    lockedShapes: state.lockedShapes,
    hiddenLabels: state.hiddenLabels,
    lockedLabels: state.lockedLabels,
    notice: state.notice,
  };
}

function sameView(a: ImageEditorView, b: ImageEditorView): boolean {
  return (Object.keys(a) as Array<keyof ImageEditorView>).every((key) => Object.is(a[key], b[key]));
}
