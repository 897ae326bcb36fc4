import { isInstructionsKey } from '../instructions-key';
import { digitOf, historyCommandFor, type FocusKind } from './moderation-keys';

/**
 * List mode: many short reviews on one screen, decided with single keys. J/K (or ↓/↑) move, A, R
 * and E decide (R opens the reason picker, a digit picks a reason at once), Enter sends every
 * decided review. A pure mapping, tested without a browser.
 */
export type ListModeCommand =
  | { type: 'move'; to: number }
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'escalate' }
  | { type: 'reasonAt'; position: number }
  | { type: 'note' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'sendDecided' }
  /** Opens the current review on its own (spans, full text): leaves list mode. */
  | { type: 'openSingle' }
  | { type: 'back' }
  | { type: 'toggleInstructions' };

export type ListModeKeyPress = {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  focus: FocusKind;
};

export const LIST_SHORTCUTS = {
  next: 'J',
  previous: 'K',
  note: 'N',
  open: 'O',
} as const;

export function listModeCommandFor(
  press: ListModeKeyPress,
  position: { current: number; length: number },
): ListModeCommand | null {
  const history = historyCommandFor(press);
  if (history) return history;
  if (isInstructionsKey(press)) return { type: 'toggleInstructions' };
  if (press.focus === 'typing') return null;
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const last = Math.max(position.length - 1, 0);
  const at = Math.min(Math.max(position.current, 0), last);
  switch (press.key) {
    case 'Escape':
      return { type: 'back' };
    case '?':
      return { type: 'toggleInstructions' };
    case 'ArrowDown':
      return { type: 'move', to: Math.min(at + 1, last) };
    case 'ArrowUp':
      return { type: 'move', to: Math.max(at - 1, 0) };
    case 'Home':
      return { type: 'move', to: 0 };
    case 'End':
      return { type: 'move', to: last };
    case 'Enter':
      return press.repeat || press.focus === 'control' ? null : { type: 'sendDecided' };
  }
  if (press.repeat && !['j', 'k'].includes(press.key.toLowerCase())) return null;
  switch (press.key.toLowerCase()) {
    case 'j':
      return { type: 'move', to: Math.min(at + 1, last) };
    case 'k':
      return { type: 'move', to: Math.max(at - 1, 0) };
    case 'a':
      return { type: 'approve' };
    case 'r':
      return { type: 'reject' };
    case 'e':
      return { type: 'escalate' };
    case 'n':
      return { type: 'note' };
    case 'o':
    case 'l':
      return { type: 'openSingle' };
  }
  const digit = digitOf(press);
  return digit === null ? null : { type: 'reasonAt', position: Number(digit) };
}

/** The keys of the reason picker that opens on R: move, choose, or close it. */
export type PickerCommand =
  { type: 'highlight'; index: number } | { type: 'choose'; index: number } | { type: 'close' };

export function pickerCommandFor(
  press: { key: string; code: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean },
  state: { highlighted: number; count: number },
): PickerCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey || state.count === 0) return null;
  const last = state.count - 1;
  const at = Math.min(Math.max(state.highlighted, 0), last);
  switch (press.key) {
    case 'ArrowDown':
    case 'j':
      return { type: 'highlight', index: at === last ? 0 : at + 1 };
    case 'ArrowUp':
    case 'k':
      return { type: 'highlight', index: at === 0 ? last : at - 1 };
    case 'Home':
      return { type: 'highlight', index: 0 };
    case 'End':
      return { type: 'highlight', index: last };
    case 'Enter':
    case ' ':
      return { type: 'choose', index: at };
    case 'Escape':
    case 'Tab':
      return { type: 'close' };
  }
  const digit = digitOf(press);
  if (digit === null) return null;
  const index = Number(digit) - 1;
  return index <= last ? { type: 'choose', index } : null;
}

/**
 * Where the cursor goes after a decision: the next review still to decide (round to the top if
 * need be), so the HITer never has to look for it; the next row when every review is decided.
 */
export function nextToDecide(settled: readonly boolean[], from: number): number {
  const count = settled.length;
  for (let step = 1; step < count; step += 1) {
    const at = (from + step) % count;
    if (!settled[at]) return at;
  }
  return Math.min(from + 1, Math.max(count - 1, 0));
}
