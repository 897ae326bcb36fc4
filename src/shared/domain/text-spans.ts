/**
 * Text offsets in code points. JavaScript strings count UTF-16 units, so an emoji or a rare CJK
 * character counts twice there; clients, exports and other languages count code points. Every span
 * HITdesk stores is in code points, converted here at the edges.
 */

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Converts a UTF-16 offset (what the DOM's Selection gives) to a code-point offset. */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  return codePointLength(text.slice(0, utf16Offset));
}

/** Converts a code-point offset to a UTF-16 offset (for DOM ranges and string slicing). */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  let units = 0;
  let points = 0;
  for (const char of text) {
    if (points === codePointOffset) return units;
    units += char.length;
    points += 1;
  }
  return units;
}

/**
 * The UTF-16 offset of every code-point offset 0…n of a text, computed once: long texts convert
 * many offsets while a HITer selects, and each `codePointToUtf16` call would walk the text again.
 */
export function codePointIndex(text: string): Uint32Array {
  const index = new Uint32Array(codePointLength(text) + 1);
  let units = 0;
  let points = 0;
  for (const char of text) {
    index[points] = units;
    units += char.length;
    points += 1;
  }
  index[points] = units;
  return index;
}

/** Whether two half-open ranges [start, end) share at least one code point. */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The mask that replaces a redacted passage; one per code point keeps the text's shape. */
export const REDACTION_MASK = '█';

/**
 * The text the client receives: each span whose label redacts is masked, code point by code
 * point, except white space, so sentences stay readable.
 */
export function redactSpans(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number; label: string }>,
  labels: ReadonlyArray<{ code: string; redact: boolean }>,
): string {
  const redacting = new Set(labels.filter((label) => label.redact).map((label) => label.code));
  const chars = Array.from(text);
  for (const span of spans) {
    if (!redacting.has(span.label)) continue;
    for (let i = span.start; i < Math.min(span.end, chars.length); i += 1) {
      if (!/\s/u.test(chars[i] ?? '')) chars[i] = REDACTION_MASK;
    }
  }
  return chars.join('');
}
