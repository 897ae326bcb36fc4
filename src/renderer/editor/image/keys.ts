import { isInstructionsKey } from '../instructions-key';
import { isDigit, type Digit } from './label-hotkeys';
import type { ToolName } from './tools/types';

/**
 * The image tool's keyboard as a pure mapping, so its rules (AZERTY, text fields, drawing) are
 * tested without a browser. Letters are read by `key` (what is printed on the key), digits by
 * `code` (where the key is), as the moderation screen does.
 */
export type ImageKeyPress = {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  /** Where the focus is (as ui/focus tells it); `canvas` is the image itself. */
  focus: 'typing' | 'control' | 'decision' | 'none' | 'canvas';
};

export type ImageKeyCommand =
  | { type: 'tool'; tool: ToolName }
  | { type: 'label'; digit: Digit }
  | { type: 'place' }
  | { type: 'complete' }
  | { type: 'cancel' }
  | { type: 'undoPoint' }
  | { type: 'delete' }
  | { type: 'duplicate' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectNext'; step: 1 | -1 }
  /** Moves the selected shape (or its picked vertex), in image pixels. */
  | { type: 'nudge'; dx: number; dy: number }
  /** Moves the selected box's bottom-right corner, in image pixels. */
  | { type: 'resize'; dx: number; dy: number }
  | { type: 'selectVertex'; step: 1 | -1 }
  | { type: 'insertVertex' }
  /** Moves the view, in screen pixels. */
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  | { type: 'fit' }
  | { type: 'actualSize' }
  | { type: 'toggleHidden' }
  | { type: 'toggleLocked' }
  | { type: 'shortcuts' }
  | { type: 'instructions' }
  | { type: 'submit' };

/** `selected`: a shape is selected, so arrows move it rather than the view. */
export type ImageKeyContext = { readOnly: boolean; drawing: boolean; selected?: boolean };

const TOOL_KEYS: Record<string, ToolName> = { v: 'select', b: 'box', p: 'polygon', k: 'point' };
const DIGIT_CODE = /^(?:Digit|Numpad)([0-9])$/;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
export const PAN_STEP = 60;

/** Shown on screen and in aria-keyshortcuts. */
export const IMAGE_SHORTCUTS = {
  select: 'V',
  box: 'B',
  polygon: 'P',
  point: 'K',
  place: 'A',
  next: 'N',
  nextVertex: 'E',
  insertVertex: 'Insert',
  hide: 'H',
  lock: 'L',
  fit: 'F',
  actualSize: '0',
  zoomIn: '+',
  zoomOut: '-',
  undo: 'Control+Z',
  redo: 'Control+Shift+Z',
  duplicate: 'Control+D',
  delete: 'Delete',
  submit: 'Control+Enter',
  shortcuts: '?',
  instructions: 'I',
} as const;

export function imageCommandFor(press: ImageKeyPress, context: ImageKeyContext): ImageKeyCommand | null {
  const { key, focus } = press;
  if (isInstructionsKey(press)) return { type: 'instructions' };
  if (focus === 'typing') return null;
  const command = press.ctrlKey || press.metaKey ? withControl(press, context) : plain(press, context);
  if (!command) return null;
  // On a button, a radio or a checkbox, Enter, Space and arrows keep their own meaning.
  const ownKeys = key === 'Enter' || key === ' ' || key in ARROWS;
  if (focus === 'control' && ownKeys && !(press.ctrlKey || press.metaKey)) return null;
  return command;
}

function withControl(press: ImageKeyPress, context: ImageKeyContext): ImageKeyCommand | null {
  const letter = press.key.toLowerCase();
  if (press.altKey) return null;
  if (press.key === 'Enter') return context.readOnly || press.repeat ? null : { type: 'submit' };
  if (context.readOnly) return null;
  if (letter === 'z') return press.shiftKey ? { type: 'redo' } : { type: 'undo' };
  if (letter === 'y') return { type: 'redo' };
  if (letter === 'd') return { type: 'duplicate' };
  return null;
}

function plain(press: ImageKeyPress, context: ImageKeyContext): ImageKeyCommand | null {
  const { key, code } = press;
  const arrow = ARROWS[key];
  if (arrow) {
    const editing = context.selected === true && !context.readOnly && !context.drawing;
    if (editing) {
      const step = press.shiftKey ? 10 : 1;
      const [dx, dy] = [arrow[0] * step, arrow[1] * step];
      return press.altKey ? { type: 'resize', dx, dy } : { type: 'nudge', dx, dy };
    }
    if (press.altKey) return null;
    const step = press.shiftKey ? PAN_STEP * 4 : PAN_STEP;
    // Arrows move the view: the picture goes the other way, as when dragging it.
    return { type: 'pan', dx: (0 - arrow[0]) * step, dy: (0 - arrow[1]) * step };
  }
  if (press.altKey) return null;
  if (key === 'Escape') return { type: 'cancel' };
  if (key === '?') return { type: 'shortcuts' };
  const digit = DIGIT_CODE.exec(code)?.[1];
  if (digit === '0') return { type: 'actualSize' };
  if (code === 'Equal' || code === 'NumpadAdd' || key === '+') return { type: 'zoomIn' };
  if (code === 'Minus' || code === 'NumpadSubtract' || (key === '-' && digit === undefined))
    return { type: 'zoomOut' };
  const letter = key.toLowerCase();
  if (letter === 'f') return { type: 'fit' };
  if (letter === 'i') return { type: 'instructions' };
  if (context.readOnly) return null;
  if (isDigit(digit)) return { type: 'label', digit };
  const tool = TOOL_KEYS[letter];
  if (tool) return { type: 'tool', tool };
  if (letter === 'a') return press.repeat ? null : { type: 'place' };
  if (letter === 'n') return { type: 'selectNext', step: press.shiftKey ? -1 : 1 };
  if (letter === 'h') return { type: 'toggleHidden' };
  if (letter === 'e') return { type: 'selectVertex', step: press.shiftKey ? -1 : 1 };
  if (key === 'Insert') return { type: 'insertVertex' };
  if (letter === 'l') return { type: 'toggleLocked' };
  if (key === 'Enter') return context.drawing && !press.repeat ? { type: 'complete' } : null;
  if (key === 'Backspace') return context.drawing ? { type: 'undoPoint' } : { type: 'delete' };
  if (key === 'Delete') return { type: 'delete' };
  return null;
}
