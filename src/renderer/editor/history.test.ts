import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from './draft-envelope';
import {
  canRedo,
  canUndo,
  cancelGesture,
  commit,
  createEditor,
  endGesture,
  preview,
  redo,
  replace,
  undo,
} from './history';
import { applyPatch, diff } from './patch';

type Box = { id: string; x: number; y: number };
type Doc = { shapes: Box[]; classes: string[] };

const start: Doc = {
  shapes: Array.from({ length: 1000 }, (_, i) => ({ id: `b${i}`, x: i, y: i })),
  classes: [],
};
const moveBox = (doc: Doc, index: number, x: number): Doc => ({
  ...doc,
  shapes: doc.shapes.map((shape, i) => (i === index ? { ...shape, x } : shape)),
});

describe('patches', () => {
  it('name only what changed, even among a thousand shapes', () => {
    const moved = moveBox(start, 500, 42);
    expect(diff(start, moved)).toEqual([{ op: 'set', path: ['shapes', 500, 'x'], value: 42 }]);
    const added = { ...start, shapes: [...start.shapes, { id: 'new', x: 1, y: 2 }] };
    expect(diff(start, added)).toEqual([
      { op: 'splice', path: ['shapes'], index: 1000, remove: 0, insert: [{ id: 'new', x: 1, y: 2 }] },
    ]);
  });

  it('round-trip without touching the original', () => {
    const next = { shapes: start.shapes.slice(2), classes: ['coffee'] };
    const result = applyPatch(start, diff(start, next));
    expect(result).toEqual(next);
    expect(start.shapes).toHaveLength(1000);
    expect(applyPatch(next, diff(next, start))).toEqual(start);
  });
});

describe('undo history', () => {
  it('makes a drag one step, however many moves it had', () => {
    let editor = createEditor(start);
    for (let x = 0; x < 50; x += 1) editor = preview(editor, moveBox(editor.doc, 3, x));
    editor = endGesture(editor);
    expect(editor.history.undo).toHaveLength(1);
    editor = undo(editor);
    expect(editor.doc).toEqual(start);
    editor = redo(editor);
    expect(editor.doc.shapes[3]!.x).toBe(49);
  });

  it('never records loading or remote changes, and cancels a gesture back to its start', () => {
    let editor = replace(createEditor(start), moveBox(start, 1, 999));
    expect(canUndo(editor)).toBe(false);
    editor = preview(editor, moveBox(editor.doc, 2, 5));
    editor = cancelGesture(editor);
    expect(editor.doc.shapes[2]!.x).toBe(2);
    expect(canUndo(editor)).toBe(false);
  });

  it('drops the redo branch after a new edit', () => {
    let editor = commit(createEditor(start), { ...start, classes: ['tea'] });
    editor = undo(editor);
    expect(canRedo(editor)).toBe(true);
    editor = commit(editor, { ...start, classes: ['coffee'] });
    expect(canRedo(editor)).toBe(false);
  });

  it('survives a reload through the draft envelope', () => {
    let editor = commit(createEditor(start), moveBox(start, 7, 70));
    editor = commit(editor, { ...editor.doc, classes: ['coffee'] });
    const stored = JSON.parse(JSON.stringify(toDraft(editor))) as unknown;
    const read = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Doc) : null);
    let restored = fromDraft(stored, read, start);
    expect(restored.doc).toEqual(editor.doc);
    restored = undo(undo(restored));
    expect(restored.doc).toEqual(start);
    expect(fromDraft('garbage', () => null, start).doc).toBe(start);
  });
});
