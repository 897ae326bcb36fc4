import { describe, expect, it } from 'vitest';
import { styleOf } from './draw-shapes';
import { staticChanged, staticSceneOf } from './static-scene';
import { testEditor } from '../editor/image/test-fixtures';

const point = (id: string, label: string, x = 1) => ({
  id,
  type: 'point' as const,
  label,
  attributes: {},
  x,
  y: 1,
});

describe('static scene encoding', () => {
  it('gives each shape a palette colour and flags, and skips what must not be drawn', () => {
    const shapes = [point('a', 'car'), point('b', 'person'), point('c', 'car'), point('d', 'car')];
    const colors: Record<string, string> = { car: '#ff0000', person: '#00ff00' };
    const scene = staticSceneOf(
      shapes,
      (shape) =>
        shape.id === 'd'
          ? null
          : { color: colors[shape.label]!, dashed: shape.id === 'c', fill: shape.id === 'b' },
      'd',
    );
    expect(scene.palette).toEqual(['#ff0000', '#00ff00']);
    expect([...scene.styles].map((code) => styleOf(code, scene.palette))).toEqual([
      { color: '#ff0000', dashed: false, fill: 0 },
      { color: '#00ff00', dashed: false, fill: 0.18 },
      { color: '#ff0000', dashed: true, fill: 0 },
      null,
    ]);
    expect(scene.excluded).toBe('d');
  });
});

describe('when the static layer must be painted again', () => {
  const base = () => testEditor({ shapes: [point('a', 'car'), point('b', 'car', 300)], classes: [] });

  it('not while the selected shape is dragged or edited, only when another shape changes', () => {
    const editor = base();
    editor.run({ type: 'setTool', tool: 'select' });
    editor.run({ type: 'select', id: 'a' });
    const before = editor.getState();
    editor.send({ type: 'pointerDown', point: [1, 1], tolerance: 6, altKey: false, shiftKey: false });
    editor.send({ type: 'pointerMove', point: [40, 40], tolerance: 6, altKey: false, shiftKey: false });
    expect(staticChanged(before, editor.getState())).toBe(false);
    editor.send({ type: 'pointerUp', point: [40, 40], tolerance: 6, altKey: false, shiftKey: false });
    expect(staticChanged(before, editor.getState())).toBe(false);
    editor.run({ type: 'setAttribute', id: 'b', code: 'occluded', value: true });
    expect(staticChanged(before, editor.getState())).toBe(true);
  });

  it('when the selection or what is hidden or locked changes', () => {
    const editor = base();
    const before = editor.getState();
    editor.run({ type: 'select', id: 'b' });
    expect(staticChanged(before, editor.getState())).toBe(true);
    const selected = editor.getState();
    editor.run({ type: 'toggleLabelLocked', code: 'car' });
    expect(staticChanged(selected, editor.getState())).toBe(true);
  });
});
