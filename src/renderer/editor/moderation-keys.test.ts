import { describe, expect, it } from 'vitest';
import { moderationCommandFor, reasonHotkey, type KeyPress } from './moderation-keys';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: '',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  focus: 'none',
  ...more,
});
const editable = { readOnly: false };

describe('moderation shortcuts', () => {
  it('maps A and R by the character typed, in either case', () => {
    expect(moderationCommandFor(press('a', { code: 'KeyQ' }), editable)).toEqual({ type: 'approve' });
    expect(moderationCommandFor(press('R', { code: 'KeyR' }), editable)).toEqual({ type: 'reject' });
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

  it('ignores every key while the HITer types in a field', () => {
    for (const key of ['a', 'r', 'Enter', 'Escape', '?']) {
      expect(moderationCommandFor(press(key, { code: 'Digit1', focus: 'typing' }), editable)).toBeNull();
    }
  });

  it('leaves browser and system shortcuts alone', () => {
    expect(moderationCommandFor(press('a', { ctrlKey: true }), editable)).toBeNull();
    expect(moderationCommandFor(press('r', { metaKey: true }), editable)).toBeNull();
    expect(moderationCommandFor(press('2', { code: 'Digit2', altKey: true }), editable)).toBeNull();
  });

  it('submits with Enter from the decision area or the page, not from other buttons, not on repeat', () => {
    expect(moderationCommandFor(press('Enter', { focus: 'decision' }), editable)).toEqual({ type: 'submit' });
    expect(moderationCommandFor(press('Enter'), editable)).toEqual({ type: 'submit' });
    expect(moderationCommandFor(press('Enter', { focus: 'control' }), editable)).toBeNull();
    expect(moderationCommandFor(press('Enter', { repeat: true }), editable)).toBeNull();
  });

  it('keeps only Escape and ? on a read-only task', () => {
    const readOnly = { readOnly: true };
    expect(moderationCommandFor(press('a'), readOnly)).toBeNull();
    expect(moderationCommandFor(press('Enter'), readOnly)).toBeNull();
    expect(moderationCommandFor(press('Escape'), readOnly)).toEqual({ type: 'back' });
    expect(moderationCommandFor(press('?'), readOnly)).toEqual({ type: 'toggleInstructions' });
  });

  it('numbers reasons 1 to 9 and gives the rest no hotkey', () => {
    expect(reasonHotkey(0)).toBe('1');
    expect(reasonHotkey(8)).toBe('9');
    expect(reasonHotkey(9)).toBeNull();
  });
});
