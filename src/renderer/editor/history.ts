import { applyPatch, diff, type PatchOp } from './patch';

/**
 * The undo history of one task's document, free of React and of any task kind.
 *
 * Every change says how undo treats it (as Excalidraw's `CaptureUpdateAction` does):
 * - `commit(next)`: a local edit, one undo step;
 * - `preview(next)` … `endGesture()`: a drag or a typing burst, many updates, ONE step;
 * - `replace(next)`: loading or a remote change, never undoable.
 * Steps are patches, not copies, so the history is small enough to be saved with the draft and
 * survive a reload.
 */
export type HistoryStep = { redo: PatchOp[]; undo: PatchOp[] };
export type HistoryState = { undo: HistoryStep[]; redo: HistoryStep[] };
export type Editor<D> = {
  doc: D;
  history: HistoryState;
  /** The document before the gesture in progress, if any. */
  gestureBase: D | null;
};

export const MAX_HISTORY_STEPS = 200;
export const EMPTY_HISTORY: HistoryState = { undo: [], redo: [] };

export function createEditor<D>(doc: D, history: HistoryState = EMPTY_HISTORY): Editor<D> {
  return { doc, history, gestureBase: null };
}

/** A local edit, recorded as one undo step (a pending gesture is folded into it). */
export function commit<D>(editor: Editor<D>, next: D): Editor<D> {
  const base = editor.gestureBase ?? editor.doc;
  if (Object.is(base, next)) return { ...editor, doc: next, gestureBase: null };
  const step = { redo: diff(base, next), undo: diff(next, base) };
  if (step.redo.length === 0) return { ...editor, doc: next, gestureBase: null };
  const undo = [...editor.history.undo, step].slice(-MAX_HISTORY_STEPS);
  return { doc: next, history: { undo, redo: [] }, gestureBase: null };
}

/** Shows an in-progress change (a drag) without recording it yet. */
export function preview<D>(editor: Editor<D>, next: D): Editor<D> {
  return { ...editor, doc: next, gestureBase: editor.gestureBase ?? editor.doc };
}

/** Ends a gesture: everything since it began becomes one undo step. */
export function endGesture<D>(editor: Editor<D>): Editor<D> {
  return editor.gestureBase === null ? editor : commit(editor, editor.doc);
}

/** Abandons a gesture (Esc during a drag): back to where it began, nothing recorded. */
export function cancelGesture<D>(editor: Editor<D>): Editor<D> {
  return editor.gestureBase === null ? editor : { ...editor, doc: editor.gestureBase, gestureBase: null };
}

/** Loading or a remote change: the document changes, the history does not record it. */
export function replace<D>(editor: Editor<D>, next: D): Editor<D> {
  return { ...editor, doc: next, gestureBase: null };
}

export function canUndo(editor: Editor<unknown>): boolean {
  return editor.history.undo.length > 0 || editor.gestureBase !== null;
}

export function canRedo(editor: Editor<unknown>): boolean {
  return editor.history.redo.length > 0;
}

export function undo<D>(editor: Editor<D>): Editor<D> {
  const settled = endGesture(editor);
  const step = settled.history.undo.at(-1);
  if (!step) return settled;
  return {
    doc: applyPatch(settled.doc, step.undo),
    history: { undo: settled.history.undo.slice(0, -1), redo: [...settled.history.redo, step] },
    gestureBase: null,
  };
}

export function redo<D>(editor: Editor<D>): Editor<D> {
  const settled = endGesture(editor);
  const step = settled.history.redo.at(-1);
  if (!step) return settled;
  return {
    doc: applyPatch(settled.doc, step.redo),
    history: { undo: [...settled.history.undo, step], redo: settled.history.redo.slice(0, -1) },
    gestureBase: null,
  };
}
