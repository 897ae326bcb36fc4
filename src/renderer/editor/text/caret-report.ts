import type { TextSpan } from '../../../shared/domain/kinds/text-moderation';
import { spanAtCaret } from './spans';
import { moveOffset, sliceText, type TextModel } from './text-model';

/**
 * What a screen reader is told after the caret moves in the text to moderate (the caret is drawn,
 * not a native one, so nothing else would speak): what comes after it, where it is, and the marked
 * passage it is in.
 */
export type CaretReport =
  | { kind: 'end' }
  | {
      kind: 'at';
      /** The rest of the word after the caret, or the one character there (space, punctuation). */
      text: string;
      whitespace: 'space' | 'newline' | null;
      /** 1-based position among the text's characters (graphemes), and their count. */
      position: number;
      total: number;
      /** The marked passage the caret is in (its index in spans), or -1. */
      span: number;
    };

const MAX_WORD = 40;

export function caretReport(model: TextModel, spans: readonly TextSpan[], offset: number): CaretReport {
  if (offset >= model.length) return { kind: 'end' };
  const nextGrapheme = moveOffset(model, offset, 'forward', 'grapheme');
  const first = sliceText(model, offset, nextGrapheme);
  const whitespace = /\n/.test(first) ? 'newline' : /^\s+$/u.test(first) ? 'space' : null;
  let text = first;
  if (whitespace === null && /[\p{L}\p{N}]/u.test(first)) {
    const wordEnd = moveOffset(model, offset, 'forward', 'word');
    text = sliceText(model, offset, Math.min(wordEnd, offset + MAX_WORD));
  }
  const graphemes = model.graphemes;
  let position = 1;
  while (position < graphemes.length && (graphemes[position] ?? Infinity) <= offset) position += 1;
  return {
    kind: 'at',
    text,
    whitespace,
    position,
    total: Math.max(graphemes.length - 1, 1),
    span: spanAtCaret(spans, offset),
  };
}
