import { isInstructionsKey } from '../instructions-key';
import { historyCommandFor, type FocusKind } from '../text/moderation-keys';

/**
 * The form screen's keys. Typing belongs to the fields, so the shortcuts that work everywhere use
 * Ctrl: Ctrl+Enter submits, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo. Enter in a one-line field
 * goes to the next field, as in data-entry tools, instead of sending a half-filled form.
 */
export type FormCommand =
  | { type: 'submit' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'nextField' }
  | { type: 'back' }
  | { type: 'toggleInstructions' };

export type FormKeyPress = {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  focus: FocusKind;
  /** The focus is in a one-line field, a radio button or a check box: Enter there goes to the next field. */
  singleLine: boolean;
};

export const FORM_SHORTCUTS = {
  submit: 'Control+Enter',
  undo: 'Control+Z',
  redo: 'Control+Shift+Z',
  back: 'Escape',
  instructions: '?',
} as const;

export function formCommandFor(press: FormKeyPress, options: { readOnly: boolean }): FormCommand | null {
  if (isInstructionsKey(press)) return { type: 'toggleInstructions' };
  if (!options.readOnly) {
    const history = historyCommandFor(press);
    if (history) return history;
    if (press.key === 'Enter' && (press.ctrlKey || press.metaKey) && !press.altKey) {
      return press.repeat ? null : { type: 'submit' };
    }
  }
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Enter' && press.singleLine && !press.shiftKey && !options.readOnly) {
    return { type: 'nextField' };
  }
  if (press.focus === 'typing') return null;
  if (press.key === 'Escape') return { type: 'back' };
  if (press.key === '?') return { type: 'toggleInstructions' };
  return null;
}
