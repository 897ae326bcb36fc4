import { commit, preview, redo, undo, type Editor } from '../history';
import {
  applyAction,
  type DraftAction,
  type ModerationContext,
  type ModerationDoc,
} from './moderation-draft';

/**
 * List mode's documents: one editor (with its own undo history) per review, and the order in which
 * reviews were changed, so Ctrl+Z undoes the last change whichever review it was on.
 */
export type ListState = {
  editors: Readonly<Record<string, Editor<ModerationDoc>>>;
  /** Task ids, most recent change last. */
  undo: readonly string[];
  redo: readonly string[];
};

export type ListAction =
  | { type: 'edit'; taskId: string; action: DraftAction; context: ModerationContext }
  /** Typing a note: one undo step per burst, closed by `done` (a space, Enter, leaving the field). */
  | { type: 'note'; taskId: string; text: string; context: ModerationContext; done: boolean }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Submitted: the review can no longer change, so undo passes over it. */
  | { type: 'close'; taskId: string };

export function createListState(editors: Record<string, Editor<ModerationDoc>>): ListState {
  return { editors, undo: [], redo: [] };
}

function withEditor(state: ListState, taskId: string, next: Editor<ModerationDoc>, log: Partial<ListState>) {
  return { ...state, ...log, editors: { ...state.editors, [taskId]: next } };
}

export function reduceList(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'edit':
    case 'note': {
      const editor = state.editors[action.taskId];
      if (!editor) return state;
      const doc =
        action.type === 'edit'
          ? applyAction(editor.doc, action.action, action.context)
          : applyAction(editor.doc, { type: 'note', text: action.text }, action.context);
      const closing = action.type === 'note' && action.done;
      if (doc === editor.doc && !(closing && editor.gestureBase !== null)) return state;
      const gesture = action.type === 'note' && !action.done;
      const next = gesture ? preview(editor, doc) : commit(editor, doc);
      // A burst already under way is already on the log.
      const logged = editor.gestureBase !== null && state.undo.at(-1) === action.taskId;
      return withEditor(state, action.taskId, next, {
        undo: logged ? state.undo : [...state.undo, action.taskId],
        redo: [],
      });
    }
    case 'undo':
    case 'redo': {
      const from = action.type === 'undo' ? state.undo : state.redo;
      const taskId = from.at(-1);
      const editor = taskId === undefined ? undefined : state.editors[taskId];
      if (taskId === undefined || !editor) return state;
      const next = action.type === 'undo' ? undo(editor) : redo(editor);
      const rest = from.slice(0, -1);
      return action.type === 'undo'
        ? withEditor(state, taskId, next, { undo: rest, redo: [...state.redo, taskId] })
        : withEditor(state, taskId, next, { redo: rest, undo: [...state.undo, taskId] });
    }
    case 'close':
      return {
        ...state,
        undo: state.undo.filter((id) => id !== action.taskId),
        redo: state.redo.filter((id) => id !== action.taskId),
      };
  }
}
