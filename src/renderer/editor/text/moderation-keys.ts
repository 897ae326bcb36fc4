/**
 * The moderation screen's keyboard shortcuts as a pure mapping, so the rules (AZERTY, text fields,
 * read-only tasks, a selection in the text) are tested without a browser.
 */
import { isInstructionsKey } from '../instructions-key';

/** Where the keyboard focus is when the key is pressed. */
export type FocusKind =
  /** A text field or select: every key belongs to it. */
  | 'typing'
  /** Another button or link (back, instructions, header): Enter keeps its usual meaning there. */
  | 'control'
  /** The decision buttons and reason choices: Enter submits from there. */
  | 'decision'
  /** Nothing in particular (the page, the text, the heading). */
  | 'none';

export type KeyPress = {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
  repeat: boolean;
  focus: FocusKind;
};

export type ModerationCommand =
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'escalate' }
  | { type: 'reasonAt'; position: number }
  /** A digit while a passage is selected: the span label with that hotkey. */
  | { type: 'labelKey'; hotkey: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'toggleList' }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'toggleInstructions' };

/** Shortcuts as shown on screen and in aria-keyshortcuts. */
export const MODERATION_SHORTCUTS = {
  approve: 'A',
  reject: 'R',
  escalate: 'E',
  submit: 'Enter',
  back: 'Escape',
  instructions: '?',
  list: 'L',
  undo: 'Control+Z',
  redo: 'Control+Shift+Z',
} as const;

/** Digits by physical key (event.code) so AZERTY's unshifted 1–9 row (&é"'(…) still works. */
const DIGIT_CODE = /^(?:Digit|Numpad)([1-9])$/;

/** The digit 1–9 a key press stands for, by physical key, or null. */
export function digitOf(press: { code: string }): string | null {
  return DIGIT_CODE.exec(press.code)?.[1] ?? null;
}

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo. By the letter typed (AZERTY's Z is where QWERTY has
 * W); by physical key only on layouts without Latin letters (Arabic, Russian).
 */
export function historyCommandFor(press: {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}): { type: 'undo' } | { type: 'redo' } | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  const key = press.key.toLowerCase();
  const latin = /^[a-z]$/.test(key);
  const isZ = latin ? key === 'z' : press.code === 'KeyZ';
  const isY = latin ? key === 'y' : press.code === 'KeyY';
  if (isZ) return press.shiftKey ? { type: 'redo' } : { type: 'undo' };
  if (isY && !press.shiftKey) return { type: 'redo' };
  return null;
}

export function moderationCommandFor(
  press: KeyPress,
  options: { readOnly: boolean; selecting?: boolean; labelHotkeys?: readonly string[] },
): ModerationCommand | null {
  if (!options.readOnly) {
    const history = historyCommandFor(press);
    // Undo belongs to the app in the note too: its typing is part of the same history.
    if (history) return history;
  }
  if (isInstructionsKey(press)) return { type: 'toggleInstructions' };
  if (press.focus === 'typing') return null;
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Escape') return { type: 'back' };
  if (press.key === '?') return { type: 'toggleInstructions' };
  if (options.readOnly) return null;
  if (press.key === 'Enter') {
    if (press.repeat || press.focus === 'control') return null;
    return { type: 'submit' };
  }
  if (press.repeat) return null;
  const letter = press.key.toLowerCase();
  if (letter === 'a') return { type: 'approve' };
  if (letter === 'r') return { type: 'reject' };
  if (letter === 'e') return { type: 'escalate' };
  if (letter === 'l') return { type: 'toggleList' };
  const digit = digitOf(press);
  if (digit === null) return null;
  // With a passage selected, digits name span labels only: a stray digit must not reject the text.
  if (options.selecting)
    return options.labelHotkeys?.includes(digit) ? { type: 'labelKey', hotkey: digit } : null;
  return { type: 'reasonAt', position: Number(digit) };
}

/** The key a reason answers to (1–9), or null past the ninth. */
export function reasonHotkey(index: number): string | null {
  return index >= 0 && index < 9 ? String(index + 1) : null;
}
