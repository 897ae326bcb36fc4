import { isInstructionsKey } from '../instructions-key';
import type { KeyPress } from './key-press';

/**
 * The recording screen's keys: R records (again), Space or Enter stops, Esc abandons a take in
 * progress, P plays the take, ↑/↓ move between prompts, Enter submits once every prompt is read.
 */
export type RecordingCommand =
  | { type: 'record' }
  | { type: 'stop' }
  | { type: 'cancel' }
  | { type: 'play' }
  | { type: 'prompt'; direction: 1 | -1 }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'toggleInstructions' };

export const RECORDING_SHORTCUTS = {
  record: 'R',
  stop: 'Space',
  play: 'P',
  previous: 'ArrowUp',
  next: 'ArrowDown',
  submit: 'Enter',
} as const;

export function recordingCommandFor(
  press: KeyPress,
  options: { readOnly: boolean; takeInProgress: boolean },
): RecordingCommand | null {
  if (isInstructionsKey(press)) return { type: 'toggleInstructions' };
  if (press.focus === 'typing') return null;
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (options.takeInProgress) {
    if (press.key === ' ' || press.key === 'Enter') return press.repeat ? null : { type: 'stop' };
    if (press.key === 'Escape') return { type: 'cancel' };
    return null;
  }
  if (press.key === 'Escape') return { type: 'back' };
  if (press.key === '?') return { type: 'toggleInstructions' };
  const letter = press.key.toLowerCase();
  if (letter === 'p') return { type: 'play' };
  if (press.key === 'ArrowUp') return { type: 'prompt', direction: -1 };
  if (press.key === 'ArrowDown') return { type: 'prompt', direction: 1 };
  if (options.readOnly) return null;
  if (letter === 'r' && !press.repeat) return { type: 'record' };
  if (press.key === 'Enter') {
    if (press.repeat || press.focus === 'control') return null;
    return { type: 'submit' };
  }
  return null;
}
