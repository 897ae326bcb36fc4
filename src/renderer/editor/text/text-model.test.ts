import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, sliceCodePoints } from '../../../shared/domain/text-spans';
import {
  baseDirection,
  createTextModel,
  fromUtf16,
  moveOffset,
  sliceText,
  snapToGraphemes,
  toUtf16,
  trimRange,
} from './text-model';

// A flag (2 code points), a thumbs-up with a skin tone (2), a family joined by ZWJ (5), an "e"
// with a combining acute accent (2), a precomposed "é" (1) and Arabic, which reads right to left.
const FLAG = '🇹🇬';
const THUMB = '👍🏽';
const FAMILY = '👩‍👩‍👧';
const E_COMBINING = 'e\u0301';
const text = `Top ${THUMB} ${FLAG} caf${E_COMBINING} ${FAMILY} très bien مرحبا بكم`;
const model = createTextModel(text);
const cp = (part: string) => codePointLength(text.slice(0, text.indexOf(part)));

describe('text model', () => {
  it('counts code points and maps DOM (UTF-16) offsets both ways', () => {
    expect(model.length).toBe(Array.from(text).length);
    expect(model.length).toBeLessThan(text.length);
    const flag = cp(FLAG);
    expect(toUtf16(model, flag)).toBe(text.indexOf(FLAG));
    expect(fromUtf16(model, text.indexOf(FLAG))).toBe(flag);
    // Inside a surrogate pair (a DOM offset should never be, but be safe): rounds up.
    expect(fromUtf16(model, text.indexOf(FLAG) + 1)).toBe(flag + 1);
    expect(sliceText(model, flag, flag + 2)).toBe(FLAG);
  });

  it('stops the caret only between grapheme clusters', () => {
    for (const part of [THUMB, FLAG, E_COMBINING, FAMILY]) {
      const start = cp(part);
      const size = codePointLength(part);
      expect(moveOffset(model, start, 'forward', 'grapheme'), part).toBe(start + size);
      expect(moveOffset(model, start + size, 'backward', 'grapheme'), part).toBe(start);
      // A range that cuts a cluster in two is widened to the whole cluster.
      expect(snapToGraphemes(model, start + 1, start + 1), part).toEqual({ start, end: start + size });
    }
  });

  it('moves by words and to the ends of lines and of the text', () => {
    const multi = createTextModel('Hello world\nSecond line');
    expect(moveOffset(multi, 0, 'forward', 'word')).toBe(5);
    expect(moveOffset(multi, 5, 'forward', 'word')).toBe(11);
    expect(moveOffset(multi, 11, 'backward', 'word')).toBe(6);
    expect(moveOffset(multi, 3, 'forward', 'paragraph')).toBe(11);
    expect(moveOffset(multi, 15, 'backward', 'paragraph')).toBe(12);
    expect(moveOffset(multi, 15, 'forward', 'paragraph')).toBe(multi.length);
    expect(moveOffset(multi, 4, 'forward', 'text')).toBe(multi.length);
    expect(moveOffset(multi, 0, 'backward', 'grapheme')).toBe(0);
    expect(moveOffset(multi, multi.length, 'forward', 'grapheme')).toBe(multi.length);
  });

  it('moves through Arabic one letter at a time, in logical order', () => {
    const start = cp('مرحبا');
    expect(sliceText(model, start, moveOffset(model, start, 'forward', 'grapheme'))).toBe('م');
    expect(sliceText(model, start, moveOffset(model, start, 'forward', 'word'))).toBe('مرحبا');
  });

  it('leaves white space out of the ends of a range', () => {
    const start = cp('très') - 1;
    expect(trimRange(model, start, start + 6)).toEqual({ start: start + 1, end: start + 5 });
    expect(trimRange(model, 3, 4)).toEqual({ start: 4, end: 4 });
  });

  it('finds the direction the page shows the text in (its first strong letter)', () => {
    expect(baseDirection('مرحبا Hello')).toBe('rtl');
    expect(baseDirection('123 « שלום »')).toBe('rtl');
    expect(baseDirection('Hello مرحبا')).toBe('ltr');
    expect(baseDirection('👍 123')).toBe('ltr');
    expect(model.direction).toBe('ltr');
  });

  it('agrees with the shared code-point functions on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), fc.nat(), fc.nat(), (s, a, b) => {
        const m = createTextModel(s);
        const start = a % (m.length + 1);
        const end = b % (m.length + 1);
        const snapped = snapToGraphemes(m, start, end);
        expect(snapped.start).toBeLessThanOrEqual(Math.min(start, end));
        expect(snapped.end).toBeGreaterThanOrEqual(Math.max(start, end));
        expect(sliceText(m, snapped.start, snapped.end)).toBe(sliceCodePoints(s, snapped.start, snapped.end));
        expect(fromUtf16(m, toUtf16(m, start))).toBe(start);
        // Walking forward by clusters visits every cluster once and ends at the end.
        let at = 0;
        let steps = 0;
        while (at < m.length && steps <= m.length) {
          at = moveOffset(m, at, 'forward', 'grapheme');
          steps += 1;
        }
        expect(at).toBe(m.length);
        expect(steps).toBe(m.graphemes.length - 1);
      }),
    );
  });
});
