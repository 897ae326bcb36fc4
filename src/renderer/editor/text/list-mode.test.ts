import { describe, expect, it } from 'vitest';
import { listModeCommandFor, nextToDecide, pickerCommandFor, type ListModeKeyPress } from './list-mode';

const press = (key: string, more: Partial<ListModeKeyPress> = {}): ListModeKeyPress => ({
  key,
  code: '',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  focus: 'none',
  ...more,
});
const middle = { current: 2, length: 5 };

describe('list mode keys', () => {
  it('moves with J/K and the arrows, within the list', () => {
    expect(listModeCommandFor(press('j'), middle)).toEqual({ type: 'move', to: 3 });
    expect(listModeCommandFor(press('K'), middle)).toEqual({ type: 'move', to: 1 });
    expect(listModeCommandFor(press('ArrowDown'), { current: 4, length: 5 })).toEqual({
      type: 'move',
      to: 4,
    });
    expect(listModeCommandFor(press('ArrowUp'), { current: 0, length: 5 })).toEqual({ type: 'move', to: 0 });
    expect(listModeCommandFor(press('End'), middle)).toEqual({ type: 'move', to: 4 });
    expect(listModeCommandFor(press('j', { repeat: true }), middle)).toEqual({ type: 'move', to: 3 });
  });

  it('decides with A, R and E, and a digit (by physical key) picks a reason', () => {
    expect(listModeCommandFor(press('a'), middle)).toEqual({ type: 'approve' });
    expect(listModeCommandFor(press('R'), middle)).toEqual({ type: 'reject' });
    expect(listModeCommandFor(press('e'), middle)).toEqual({ type: 'escalate' });
    expect(listModeCommandFor(press('é', { code: 'Digit2' }), middle)).toEqual({
      type: 'reasonAt',
      position: 2,
    });
    expect(listModeCommandFor(press('a', { repeat: true }), middle)).toBeNull();
  });

  it('sends with Enter, opens one review with O or L, and leaves with Escape', () => {
    expect(listModeCommandFor(press('Enter'), middle)).toEqual({ type: 'sendDecided' });
    expect(listModeCommandFor(press('Enter', { focus: 'control' }), middle)).toBeNull();
    expect(listModeCommandFor(press('o'), middle)).toEqual({ type: 'openSingle' });
    expect(listModeCommandFor(press('l'), middle)).toEqual({ type: 'openSingle' });
    expect(listModeCommandFor(press('Escape'), middle)).toEqual({ type: 'back' });
    expect(listModeCommandFor(press('n'), middle)).toEqual({ type: 'note' });
  });

  it('leaves typing alone, except undo and redo', () => {
    expect(listModeCommandFor(press('a', { focus: 'typing' }), middle)).toBeNull();
    expect(listModeCommandFor(press('Enter', { focus: 'typing' }), middle)).toBeNull();
    expect(listModeCommandFor(press('z', { ctrlKey: true, focus: 'typing' }), middle)).toEqual({
      type: 'undo',
    });
    expect(listModeCommandFor(press('y', { ctrlKey: true }), middle)).toEqual({ type: 'redo' });
    expect(listModeCommandFor(press('a', { ctrlKey: true }), middle)).toBeNull();
  });
});

describe('reason picker keys', () => {
  const state = { highlighted: 0, count: 3 };
  it('moves round the reasons and chooses with Enter, Space or the digit', () => {
    expect(pickerCommandFor(press('ArrowDown'), state)).toEqual({ type: 'highlight', index: 1 });
    expect(pickerCommandFor(press('ArrowUp'), state)).toEqual({ type: 'highlight', index: 2 });
    expect(pickerCommandFor(press('Enter'), { highlighted: 2, count: 3 })).toEqual({
      type: 'choose',
      index: 2,
    });
    expect(pickerCommandFor(press(' '), state)).toEqual({ type: 'choose', index: 0 });
    expect(pickerCommandFor(press('"', { code: 'Digit3' }), state)).toEqual({ type: 'choose', index: 2 });
    expect(pickerCommandFor(press('4', { code: 'Digit4' }), state)).toBeNull();
  });

  it('closes with Escape or Tab', () => {
    expect(pickerCommandFor(press('Escape'), state)).toEqual({ type: 'close' });
    expect(pickerCommandFor(press('Tab'), state)).toEqual({ type: 'close' });
  });
});

describe('after a decision', () => {
  it('goes to the next review still to decide, round to the top, else to the next row', () => {
    expect(nextToDecide([true, false, true, false], 1)).toBe(3);
    expect(nextToDecide([false, true, true, true], 2)).toBe(0);
    expect(nextToDecide([true, true, true], 0)).toBe(1);
    expect(nextToDecide([true, true, true], 2)).toBe(2);
    expect(nextToDecide([true], 0)).toBe(0);
  });
});
