import { describe, expect, it } from 'vitest';
import { historyCommandFor, moderationCommandFor, reasonHotkey, type KeyPress } from './moderation-keys';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
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
const editable = { readOnly: false };

describe('moderation shortcuts', () => {
  it('maps A, R and E by the character typed, in either case', () => {
    expect(moderationCommandFor(press('a', { code: 'KeyQ' }), editable)).toEqual({ type: 'approve' });
    expect(moderationCommandFor(press('R', { code: 'KeyR' }), editable)).toEqual({ type: 'reject' });
    expect(moderationCommandFor(press('e', { code: 'KeyE' }), editable)).toEqual({ type: 'escalate' });
    expect(moderationCommandFor(press('l'), editable)).toEqual({ type: 'toggleList' });
  });

  it('maps digits by physical key, so AZERTY without Shift and the numpad work', () => {
    expect(moderationCommandFor(press('&', { code: 'Digit1' }), editable)).toEqual({
      type: 'reasonAt',
      position: 1,
    });
    expect(moderationCommandFor(press('9', { code: 'Numpad9' }), editable)).toEqual({
      type: 'reasonAt',
      position: 9,
    });
    expect(moderationCommandFor(press('à', { code: 'Digit0' }), editable)).toBeNull();
  });

  it('gives digits to span labels while a passage is selected, and to nothing else then', () => {
    const selecting = { readOnly: false, selecting: true, labelHotkeys: ['1', '3'] };
    expect(moderationCommandFor(press('"', { code: 'Digit3' }), selecting)).toEqual({
      type: 'labelKey',
      hotkey: '3',
    });
    // A digit no label has must not reject the text by surprise.
    expect(moderationCommandFor(press('2', { code: 'Digit2' }), selecting)).toBeNull();
    expect(moderationCommandFor(press('a'), selecting)).toEqual({ type: 'approve' });
  });

  it('ignores every key but undo and redo while the HITer types in a field', () => {
    for (const key of ['a', 'r', 'e', 'Enter', 'Escape', '?']) {
      expect(moderationCommandFor(press(key, { code: 'Digit1', focus: 'typing' }), editable)).toBeNull();
    }
    expect(moderationCommandFor(press('z', { ctrlKey: true, focus: 'typing' }), editable)).toEqual({
      type: 'undo',
    });
  });

  it('leaves browser and system shortcuts alone', () => {
    expect(moderationCommandFor(press('a', { ctrlKey: true }), editable)).toBeNull();
    expect(moderationCommandFor(press('r', { metaKey: true }), editable)).toBeNull();
    expect(moderationCommandFor(press('2', { code: 'Digit2', altKey: true }), editable)).toBeNull();
  });

  it('submits with Enter from the page or the decision, not from another button, nor when held', () => {
    expect(moderationCommandFor(press('Enter'), editable)).toEqual({ type: 'submit' });
    expect(moderationCommandFor(press('Enter', { focus: 'decision' }), editable)).toEqual({ type: 'submit' });
    expect(moderationCommandFor(press('Enter', { focus: 'control' }), editable)).toBeNull();
    expect(moderationCommandFor(press('Enter', { repeat: true }), editable)).toBeNull();
  });

  it('keeps only Escape and ? on a read-only task', () => {
    const readOnly = { readOnly: true };
    expect(moderationCommandFor(press('a'), readOnly)).toBeNull();
    expect(moderationCommandFor(press('Enter'), readOnly)).toBeNull();
    expect(moderationCommandFor(press('z', { ctrlKey: true }), readOnly)).toBeNull();
    expect(moderationCommandFor(press('Escape'), readOnly)).toEqual({ type: 'back' });
    expect(moderationCommandFor(press('?'), readOnly)).toEqual({ type: 'toggleInstructions' });
  });

  it('numbers reasons 1 to 9 and gives the rest no hotkey', () => {
    expect(reasonHotkey(0)).toBe('1');
    expect(reasonHotkey(8)).toBe('9');
    expect(reasonHotkey(9)).toBeNull();
  });
});

describe('undo and redo keys', () => {
  const key = (k: string, code: string, more: Partial<KeyPress> = {}) =>
    historyCommandFor(press(k, { code, ctrlKey: true, ...more }));
  it('reads the letter typed: AZERTY Z (at the QWERTY W) undoes, its W does not', () => {
    expect(key('z', 'KeyW')).toEqual({ type: 'undo' });
    expect(key('w', 'KeyZ')).toBeNull();
    expect(key('Z', 'KeyZ', { shiftKey: true })).toEqual({ type: 'redo' });
    expect(key('y', 'KeyY')).toEqual({ type: 'redo' });
  });

  it('falls back to the physical key on a layout without Latin letters', () => {
    expect(key('я', 'KeyZ')).toEqual({ type: 'undo' });
    expect(key('ن', 'KeyY')).toEqual({ type: 'redo' });
  });

  it('needs Ctrl (or Cmd) and no Alt', () => {
    expect(historyCommandFor(press('z', { code: 'KeyZ' }))).toBeNull();
    expect(key('z', 'KeyZ', { altKey: true })).toBeNull();
    expect(historyCommandFor(press('z', { code: 'KeyZ', metaKey: true }))).toEqual({ type: 'undo' });
  });
});
