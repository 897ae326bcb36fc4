import { isInstructionsKey } from '../instructions-key';
import type { KeyPress } from './key-press';

/**
 * The transcription screen's shortcuts as a pure mapping. The HITer's hands stay on the keyboard
 * while typing, so the player and the segment commands use Ctrl (or Alt for labels) and work from
 * inside a transcript field; plain keys work only when no field has the focus.
 */
export type TranscriptionCommand =
  | { type: 'playPause' }
  | { type: 'skip'; seconds: number }
  | { type: 'speed'; direction: 1 | -1 }
  | { type: 'nextSegment'; direction: 1 | -1 }
  | { type: 'insert' }
  | { type: 'split' }
  | { type: 'merge' }
  | { type: 'delete' }
  /** Moves the selected segment's start (or end) to the playhead: boundaries by ear, from the keyboard. */
  | { type: 'setStart' }
  | { type: 'setEnd' }
  | { type: 'labelAt'; position: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'leaveField' }
  | { type: 'toggleInstructions' };

/** Where the focus is, as this screen needs it: a transcript field is the usual place to type. */
export type TranscriptionFocus = KeyPress['focus'] | 'transcript';

export type TranscriptionKeyPress = Omit<KeyPress, 'focus'> & {
  shiftKey: boolean;
  focus: TranscriptionFocus;
};

/** Shortcuts as shown on screen and in aria-keyshortcuts. */
export const TRANSCRIPTION_SHORTCUTS = {
  playPause: 'Control+Space',
  back2: 'Control+ArrowLeft',
  forward2: 'Control+ArrowRight',
  back5: 'Control+Shift+ArrowLeft',
  forward5: 'Control+Shift+ArrowRight',
  slower: 'Control+ArrowDown',
  faster: 'Control+ArrowUp',
  nextSegment: 'Tab',
  insert: 'Control+I',
  split: 'Control+K',
  merge: 'Control+M',
  delete: 'Control+D',
  setStart: 'Control+B',
  setEnd: 'Control+E',
  undo: 'Control+Z',
  redo: 'Control+Shift+Z',
  submit: 'Control+Enter',
} as const;

export const SKIP_SHORT_SECONDS = 2;
export const SKIP_LONG_SECONDS = 5;

const DIGIT_CODE = /^(?:Digit|Numpad)([1-9])$/;

export function transcriptionCommandFor(
  press: TranscriptionKeyPress,
  options: { readOnly: boolean },
): TranscriptionCommand | null {
  const typing = press.focus === 'typing' || press.focus === 'transcript';
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.metaKey) return null;
  if (isInstructionsKey(press)) return { type: 'toggleInstructions' };

  if (press.ctrlKey && !press.altKey) {
    const skip = press.shiftKey ? SKIP_LONG_SECONDS : SKIP_SHORT_SECONDS;
    if (press.code === 'Space' || key === ' ') return { type: 'playPause' };
    if (key === 'ArrowLeft') return { type: 'skip', seconds: -skip };
    if (key === 'ArrowRight') return { type: 'skip', seconds: skip };
    if (key === 'ArrowUp') return { type: 'speed', direction: 1 };
    if (key === 'ArrowDown') return { type: 'speed', direction: -1 };
    if (options.readOnly) return null;
    if (key === 'Enter') return press.repeat ? null : { type: 'submit' };
    if (key === 'z') return press.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y') return { type: 'redo' };
    if (press.shiftKey) return null;
    if (key === 'i') return { type: 'insert' };
    if (key === 'k') return { type: 'split' };
    if (key === 'm') return { type: 'merge' };
    if (key === 'd') return { type: 'delete' };
    if (key === 'b') return { type: 'setStart' };
    if (key === 'e') return { type: 'setEnd' };
    return null;
  }
  if (press.ctrlKey) return null;

  // Tab walks the transcripts; from the last one (or outside them) it keeps its usual meaning.
  if (key === 'Tab' && press.focus === 'transcript' && !press.altKey) {
    return { type: 'nextSegment', direction: press.shiftKey ? -1 : 1 };
  }
  if (key === 'Escape') return typing ? { type: 'leaveField' } : { type: 'back' };

  const digit = DIGIT_CODE.exec(press.code);
  if (!options.readOnly && digit?.[1] !== undefined && (press.altKey || !typing)) {
    return { type: 'labelAt', position: Number(digit[1]) };
  }
  if (typing || press.altKey) return null;
  if (key === '?') return { type: 'toggleInstructions' };
  if (key === '+' || key === '=' || press.code === 'Equal' || press.code === 'NumpadAdd')
    return { type: 'zoom', direction: 1 };
  // By position too: AZERTY prints ")" on the key right of 0, and its "-" is the 6 (a label).
  if (key === '-' || press.code === 'Minus' || press.code === 'NumpadSubtract')
    return { type: 'zoom', direction: -1 };
  return null;
}
