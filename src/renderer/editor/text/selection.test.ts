import { describe, expect, it } from 'vitest';
import {
  applyCaretCommand,
  caretCommandFor,
  cleanRange,
  selectionRange,
  type CaretKeyPress,
  type TextSelection,
} from './selection';
import { createTextModel, sliceText } from './text-model';

const press = (key: string, more: Partial<CaretKeyPress> = {}): CaretKeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...more,
});
const ltr = { direction: 'ltr' as const, collapsed: true };

describe('selecting with the keyboard', () => {
  const model = createTextModel('Tel 🇹🇬 +228 90 12');
  const apply = (selection: TextSelection, ...keys: CaretKeyPress[]) =>
    keys.reduce((current, key) => {
      const command = caretCommandFor(key, { direction: model.direction, collapsed: false });
      return command ? applyCaretCommand(model, current, command) : current;
    }, selection);

  it('extends with Shift+arrows by whole clusters, so a flag is taken whole', () => {
    const selection = apply({ anchor: 4, focus: 4 }, press('ArrowRight', { shiftKey: true }));
    const { start, end } = selectionRange(selection);
    expect(sliceText(model, start, end)).toBe('🇹🇬');
  });

  it('extends by words with Ctrl+Shift+arrows and to the end with Shift+End', () => {
    const words = apply({ anchor: 7, focus: 7 }, press('ArrowRight', { shiftKey: true, ctrlKey: true }));
    expect(sliceText(model, words.anchor, words.focus)).toBe('+228');
    const toEnd = apply({ anchor: 7, focus: 7 }, press('End', { shiftKey: true }));
    expect(sliceText(model, toEnd.anchor, toEnd.focus)).toBe('+228 90 12');
  });

  it('lands an arrow without Shift on the edge of the selection, as text fields do', () => {
    expect(apply({ anchor: 2, focus: 8 }, press('ArrowLeft'))).toEqual({ anchor: 2, focus: 2 });
    expect(apply({ anchor: 8, focus: 2 }, press('ArrowRight'))).toEqual({ anchor: 8, focus: 8 });
  });

  it('swaps the arrows in a right-to-left text: ← goes towards its end', () => {
    const rtl = { direction: 'rtl' as const, collapsed: true };
    expect(caretCommandFor(press('ArrowLeft'), rtl)).toMatchObject({ direction: 'forward' });
    expect(caretCommandFor(press('ArrowRight'), rtl)).toMatchObject({ direction: 'backward' });
    expect(caretCommandFor(press('ArrowLeft'), ltr)).toMatchObject({ direction: 'backward' });
  });

  it('selects all with Ctrl+A, but leaves plain A to the decision shortcuts', () => {
    expect(caretCommandFor(press('a', { ctrlKey: true }), ltr)).toEqual({ type: 'selectAll' });
    expect(caretCommandFor(press('a'), ltr)).toBeNull();
  });

  it('lets Escape collapse a selection first, and leave the task only when nothing is selected', () => {
    expect(caretCommandFor(press('Escape'), { direction: 'ltr', collapsed: false })).toEqual({
      type: 'collapse',
    });
    expect(caretCommandFor(press('Escape'), ltr)).toBeNull();
    expect(caretCommandFor(press('Delete'), ltr)).toEqual({ type: 'removeSpan' });
  });
});

describe('cleaning a mouse selection', () => {
  it('widens to whole clusters and trims spaces; nothing left gives null', () => {
    const model = createTextModel('Bonjour 👩‍👩‍👧 ami ');
    expect(cleanRange(model, 7, 10)).toEqual({ start: 8, end: 13 });
    expect(cleanRange(model, 13, 19)).toEqual({ start: 14, end: 17 });
    expect(cleanRange(model, 7, 8)).toBeNull();
  });
});
