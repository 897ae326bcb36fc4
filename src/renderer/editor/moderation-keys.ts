/**
 * The moderation screen's keyboard shortcuts as a pure mapping, so the rules (AZERTY, text fields,
 * read-only tasks) are tested without a browser.
 */

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
  repeat: boolean;
  focus: FocusKind;
};

export type ModerationCommand =
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'reasonAt'; position: number }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'toggleInstructions' };

/** Shortcuts as shown on screen and in aria-keyshortcuts. */
export const MODERATION_SHORTCUTS = {
  approve: 'A',
  reject: 'R',
  submit: 'Enter',
  back: 'Escape',
  instructions: '?',
} as const;

/** Digits by physical key (event.code) so AZERTY's unshifted 1–9 row (&é"'(…) still works. */
const DIGIT_CODE = /^(?:Digit|Numpad)([1-9])$/;

export function moderationCommandFor(
  press: KeyPress,
  options: { readOnly: boolean },
): ModerationCommand | null {
  if (press.focus === 'typing') return null;
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Escape') return { type: 'back' };
  if (press.key === '?') return { type: 'toggleInstructions' };
  if (options.readOnly) return null;
  if (press.key === 'Enter') {
    if (press.repeat || press.focus === 'control') return null;
    return { type: 'submit' };
  }
  const letter = press.key.toLowerCase();
  if (letter === 'a') return { type: 'approve' };
  if (letter === 'r') return { type: 'reject' };
  const digit = DIGIT_CODE.exec(press.code);
  if (digit?.[1] !== undefined) return { type: 'reasonAt', position: Number(digit[1]) };
  return null;
}

/** The key a reason answers to (1–9), or null past the ninth. */
export function reasonHotkey(index: number): string | null {
  return index >= 0 && index < 9 ? String(index + 1) : null;
}
