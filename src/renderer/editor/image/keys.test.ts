import { describe, expect, it } from 'vitest';
import { imageCommandFor, type ImageKeyPress } from './keys';

const press = (key: string, code: string, extra: Partial<ImageKeyPress> = {}): ImageKeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  focus: 'none',
  ...extra,
});
const open = { readOnly: false, drawing: false };

describe('image keyboard', () => {
  it('reads label digits by physical key, so AZERTY works unshifted', () => {
    expect(imageCommandFor(press('&', 'Digit1'), open)).toEqual({ type: 'label', digit: '1' });
    expect(imageCommandFor(press('é', 'Digit2'), open)).toEqual({ type: 'label', digit: '2' });
    expect(imageCommandFor(press('3', 'Numpad3'), open)).toEqual({ type: 'label', digit: '3' });
    // AZERTY's 6 key prints "-": it is still label 6, not zoom out.
    expect(imageCommandFor(press('-', 'Digit6'), open)).toEqual({ type: 'label', digit: '6' });
  });

  it('zooms with the keys right of 0 on either layout, and the keypad', () => {
    expect(imageCommandFor(press(')', 'Minus'), open)).toEqual({ type: 'zoomOut' });
    expect(imageCommandFor(press('-', 'Minus'), open)).toEqual({ type: 'zoomOut' });
    expect(imageCommandFor(press('=', 'Equal'), open)).toEqual({ type: 'zoomIn' });
    expect(imageCommandFor(press('+', 'NumpadAdd'), open)).toEqual({ type: 'zoomIn' });
    expect(imageCommandFor(press('à', 'Digit0'), open)).toEqual({ type: 'actualSize' });
    expect(imageCommandFor(press('f', 'KeyF'), open)).toEqual({ type: 'fit' });
  });

  it('reads letters by what is printed on the key (AZERTY A is where QWERTY has Q)', () => {
    expect(imageCommandFor(press('a', 'KeyQ'), open)).toEqual({ type: 'place' });
    expect(imageCommandFor(press('q', 'KeyA'), open)).toBeNull();
    expect(imageCommandFor(press('B', 'KeyB', { shiftKey: true }), open)).toEqual({
      type: 'tool',
      tool: 'box',
    });
    expect(imageCommandFor(press('z', 'KeyW', { ctrlKey: true }), open)).toEqual({ type: 'undo' });
    expect(imageCommandFor(press('Z', 'KeyW', { ctrlKey: true, shiftKey: true }), open)).toEqual({
      type: 'redo',
    });
  });

  it('gives Enter and Backspace to the polygon while drawing', () => {
    const drawing = { readOnly: false, drawing: true };
    expect(imageCommandFor(press('Enter', 'Enter'), drawing)).toEqual({ type: 'complete' });
    expect(imageCommandFor(press('Enter', 'Enter'), open)).toBeNull();
    expect(imageCommandFor(press('Backspace', 'Backspace'), drawing)).toEqual({ type: 'undoPoint' });
    expect(imageCommandFor(press('Backspace', 'Backspace'), open)).toEqual({ type: 'delete' });
    expect(imageCommandFor(press('Enter', 'Enter', { ctrlKey: true }), open)).toEqual({ type: 'submit' });
  });

  it('pans with arrows when nothing is selected', () => {
    expect(imageCommandFor(press('ArrowLeft', 'ArrowLeft'), open)).toEqual({ type: 'pan', dx: 60, dy: 0 });
    expect(imageCommandFor(press('ArrowDown', 'ArrowDown', { shiftKey: true }), open)).toEqual({
      type: 'pan',
      dx: 0,
      dy: -240,
    });
    expect(imageCommandFor(press('ArrowRight', 'ArrowRight', { altKey: true }), open)).toBeNull();
  });

  it('moves the selection with arrows (Shift: 10 px) and resizes with Alt+arrows', () => {
    const selected = { ...open, selected: true };
    expect(imageCommandFor(press('ArrowRight', 'ArrowRight'), selected)).toEqual({
      type: 'nudge',
      dx: 1,
      dy: 0,
    });
    expect(imageCommandFor(press('ArrowUp', 'ArrowUp', { shiftKey: true }), selected)).toEqual({
      type: 'nudge',
      dx: 0,
      dy: -10,
    });
    expect(imageCommandFor(press('ArrowDown', 'ArrowDown', { altKey: true }), selected)).toEqual({
      type: 'resize',
      dx: 0,
      dy: 1,
    });
    // While drawing, or read-only, arrows still move the view.
    expect(imageCommandFor(press('ArrowLeft', 'ArrowLeft'), { ...selected, drawing: true })).toEqual({
      type: 'pan',
      dx: 60,
      dy: 0,
    });
    expect(imageCommandFor(press('ArrowLeft', 'ArrowLeft'), { ...selected, readOnly: true })).toEqual({
      type: 'pan',
      dx: 60,
      dy: 0,
    });
  });

  it('walks, inserts and deletes polygon vertices from the keyboard', () => {
    expect(imageCommandFor(press('e', 'KeyE'), open)).toEqual({ type: 'selectVertex', step: 1 });
    expect(imageCommandFor(press('E', 'KeyE', { shiftKey: true }), open)).toEqual({
      type: 'selectVertex',
      step: -1,
    });
    expect(imageCommandFor(press('Insert', 'Insert'), open)).toEqual({ type: 'insertVertex' });
    expect(imageCommandFor(press('Delete', 'Delete'), open)).toEqual({ type: 'delete' });
  });

  it('leaves text fields alone, and arrows, Enter and Space to buttons and radios', () => {
    expect(imageCommandFor(press('b', 'KeyB', { focus: 'typing' }), open)).toBeNull();
    expect(imageCommandFor(press('ArrowDown', 'ArrowDown', { focus: 'control' }), open)).toBeNull();
    expect(
      imageCommandFor(press('Enter', 'Enter', { focus: 'control' }), { readOnly: false, drawing: true }),
    ).toBeNull();
    expect(imageCommandFor(press('b', 'KeyB', { focus: 'control' }), open)).toEqual({
      type: 'tool',
      tool: 'box',
    });
  });

  it('keeps only viewing keys on a closed task', () => {
    const closed = { readOnly: true, drawing: false };
    expect(imageCommandFor(press('Delete', 'Delete'), closed)).toBeNull();
    expect(imageCommandFor(press('1', 'Digit1'), closed)).toBeNull();
    expect(imageCommandFor(press('z', 'KeyZ', { ctrlKey: true }), closed)).toBeNull();
    expect(imageCommandFor(press('f', 'KeyF'), closed)).toEqual({ type: 'fit' });
    expect(imageCommandFor(press('?', 'Comma', { shiftKey: true }), closed)).toEqual({ type: 'shortcuts' });
  });
});
