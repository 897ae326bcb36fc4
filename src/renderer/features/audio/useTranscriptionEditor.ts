import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SegmentRules, TranscriptionDoc, EditResult, SegmentProblem } from '../../editor/audio/segments';
import { toDraft } from '../../editor/draft-envelope';
import {
  canRedo,
  canUndo,
  cancelGesture,
  commit,
  endGesture,
  preview,
  redo,
  undo,
  type Editor,
} from '../../editor/history';

/** How long a pause in typing ends a typing burst (one undo step per burst, not per letter). */
const TYPING_BURST_MS = 1000;

type Gesture = 'typing' | 'drag' | null;

/**
 * The transcription document with its undo history, as the screen uses it. Edits run against the
 * latest state at once (so the screen knows straight away whether one was refused); drags and
 * typing are gestures, each one undo step.
 */
export function useTranscriptionEditor(initial: () => Editor<TranscriptionDoc>, rules: SegmentRules) {
  // `settled` is the editor outside a drag: the draft is saved (and the submit panel checked) from
  // it, so a drag costs one save at its end, not one per frame.
  const [state, setState] = useState(() => {
    const editor = initial();
    return { editor, settled: editor };
  });
  const { editor, settled } = state;
  const editorRef = useRef(editor);
  const gestureRef = useRef<Gesture>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rulesRef = useRef(rules);
  useLayoutEffect(() => {
    rulesRef.current = rules;
  });

  const update = useCallback((next: Editor<TranscriptionDoc>, dragging = false) => {
    editorRef.current = next;
    const apply = () =>
      setState((previous) => ({ editor: next, settled: dragging ? previous.settled : next }));
    // A drag step renders synchronously: the region snaps to where the rules allow it in the same frame.
    if (dragging) flushSync(apply);
    else apply();
  }, []);

  /** Ends a typing burst or drag in progress, so the next edit is its own undo step. */
  const settle = useCallback(() => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
    gestureRef.current = null;
    const current = editorRef.current;
    if (current.gestureBase !== null) update(endGesture(current));
  }, [update]);

  /** One edit, one undo step. Returns why it was refused, or the id it made or touched. */
  const edit = useCallback(
    (make: (doc: TranscriptionDoc, rules: SegmentRules) => EditResult): EditResult => {
      settle();
      const result = make(editorRef.current.doc, rulesRef.current);
      if (result.ok && result.doc !== editorRef.current.doc) update(commit(editorRef.current, result.doc));
      return result;
    },
    [settle, update],
  );

  /** A drag step (region moved or resized): shown at once, recorded as one step when `done`. */
  const drag = useCallback(
    (make: (doc: TranscriptionDoc, rules: SegmentRules) => EditResult, done: boolean): EditResult => {
      if (gestureRef.current !== 'drag') settle();
      gestureRef.current = done ? null : 'drag';
      const result = make(editorRef.current.doc, rulesRef.current);
      const base = result.ok ? preview(editorRef.current, result.doc) : editorRef.current;
      update(done ? endGesture(base) : base, !done);
      return result;
    },
    [settle, update],
  );

  /** Typing in a transcript: a burst of keystrokes is one undo step. */
  const type = useCallback(
    (make: (doc: TranscriptionDoc) => EditResult) => {
      if (gestureRef.current !== 'typing') settle();
      gestureRef.current = 'typing';
      const result = make(editorRef.current.doc);
      if (result.ok) update(preview(editorRef.current, result.doc));
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(settle, TYPING_BURST_MS);
    },
    [settle, update],
  );

  const abandonGesture = useCallback(() => {
    gestureRef.current = null;
    update(cancelGesture(editorRef.current));
  }, [update]);

  const history = useMemo(
    () => ({
      undo: () => {
        settle();
        update(undo(editorRef.current));
      },
      redo: () => {
        settle();
        update(redo(editorRef.current));
      },
    }),
    [settle, update],
  );

  const current = useCallback(() => editorRef.current.doc, []);
  const draft = useMemo(() => toDraft(settled), [settled]);
  // The functions are stable across renders, so rows and callbacks built on them stay memoised.
  return {
    doc: editor.doc,
    /** The document as it was before a drag in progress (the one saved and checked). */
    settledDoc: settled.doc,
    /** The latest document, for handlers that run between renders. */
    current,
    draft,
    canUndo: canUndo(editor),
    canRedo: canRedo(editor),
    edit,
    drag,
    type,
    settle,
    abandonGesture,
    ...history,
  };
}

export type TranscriptionEditor = ReturnType<typeof useTranscriptionEditor>;
export type { SegmentProblem };
