import { moveOffset, snapToGraphemes, trimRange, type CaretUnit, type TextModel } from './text-model';

/**
 * The span editor's own selection in a read-only text, in code points: `anchor` stays where the
 * selection began, `focus` moves (the caret). Our own, not the DOM's, so the keyboard alone can
 * select (Shift+arrows) in text that is not editable, and offsets stay exact.
 */
export type TextSelection = { anchor: number; focus: number };

export const CARET_AT_START: TextSelection = { anchor: 0, focus: 0 };

export function selectionRange(selection: TextSelection): { start: number; end: number } {
  return {
    start: Math.min(selection.anchor, selection.focus),
    end: Math.max(selection.anchor, selection.focus),
  };
}

export function isCollapsed(selection: TextSelection): boolean {
  return selection.anchor === selection.focus;
}

/** What a key does to the text's caret and selection. */
export type CaretCommand =
  | { type: 'move'; direction: 'forward' | 'backward'; unit: CaretUnit; extend: boolean }
  | { type: 'selectAll' }
  | { type: 'collapse' }
  | { type: 'removeSpan' };

export type CaretKeyPress = {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
};

/**
 * Keys inside the focused text. Arrows follow what the eye sees: in a right-to-left text (Arabic)
 * the left arrow moves towards the end of the text.
 */
export function caretCommandFor(
  press: CaretKeyPress,
  state: { direction: 'ltr' | 'rtl'; collapsed: boolean },
): CaretCommand | null {
  if (press.altKey || press.metaKey) return null;
  const extend = press.shiftKey;
  switch (press.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const towardsEnd = (press.key === 'ArrowRight') === (state.direction === 'ltr');
      const direction = towardsEnd ? 'forward' : 'backward';
      return { type: 'move', direction, unit: press.ctrlKey ? 'word' : 'grapheme', extend };
    }
    case 'Home':
    case 'End':
      return {
        type: 'move',
        direction: press.key === 'End' ? 'forward' : 'backward',
        unit: press.ctrlKey ? 'text' : 'paragraph',
        extend,
      };
    case 'a':
    case 'A':
      return press.ctrlKey ? { type: 'selectAll' } : null;
    case 'Escape':
      return state.collapsed ? null : { type: 'collapse' };
    case 'Delete':
    case 'Backspace':
      return press.ctrlKey ? null : { type: 'removeSpan' };
    default:
      return null;
  }
}

/** The selection after a caret command (removeSpan leaves it as it is). */
export function applyCaretCommand(
  model: TextModel,
  selection: TextSelection,
  command: CaretCommand,
): TextSelection {
  switch (command.type) {
    case 'selectAll':
      return { anchor: 0, focus: model.length };
    case 'collapse':
      return { anchor: selection.focus, focus: selection.focus };
    case 'removeSpan':
      return selection;
    case 'move': {
      const { start, end } = selectionRange(selection);
      // Without Shift, an arrow on a selection lands on its edge, as in any text field.
      if (!command.extend && !isCollapsed(selection) && command.unit === 'grapheme') {
        const edge = command.direction === 'forward' ? end : start;
        return { anchor: edge, focus: edge };
      }
      const focus = moveOffset(model, selection.focus, command.direction, command.unit);
      return command.extend ? { anchor: selection.anchor, focus } : { anchor: focus, focus };
    }
  }
}

/**
 * A range the mouse selected (DOM offsets already converted to code points), made whole: widened
 * to grapheme clusters, white space at the ends left out. Null when nothing but space is left.
 */
export function cleanRange(
  model: TextModel,
  from: number,
  to: number,
): { start: number; end: number } | null {
  const snapped = snapToGraphemes(model, from, to);
  const trimmed = trimRange(model, snapped.start, snapped.end);
  return trimmed.end > trimmed.start ? trimmed : null;
}
