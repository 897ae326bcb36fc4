import { describe, expect, it } from 'vitest';
import { click, drag, pointer, testEditor } from '../test-fixtures';
import type { ImageDoc } from '../doc';

const box = (id: string, x: number, y: number, width: number, height: number, label = 'car') => ({
  id,
  type: 'box' as const,
  label,
  attributes: {},
  x,
  y,
  width,
  height,
});
const withShapes = (...shapes: ImageDoc['shapes']): ImageDoc => ({ shapes, classes: [] });

describe('box tool', () => {
  it('draws a box from the press to the release, with the current label, selected', () => {
    const editor = testEditor();
    expect(editor.getState().tool).toEqual({ tool: 'box', mode: 'idle' });
    drag(editor, [300, 200], [100, 50]);
    const [shape] = editor.getView().doc.shapes;
    expect(shape).toEqual({
      id: 'n1',
      type: 'box',
      label: 'car',
      attributes: { occluded: false },
      x: 100,
      y: 50,
      width: 200,
      height: 150,
    });
    expect(editor.getView().selectedId).toBe('n1');
    expect(editor.getView().canUndo).toBe(true);
  });

  it('keeps the box inside the image when the drag goes past the edge', () => {
    const editor = testEditor();
    drag(editor, [900, 700], [1200, -50]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 900, y: 0, width: 100, height: 700 });
  });

  it('drops a box smaller than the minimum and says so', () => {
    const editor = testEditor();
    drag(editor, [100, 100], [110, 102]);
    expect(editor.getView().doc.shapes).toHaveLength(0);
    expect(editor.getView().notice).toMatchObject({ code: 'boxTooSmall', params: { size: 4 } });
  });

  it('treats a click without a drag as selecting what is under it', () => {
    const editor = testEditor(withShapes(box('a', 10, 10, 100, 100)));
    click(editor, [50, 50]);
    expect(editor.getView().doc.shapes).toHaveLength(1);
    expect(editor.getView().selectedId).toBe('a');
    click(editor, [500, 500]);
    expect(editor.getView().selectedId).toBeNull();
  });

  it('draws with the keyboard: A at one corner, A at the other', () => {
    const editor = testEditor();
    editor.send({ type: 'place', point: [10, 20], tolerance: 6 });
    expect(editor.getState().tool).toMatchObject({ mode: 'drawingBox', keyboard: true });
    editor.send({ type: 'aim', point: [60, 90] });
    expect(editor.getState().tool).toMatchObject({ current: [60, 90] });
    editor.send({ type: 'place', point: [60, 90], tolerance: 6 });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 10, y: 20, width: 50, height: 70 });
  });

  it('is undone and redone in one step, and Esc drops a box being drawn', () => {
    const editor = testEditor();
    drag(editor, [10, 10], [50, 50]);
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes).toHaveLength(0);
    expect(editor.getView().selectedId).toBeNull();
    editor.run({ type: 'redo' });
    expect(editor.getView().doc.shapes).toHaveLength(1);
    editor.send(pointer('pointerDown', [100, 100]));
    editor.send(pointer('pointerMove', [200, 200]));
    expect(editor.run({ type: 'cancel' })).toBe(true);
    editor.send(pointer('pointerUp', [200, 200]));
    expect(editor.getView().doc.shapes).toHaveLength(1);
  });
});

describe('select tool', () => {
  it('moves a shape as ONE undo step, clamped inside the image', () => {
    const editor = testEditor(withShapes(box('a', 10, 10, 100, 100)));
    editor.run({ type: 'setTool', tool: 'select' });
    drag(editor, [50, 50], [-500, 90], 10);
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 0, y: 50 });
    expect(editor.getState().editor.history.undo).toHaveLength(1);
    editor.run({ type: 'undo' });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 10, y: 10 });
  });

  it('does not wake the panels during a drag, only at its end', () => {
    const editor = testEditor(withShapes(box('a', 10, 10, 100, 100)));
    editor.run({ type: 'setTool', tool: 'select' });
    editor.send(pointer('pointerDown', [50, 50]));
    let views = 0;
    let frames = 0;
    editor.subscribe(() => (views += 1));
    editor.subscribeFrame(() => (frames += 1));
    for (let i = 1; i <= 20; i += 1) editor.send(pointer('pointerMove', [50 + i * 5, 50]));
    expect(frames).toBe(20);
    expect(views).toBe(0);
    expect(editor.getState().editor.doc.shapes[0]).toMatchObject({ x: 110 });
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 10 });
    editor.send(pointer('pointerUp', [150, 50]));
    expect(views).toBe(1);
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 110 });
  });

  it('Esc during a drag puts the shape back and records nothing', () => {
    const editor = testEditor(withShapes(box('a', 10, 10, 100, 100)));
    editor.run({ type: 'setTool', tool: 'select' });
    editor.send(pointer('pointerDown', [50, 50]));
    editor.send(pointer('pointerMove', [150, 150]));
    editor.run({ type: 'cancel' });
    editor.send(pointer('pointerUp', [150, 150]));
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 10, y: 10 });
    expect(editor.getView().canUndo).toBe(false);
  });

  it('resizes a box by a corner, keeping the opposite corner and the minimum size', () => {
    const editor = testEditor(withShapes(box('a', 100, 100, 100, 100)));
    editor.run({ type: 'setTool', tool: 'select' });
    editor.run({ type: 'select', id: 'a' });
    drag(editor, [200, 200], [250, 260]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 100, y: 100, width: 150, height: 160 });
    drag(editor, [100, 100], [400, 400]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 246, y: 256, width: 4, height: 4 });
  });

  it('picks the smallest shape under the pointer, and skips locked and hidden ones', () => {
    const editor = testEditor(withShapes(box('big', 0, 0, 500, 500), box('small', 100, 100, 50, 50)));
    editor.run({ type: 'setTool', tool: 'select' });
    click(editor, [120, 120]);
    expect(editor.getView().selectedId).toBe('small');
    editor.run({ type: 'toggleShapeLocked', id: 'small' });
    click(editor, [120, 120]);
    expect(editor.getView().selectedId).toBe('big');
    editor.run({ type: 'toggleLabelHidden', code: 'car' });
    expect(editor.getView().selectedId).toBeNull();
    click(editor, [120, 120]);
    expect(editor.getView().selectedId).toBeNull();
  });

  it('refuses to change a locked shape, saying why', () => {
    const editor = testEditor(withShapes(box('a', 10, 10, 100, 100)));
    editor.run({ type: 'select', id: 'a' });
    editor.run({ type: 'toggleShapeLocked', id: 'a' });
    expect(editor.run({ type: 'delete' })).toBe(false);
    expect(editor.getView().notice?.code).toBe('locked');
    expect(editor.getView().doc.shapes).toHaveLength(1);
  });
});

describe('polygon tool', () => {
  const triangle = (editor: ReturnType<typeof testEditor>) => {
    editor.run({ type: 'setTool', tool: 'polygon' });
    click(editor, [100, 100]);
    click(editor, [200, 100]);
    click(editor, [150, 200]);
  };

  it('closes on a click on the first vertex', () => {
    const editor = testEditor();
    triangle(editor);
    expect(editor.getView().drawing).toBe(true);
    click(editor, [102, 98]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({
      type: 'polygon',
      label: 'person',
      points: [
        [100, 100],
        [200, 100],
        [150, 200],
      ],
    });
    expect(editor.getView().drawing).toBe(false);
  });

  it('closes with Enter (complete), and refuses fewer than three vertices', () => {
    const editor = testEditor();
    editor.run({ type: 'setTool', tool: 'polygon' });
    click(editor, [100, 100]);
    click(editor, [200, 100]);
    editor.send({ type: 'complete' });
    expect(editor.getView().notice?.code).toBe('polygonTooFew');
    expect(editor.getView().drawing).toBe(true);
    click(editor, [150, 200]);
    editor.send({ type: 'complete' });
    expect(editor.getView().doc.shapes).toHaveLength(1);
  });

  it('closes on a double-click without doubling the last vertex', () => {
    const editor = testEditor();
    editor.run({ type: 'setTool', tool: 'polygon' });
    click(editor, [100, 100]);
    click(editor, [200, 100]);
    click(editor, [150, 200]);
    click(editor, [150, 200]);
    editor.send(pointer('doubleClick', [150, 200]));
    expect(editor.getView().doc.shapes[0]).toMatchObject({
      points: [
        [100, 100],
        [200, 100],
        [150, 200],
      ],
    });
  });

  it('traces vertices along a press-and-drag', () => {
    const editor = testEditor();
    editor.run({ type: 'setTool', tool: 'polygon' });
    drag(editor, [100, 100], [200, 100], 10);
    const tool = editor.getState().tool;
    expect(tool.mode === 'drawingPolygon' && tool.points.length).toBe(11);
  });

  it('Backspace removes the last vertex; Esc drops the polygon', () => {
    const editor = testEditor();
    triangle(editor);
    editor.send({ type: 'undoPoint' });
    const tool = editor.getState().tool;
    expect(tool.mode === 'drawingPolygon' && tool.points).toEqual([
      [100, 100],
      [200, 100],
    ]);
    editor.run({ type: 'cancel' });
    expect(editor.getView().drawing).toBe(false);
    expect(editor.getView().doc.shapes).toHaveLength(0);
  });

  it('warns about a polygon whose edges cross, and keeps it', () => {
    const editor = testEditor();
    editor.run({ type: 'setTool', tool: 'polygon' });
    for (const at of [
      [0, 0],
      [100, 100],
      [100, 0],
      [0, 100],
    ] as const)
      click(editor, at);
    editor.send({ type: 'complete' });
    expect(editor.getView().doc.shapes).toHaveLength(1);
    expect(editor.getView().notice?.code).toBe('polygonCrosses');
  });

  it('drags a vertex, inserts one from an edge middle, removes one with Alt, each one undo step', () => {
    const square = {
      id: 'p',
      type: 'polygon' as const,
      label: 'road',
      attributes: {},
      points: [
        [100, 100],
        [300, 100],
        [300, 300],
        [100, 300],
      ] as [number, number][],
    };
    const editor = testEditor(withShapes(square));
    editor.run({ type: 'setTool', tool: 'select' });
    editor.run({ type: 'select', id: 'p' });
    drag(editor, [300, 300], [350, 320]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({
      points: [
        [100, 100],
        [300, 100],
        [350, 320],
        [100, 300],
      ],
    });
    drag(editor, [200, 100], [200, 50]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({
      points: [
        [100, 100],
        [200, 50],
        [300, 100],
        [350, 320],
        [100, 300],
      ],
    });
    editor.send(pointer('pointerDown', [200, 50], true));
    editor.send(pointer('pointerUp', [200, 50], true));
    expect(editor.getView().doc.shapes[0]).toMatchObject({
      points: [
        [100, 100],
        [300, 100],
        [350, 320],
        [100, 300],
      ],
    });
    expect(editor.getState().editor.history.undo).toHaveLength(3);
  });

  it('inserts a vertex with a double-click on an edge, and deletes the picked vertex with Delete', () => {
    const editor = testEditor(
      withShapes({
        id: 'p',
        type: 'polygon',
        label: 'road',
        attributes: {},
        points: [
          [0, 0],
          [100, 0],
          [100, 100],
          [0, 100],
        ],
      }),
    );
    editor.run({ type: 'setTool', tool: 'select' });
    editor.run({ type: 'select', id: 'p' });
    editor.send(pointer('doubleClick', [30, 1]));
    const points = () => (editor.getView().doc.shapes[0] as { points: number[][] }).points;
    expect(points()).toHaveLength(5);
    expect(points()[1]).toEqual([30, 0]);
    click(editor, [100, 100]);
    expect(editor.getView().selectedVertex).toBe(3);
    editor.run({ type: 'delete' });
    expect(points()).toEqual([
      [0, 0],
      [30, 0],
      [100, 0],
      [0, 100],
    ]);
  });
});

describe('point tool', () => {
  it('puts a point with each click, and drags an existing point', () => {
    const editor = testEditor();
    editor.run({ type: 'chooseLabel', code: 'eye' });
    expect(editor.getView().tool).toBe('point');
    click(editor, [10, 10]);
    click(editor, [40, 40]);
    expect(editor.getView().doc.shapes.map((s) => s.type === 'point' && [s.x, s.y])).toEqual([
      [10, 10],
      [40, 40],
    ]);
    drag(editor, [11, 11], [21, 31]);
    expect(editor.getView().doc.shapes[0]).toMatchObject({ x: 20, y: 30 });
    expect(editor.getView().doc.shapes).toHaveLength(2);
  });
});
