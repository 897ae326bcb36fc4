import { describe, expect, it } from 'vitest';
import { toDraft } from '../draft-envelope';
import { drag, testEditor } from './test-fixtures';
import type { ImageDoc } from './doc';

const box = (id: string, x = 10, label = 'car') => ({
  id,
  type: 'box' as const,
  label,
  attributes: { occluded: false },
  x,
  y: 10,
  width: 50,
  height: 50,
});
const doc = (...shapes: ImageDoc['shapes']): ImageDoc => ({ shapes, classes: [] });

describe('image editor commands', () => {
  it('a label digit relabels the selected shape, keeping the attributes both labels have', () => {
    const editor = testEditor(doc({ ...box('a'), attributes: { occluded: true, colour: 'red' } }));
    editor.run({ type: 'select', id: 'a' });
    editor.run({ type: 'chooseLabel', code: 'person' });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ label: 'person', attributes: { occluded: true } });
    expect(editor.getView().doc.shapes[0]?.attributes).not.toHaveProperty('colour');
    expect(editor.getView().currentLabel).toBe('person');
  });

  it('takes a label the selected shape cannot have as the choice for the next shape', () => {
    const editor = testEditor(doc(box('a')));
    editor.run({ type: 'select', id: 'a' });
    editor.run({ type: 'chooseLabel', code: 'road' });
    expect(editor.getView().doc.shapes[0]?.label).toBe('car');
    expect(editor.getView().selectedId).toBeNull();
    expect(editor.getView().currentLabel).toBe('road');
    expect(editor.getView().tool).toBe('polygon');
  });

  it('refuses, with a word, a label that the shape being drawn cannot have', () => {
    const editor = testEditor();
    editor.run({ type: 'setTool', tool: 'polygon' });
    editor.send({ type: 'place', point: [10, 10], tolerance: 6 });
    editor.run({ type: 'chooseLabel', code: 'car' });
    expect(editor.getView().notice?.code).toBe('labelNotForShape');
    expect(editor.getView().currentLabel).toBe('person');
    expect(editor.getView().drawing).toBe(true);
  });

  it('with nothing selected, a label drawn another way takes its tool along', () => {
    const editor = testEditor();
    editor.run({ type: 'chooseLabel', code: 'road' });
    expect(editor.getView().tool).toBe('polygon');
    editor.run({ type: 'setTool', tool: 'box' });
    expect(editor.getView().currentLabel).toBe('car');
  });

  it('sets and clears attributes, chooses classes (single choice replaces)', () => {
    const editor = testEditor(doc(box('a')));
    editor.run({ type: 'setAttribute', id: 'a', code: 'colour', value: 'blue' });
    expect(editor.getView().doc.shapes[0]?.attributes).toEqual({ occluded: false, colour: 'blue' });
    editor.run({ type: 'setAttribute', id: 'a', code: 'colour', value: undefined });
    expect(editor.getView().doc.shapes[0]?.attributes).toEqual({ occluded: false });
    editor.run({ type: 'toggleClass', code: 'day' });
    editor.run({ type: 'toggleClass', code: 'night' });
    expect(editor.getView().doc.classes).toEqual(['night']);
  });

  it('duplicates next to the original, deletes, nudges, each undoable', () => {
    const editor = testEditor(doc(box('a'), box('b', 200)));
    editor.run({ type: 'select', id: 'a' });
    editor.run({ type: 'duplicate', offset: 8 });
    expect(editor.getView().doc.shapes.map((s) => s.id)).toEqual(['a', 'n1', 'b']);
    expect(editor.getView().doc.shapes[1]).toMatchObject({ x: 18, y: 18 });
    expect(editor.getView().selectedId).toBe('n1');
    editor.run({ type: 'nudge', dx: -1, dy: 0 });
    expect(editor.getView().doc.shapes[1]).toMatchObject({ x: 17 });
    editor.run({ type: 'delete' });
    expect(editor.getView().doc.shapes.map((s) => s.id)).toEqual(['a', 'b']);
    editor.run({ type: 'undo' });
    editor.run({ type: 'undo' });
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes.map((s) => s.id)).toEqual(['a', 'b']);
    expect(editor.getView().canUndo).toBe(false);
  });

  it('moves and resizes a box from the keyboard, one undo step per key', () => {
    const editor = testEditor(doc(box('a')));
    editor.run({ type: 'select', id: 'a' });
    editor.run({ type: 'nudge', dx: 10, dy: 1 });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 20, y: 11, width: 50, height: 50 });
    editor.run({ type: 'resize', dx: -1, dy: 10 });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 20, y: 11, width: 49, height: 60 });
    // Never below the project's minimum size.
    editor.run({ type: 'resize', dx: -100, dy: 0 });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 20, width: 4 });
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ width: 49, height: 60 });
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 20, y: 11, width: 50, height: 50 });
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 10, y: 10 });
  });

  it("walks a polygon's vertices, moves, inserts and deletes one from the keyboard", () => {
    const square = {
      id: 'p',
      type: 'polygon' as const,
      label: 'road',
      attributes: {},
      points: [
        [10, 10],
        [50, 10],
        [50, 50],
        [10, 50],
      ] as Array<[number, number]>,
    };
    const editor = testEditor(doc(square));
    const points = () => {
      const shape = editor.getView().doc.shapes[0];
      return shape?.type === 'polygon' ? shape.points : [];
    };
    editor.run({ type: 'select', id: 'p' });
    editor.run({ type: 'selectVertex', step: 1 });
    editor.run({ type: 'selectVertex', step: 1 });
    expect(editor.getView().selectedVertex).toBe(1);
    editor.run({ type: 'selectVertex', step: -1 });
    editor.run({ type: 'selectVertex', step: -1 });
    expect(editor.getView().selectedVertex).toBe(3);
    editor.run({ type: 'selectVertex', step: 1 });
    expect(editor.getView().selectedVertex).toBe(0);

    editor.run({ type: 'nudge', dx: -10, dy: 0 });
    expect(points()).toEqual([
      [0, 10],
      [50, 10],
      [50, 50],
      [10, 50],
    ]);
    editor.run({ type: 'insertVertex' });
    expect(points()[1]).toEqual([25, 10]);
    expect(editor.getView().selectedVertex).toBe(1);
    editor.run({ type: 'delete' });
    expect(points()).toHaveLength(4);
    // A polygon keeps at least three vertices.
    editor.run({ type: 'selectVertex', step: 1 });
    editor.run({ type: 'delete' });
    editor.run({ type: 'selectVertex', step: 1 });
    editor.run({ type: 'delete' });
    expect(points()).toHaveLength(3);
    expect(editor.getView().notice?.code).toBe('polygonMinVertices');

    for (let step = 0; step < 4; step += 1) editor.run({ type: 'undo' });
    expect(points()).toEqual(square.points);
  });

  it('walks through visible shapes with next/previous', () => {
    const editor = testEditor(doc(box('a'), box('b'), box('c')));
    editor.run({ type: 'toggleShapeHidden', id: 'b' });
    editor.run({ type: 'selectNext', step: 1 });
    expect(editor.getView().selectedId).toBe('a');
    editor.run({ type: 'selectNext', step: 1 });
    expect(editor.getView().selectedId).toBe('c');
    editor.run({ type: 'selectNext', step: 1 });
    expect(editor.getView().selectedId).toBe('a');
    editor.run({ type: 'selectNext', step: -1 });
    expect(editor.getView().selectedId).toBe('c');
  });

  it('adds copied shapes as one undo step and tells how many', () => {
    const editor = testEditor(doc(box('a')));
    editor.run({ type: 'addShapes', shapes: [box('x'), box('y')] });
    expect(editor.getView().doc.shapes).toHaveLength(3);
    expect(editor.getView().notice).toMatchObject({ code: 'copied', params: { count: 2 } });
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes).toHaveLength(1);
    expect(editor.run({ type: 'addShapes', shapes: [] })).toBe(false);
    expect(editor.getView().notice?.code).toBe('nothingToCopy');
  });

  it('never records loading or a remote change as an undo step', () => {
    const editor = testEditor();
    editor.run({ type: 'replace', doc: doc(box('remote')) });
    expect(editor.getView().doc.shapes).toHaveLength(1);
    expect(editor.getView().canUndo).toBe(false);
  });

  it('Esc drops the selection, then says it had nothing to do', () => {
    const editor = testEditor(doc(box('a')));
    editor.run({ type: 'select', id: 'a' });
    expect(editor.run({ type: 'cancel' })).toBe(true);
    expect(editor.getView().selectedId).toBeNull();
    expect(editor.run({ type: 'cancel' })).toBe(false);
  });

  it('saves a draft whose undo survives a reload', () => {
    const editor = testEditor();
    drag(editor, [10, 10], [100, 100]);
    const draft = toDraft(editor.getState().editor);
    const reloaded = testEditor();
    reloaded.run({ type: 'replace', doc: draft.doc });
    expect(draft.history.undo).toHaveLength(1);
    expect(reloaded.getView().doc.shapes).toHaveLength(1);
  });
});

describe('the draft it gives to autosave', () => {
  it('is the same object until a change ends, and waits for a drag to end', () => {
    const editor = testEditor(doc(box('a')));
    const first = editor.getDraft();
    expect(editor.getDraft()).toBe(first);
    editor.run({ type: 'setTool', tool: 'select' });
    editor.send({ type: 'pointerDown', point: [20, 20], tolerance: 6, altKey: false, shiftKey: false });
    editor.send({ type: 'pointerMove', point: [60, 20], tolerance: 6, altKey: false, shiftKey: false });
    expect(editor.getDraft()).toBe(first);
    editor.send({ type: 'pointerUp', point: [60, 20], tolerance: 6, altKey: false, shiftKey: false });
    const moved = editor.getDraft();
    expect(moved).not.toBe(first);
    expect(moved.doc.shapes[0]).toMatchObject({ x: 50 });
    expect(moved.history.undo).toHaveLength(1);
  });
});
