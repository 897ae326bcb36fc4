import { describe, expect, it } from 'vitest';
import { formCommandFor, type FormKeyPress } from './form-keys';

const press = (key: string, more: Partial<FormKeyPress> = {}): FormKeyPress => ({
  key,
  code: '',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  focus: 'typing',
  singleLine: true,
  ...more,
});
const open = { readOnly: false };

describe('form keys', () => {
  it('submits with Ctrl+Enter from anywhere, never from a held key', () => {
    expect(formCommandFor(press('Enter', { ctrlKey: true }), open)).toEqual({ type: 'submit' });
    expect(formCommandFor(press('Enter', { ctrlKey: true, focus: 'none' }), open)).toEqual({
      type: 'submit',
    });
    expect(formCommandFor(press('Enter', { ctrlKey: true, repeat: true }), open)).toBeNull();
  });

  it('moves to the next field with Enter in a one-line field, keeps Enter for new lines elsewhere', () => {
    expect(formCommandFor(press('Enter'), open)).toEqual({ type: 'nextField' });
    expect(formCommandFor(press('Enter', { singleLine: false }), open)).toBeNull();
    expect(formCommandFor(press('Enter', { shiftKey: true }), open)).toBeNull();
    // A radio button or check box (not "typing"): Enter goes on too, rather than sending the form.
    expect(formCommandFor(press('Enter', { focus: 'control' }), open)).toEqual({ type: 'nextField' });
    // A button keeps Enter.
    expect(formCommandFor(press('Enter', { focus: 'control', singleLine: false }), open)).toBeNull();
  });

  it('undoes and redoes even while typing, and leaves other keys to the field', () => {
    expect(formCommandFor(press('z', { ctrlKey: true }), open)).toEqual({ type: 'undo' });
    expect(formCommandFor(press('Z', { ctrlKey: true, shiftKey: true }), open)).toEqual({ type: 'redo' });
    expect(formCommandFor(press('?'), open)).toBeNull();
    expect(formCommandFor(press('Escape'), open)).toBeNull();
  });

  it('goes back with Escape and toggles instructions with ? outside the fields', () => {
    expect(formCommandFor(press('Escape', { focus: 'none' }), open)).toEqual({ type: 'back' });
    expect(formCommandFor(press('?', { focus: 'control' }), open)).toEqual({ type: 'toggleInstructions' });
  });

  it('keeps only reading keys on a closed task', () => {
    const closed = { readOnly: true };
    expect(formCommandFor(press('Enter', { ctrlKey: true }), closed)).toBeNull();
    expect(formCommandFor(press('z', { ctrlKey: true }), closed)).toBeNull();
    expect(formCommandFor(press('Enter'), closed)).toBeNull();
    expect(formCommandFor(press('Escape', { focus: 'none' }), closed)).toEqual({ type: 'back' });
  });
});
