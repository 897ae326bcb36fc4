import type { Editor, HistoryState } from './history';
import { createEditor, endGesture } from './history';

/**
 * What a workspace saves as its draft: the document and its undo history, so that after a crash
 * or a reload the HITer finds the task exactly as it was, undo included. Every task kind uses it.
 */
export type DraftEnvelope<D> = { v: 1; doc: D; history: HistoryState };

export function toDraft<D>(editor: Editor<D>): DraftEnvelope<D> {
  const settled = endGesture(editor);
  return { v: 1, doc: settled.doc, history: settled.history };
}

/**
 * Restores an editor from a stored draft. `readDoc` validates the document (returning null for
 * anything unreadable); a draft that does not read starts from `fresh`, never blocks the HITer.
 * Drafts saved before envelopes existed (a bare document) are read as a document without history.
 */
export function fromDraft<D>(stored: unknown, readDoc: (value: unknown) => D | null, fresh: D): Editor<D> {
  if (isEnvelope(stored)) {
    const doc = readDoc(stored.doc);
    if (doc !== null) return createEditor(doc, isHistory(stored.history) ? stored.history : undefined);
  }
  const bare = stored === null || stored === undefined ? null : readDoc(stored);
  return createEditor(bare ?? fresh);
}

function isEnvelope(value: unknown): value is { v: 1; doc: unknown; history: unknown } {
  return typeof value === 'object' && value !== null && (value as { v?: unknown }).v === 1 && 'doc' in value;
}

function isHistory(value: unknown): value is HistoryState {
  if (typeof value !== 'object' || value === null) return false;
  const { undo, redo } = value as { undo?: unknown; redo?: unknown };
  return Array.isArray(undo) && Array.isArray(redo);
}
