import { codePointIndex } from '../../../shared/domain/text-spans';

/**
 * A text as the span editor moves through it: every offset is a code point (what spans store),
 * and the caret only ever stops between grapheme clusters, so a flag (two code points), an emoji
 * with a skin tone or an "e" followed by a combining accent is never cut in two.
 */
export type TextModel = {
  text: string;
  /** Length in code points. */
  length: number;
  /** UTF-16 offset of each code-point offset 0…length. */
  utf16: Uint32Array;
  /** Code-point offsets between grapheme clusters, ascending, from 0 to length. */
  graphemes: Uint32Array;
  /** Code-point offsets where words start, and where they end (for Ctrl+arrows), ascending. */
  wordStarts: Uint32Array;
  wordEnds: Uint32Array;
  /** The direction of the first strong character, as the page shows the text with dir="auto". */
  direction: 'ltr' | 'rtl';
};

const RTL_STRONG =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;

export function createTextModel(text: string): TextModel {
  const utf16 = codePointIndex(text);
  const toCodePoint = (units: number) => lowerBound(utf16, units);
  const graphemes = [0];
  for (const { index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (index > 0) graphemes.push(toCodePoint(index));
  }
  const length = utf16.length - 1;
  if (length > 0) graphemes.push(length);
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  for (const part of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (!part.isWordLike) continue;
    wordStarts.push(toCodePoint(part.index));
    wordEnds.push(toCodePoint(part.index + part.segment.length));
  }
  return {
    text,
    length,
    utf16,
    graphemes: Uint32Array.from(graphemes),
    wordStarts: Uint32Array.from(wordStarts),
    wordEnds: Uint32Array.from(wordEnds),
    direction: baseDirection(text),
  };
}

export function baseDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (RTL_STRONG.test(char)) return 'rtl';
    if (LETTER.test(char)) return 'ltr';
  }
  return 'ltr';
}

/** The first index whose value is ≥ `value` (the array is ascending). */
function lowerBound(array: Uint32Array, value: number): number {
  let low = 0;
  let high = array.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((array[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A DOM (UTF-16) offset as a code-point offset; an offset inside a surrogate pair rounds up. */
export function fromUtf16(model: TextModel, units: number): number {
  return Math.min(lowerBound(model.utf16, units), model.length);
}

export function toUtf16(model: TextModel, codePoint: number): number {
  return model.utf16[clamp(codePoint, 0, model.length)] ?? model.text.length;
}

/** The text between two code-point offsets. */
export function sliceText(model: TextModel, start: number, end: number): string {
  return model.text.slice(toUtf16(model, start), toUtf16(model, end));
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** The nearest stop at or before `offset` in an ascending list of stops. */
function stopAtOrBefore(stops: Uint32Array, offset: number): number {
  const at = lowerBound(stops, offset);
  return stops[at] === offset ? offset : (stops[at - 1] ?? 0);
}

function stopAtOrAfter(stops: Uint32Array, offset: number, length: number): number {
  return stops[lowerBound(stops, offset)] ?? length;
}

/** Widens a range to whole grapheme clusters. */
export function snapToGraphemes(
  model: TextModel,
  start: number,
  end: number,
): { start: number; end: number } {
  const low = clamp(Math.min(start, end), 0, model.length);
  const high = clamp(Math.max(start, end), 0, model.length);
  return {
    start: stopAtOrBefore(model.graphemes, low),
    end: stopAtOrAfter(model.graphemes, high, model.length),
  };
}

const SPACE = /^\s$/u;

/** Leaves out white space at both ends (a double-click often takes the space after a word). */
export function trimRange(model: TextModel, start: number, end: number): { start: number; end: number } {
  const inner = Array.from(sliceText(model, start, end));
  let head = 0;
  while (head < inner.length && SPACE.test(inner[head] ?? '')) head += 1;
  let tail = inner.length;
  while (tail > head && SPACE.test(inner[tail - 1] ?? '')) tail -= 1;
  return { start: start + head, end: start + tail };
}

export type CaretUnit = 'grapheme' | 'word' | 'paragraph' | 'text';

/** Where the caret lands moving one unit forward (towards the end) or backward. */
export function moveOffset(
  model: TextModel,
  offset: number,
  direction: 'forward' | 'backward',
  unit: CaretUnit,
): number {
  const from = clamp(offset, 0, model.length);
  const forward = direction === 'forward';
  switch (unit) {
    case 'text':
      return forward ? model.length : 0;
    case 'grapheme':
      return forward
        ? stopAtOrAfter(model.graphemes, from + 1, model.length)
        : stopAtOrBefore(model.graphemes, from - 1);
    case 'word':
      // Forward to the end of the next word, backward to the start of the previous one.
      return forward
        ? stopAtOrAfter(model.wordEnds, from + 1, model.length)
        : stopAtOrBefore(model.wordStarts, from - 1);
    case 'paragraph':
      return paragraphEdge(model, from, forward);
  }
}

/** The start or end of the line (up to a line break) the offset is on. */
function paragraphEdge(model: TextModel, offset: number, forward: boolean): number {
  const units = toUtf16(model, offset);
  if (forward) {
    const next = model.text.indexOf('\n', units);
    return next < 0 ? model.length : fromUtf16(model, next);
  }
  const previous = model.text.lastIndexOf('\n', units - 1);
  return previous < 0 ? 0 : fromUtf16(model, previous + 1);
}
