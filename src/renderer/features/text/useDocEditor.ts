import { useMemo, useReducer } from 'react';
import { toDraft, type DraftEnvelope } from '../../editor/draft-envelope';
import { commit, endGesture, preview, redo, undo, type Editor } from '../../editor/history';

type Change<D> = (doc: D) => D;

type EditorAction<D> =
  | { type: 'commit'; change: Change<D> }
  | { type: 'preview'; change: Change<D> }
  | { type: 'endGesture' }
  | { type: 'undo' }
  | { type: 'redo' };

function reduce<D>(editor: Editor<D>, action: EditorAction<D>): Editor<D> {
  switch (action.type) {
    case 'commit': {
      const next = action.change(editor.doc);
      // Nothing changed and no gesture to close: keep the same editor (no render, no save).
      if (next === editor.doc && editor.gestureBase === null) return editor;
      return commit(editor, next);
    }
    case 'preview': {
      const next = action.change(editor.doc);
      return next === editor.doc ? editor : preview(editor, next);
    }
    case 'endGesture':
      return endGesture(editor);
    case 'undo':
      return undo(editor);
    case 'redo':
      return redo(editor);
  }
}

/**
 * A task's document in the editor core, for any kind: `commit` is one undo step, `preview` … `endGesture`
 * one step for a burst (typing a note), undo and redo. `envelope` is what autosave stores, undo included.
 */
export function useDocEditor<D>(initial: () => Editor<D>) {
  const [editor, dispatch] = useReducer(reduce<D>, null, initial);
  const envelope: DraftEnvelope<D> = useMemo(() => toDraft(editor), [editor]);
  const actions = useMemo(
    () => ({
      commit: (change: Change<D>) => dispatch({ type: 'commit', change }),
      preview: (change: Change<D>) => dispatch({ type: 'preview', change }),
      endGesture: () => dispatch({ type: 'endGesture' }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
    }),
    [],
  );
  return { editor, envelope, ...actions };
}
