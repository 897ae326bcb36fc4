import { z } from 'zod';
import { isInstructionsKey } from '../instructions-key';
import type { AudioValidationAnswer, AudioValidationConfig } from '../../../shared/domain/kinds/audio';
import type { KeyPress } from './key-press';

/**
 * Validating a clip: the answer buttons unlock only once the HITer has heard the whole clip (a
 * verdict on a clip nobody listened to is worth nothing), then valid, or invalid with a reason.
 */
export type ValidationDoc = {
  /** The clip was played to its end at least once. */
  heard: boolean;
  verdict: 'valid' | 'invalid' | null;
  reason: string | null;
};

export const EMPTY_VALIDATION: ValidationDoc = { heard: false, verdict: null, reason: null };

export type ValidationAction =
  | { type: 'heard' }
  | { type: 'valid' }
  | { type: 'invalid' }
  | { type: 'reason'; code: string }
  /** A hotkey 1–9: the n-th reason of the project. */
  | { type: 'reasonAt'; position: number };

export function reduceValidation(
  doc: ValidationDoc,
  action: ValidationAction,
  config: AudioValidationConfig,
): ValidationDoc {
  const next = (changes: Partial<ValidationDoc>): ValidationDoc => {
    const merged = { ...doc, ...changes };
    return merged.heard === doc.heard && merged.verdict === doc.verdict && merged.reason === doc.reason
      ? doc
      : merged;
  };
  if (action.type === 'heard') return next({ heard: true });
  if (!doc.heard) return doc;
  switch (action.type) {
    case 'valid':
      return next({ verdict: 'valid', reason: null });
    case 'invalid':
      return next({ verdict: 'invalid' });
    case 'reason':
      return config.reasons.some((reason) => reason.code === action.code)
        ? next({ verdict: 'invalid', reason: action.code })
        : doc;
    case 'reasonAt': {
      const reason = config.reasons[action.position - 1];
      return reason ? next({ verdict: 'invalid', reason: reason.code }) : doc;
    }
  }
}

export type ValidationProblem = 'not_heard' | 'no_verdict' | 'no_reason';

export function validationProblem(doc: ValidationDoc): ValidationProblem | null {
  if (!doc.heard) return 'not_heard';
  if (doc.verdict === null) return 'no_verdict';
  if (doc.verdict === 'invalid' && doc.reason === null) return 'no_reason';
  return null;
}

export function validationAnswerOf(doc: ValidationDoc): AudioValidationAnswer | null {
  if (validationProblem(doc) !== null) return null;
  return doc.verdict === 'valid'
    ? { verdict: 'valid' }
    : { verdict: 'invalid', reason: doc.reason ?? undefined };
}

const docSchema = z.object({
  heard: z.boolean(),
  verdict: z.enum(['valid', 'invalid']).nullable(),
  reason: z.string().nullable(),
});

/** A stored draft, or null when it does not read; a reason the project dropped is forgotten. */
export function readValidationDoc(value: unknown, config: AudioValidationConfig): ValidationDoc | null {
  const parsed = docSchema.safeParse(value);
  if (!parsed.success) return null;
  const { heard, verdict, reason } = parsed.data;
  const known = reason !== null && config.reasons.some((entry) => entry.code === reason);
  return { heard, verdict, reason: verdict === 'invalid' && known ? reason : null };
}

export type ValidationCommand =
  | ValidationAction
  | { type: 'replay' }
  | { type: 'playPause' }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'toggleInstructions' };

export const VALIDATION_SHORTCUTS = {
  valid: 'V',
  invalid: 'I',
  replay: 'R',
  playPause: 'Space',
  submit: 'Enter',
} as const;

const DIGIT_CODE = /^(?:Digit|Numpad)([1-9])$/;

/** V, I, R, 1–9, Space, Enter; nothing while a text field has the focus or with Ctrl/Alt. */
export function validationCommandFor(
  press: KeyPress,
  options: { readOnly: boolean },
): ValidationCommand | null {
  if (isInstructionsKey(press)) return { type: 'toggleInstructions' };
  if (press.focus === 'typing') return null;
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Escape') return { type: 'back' };
  if (press.key === '?') return { type: 'toggleInstructions' };
  const letter = press.key.toLowerCase();
  if (letter === 'r') return { type: 'replay' };
  // Space on a focused button presses it; elsewhere it plays or pauses.
  if (press.key === ' ' && press.focus !== 'control' && press.focus !== 'decision')
    return { type: 'playPause' };
  if (options.readOnly) return null;
  if (press.key === 'Enter') {
    if (press.repeat || press.focus === 'control') return null;
    return { type: 'submit' };
  }
  if (letter === 'v') return { type: 'valid' };
  if (letter === 'i') return { type: 'invalid' };
  const digit = DIGIT_CODE.exec(press.code);
  if (digit?.[1] !== undefined) return { type: 'reasonAt', position: Number(digit[1]) };
  return null;
}
