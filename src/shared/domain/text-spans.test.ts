import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointIndex,
  codePointLength,
  codePointToUtf16,
  redactSpans,
  REDACTION_MASK,
  sliceCodePoints,
  spansOverlap,
  utf16ToCodePoint,
} from './text-spans';

// An emoji outside the BMP (2 UTF-16 units), a flag (2 code points), accents and Arabic.
const text = 'Top 👍 service, appelez le 06 12 34 56 78 🇹🇬 مرحبا é';

describe('code-point offsets', () => {
  it('counts an astral emoji once, where JavaScript counts it twice', () => {
    expect('👍'.length).toBe(2);
    expect(codePointLength('👍')).toBe(1);
    expect(codePointLength(text)).toBe(Array.from(text).length);
  });

  it('converts DOM (UTF-16) offsets to code points and back', () => {
    const utf16 = text.indexOf('appelez');
    const cp = utf16ToCodePoint(text, utf16);
    expect(cp).toBe(utf16 - 1); // one emoji before it
    expect(codePointToUtf16(text, cp)).toBe(utf16);
    expect(sliceCodePoints(text, cp, cp + 7)).toBe('appelez');
    const arabic = utf16ToCodePoint(text, text.indexOf('مرحبا'));
    expect(sliceCodePoints(text, arabic, arabic + 5)).toBe('مرحبا');
  });

  it('masks only redacting labels, code point by code point, keeping spaces', () => {
    const start = utf16ToCodePoint(text, text.indexOf('06'));
    const spans = [
      { start, end: start + 14, label: 'phone' },
      { start: 0, end: 3, label: 'praise' },
    ];
    const labels = [
      { code: 'phone', redact: true },
      { code: 'praise', redact: false },
    ];
    const redacted = redactSpans(text, spans, labels);
    expect(redacted).toContain(`le ${REDACTION_MASK.repeat(2)} ${REDACTION_MASK.repeat(2)} `);
    expect(redacted.startsWith('Top 👍')).toBe(true);
    expect(codePointLength(redacted)).toBe(codePointLength(text));
  });
});

describe('code-point index and overlaps', () => {
  it('maps every code-point offset to its UTF-16 offset in one pass', () => {
    const sample = 'a🇹🇬é\u0301ب👍🏽';
    const index = codePointIndex(sample);
    expect(index.length).toBe(codePointLength(sample) + 1);
    for (let cp = 0; cp <= codePointLength(sample); cp += 1)
      expect(index[cp]).toBe(codePointToUtf16(sample, cp));
  });

  it('agrees with the slow conversions on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 30 }), (s) => {
        const index = codePointIndex(s);
        for (let units = 0; units <= s.length; units += 1) {
          const cp = utf16ToCodePoint(s, units);
          // Inside a surrogate pair the code-point offset counts the whole character.
          expect(index[cp]).toBeGreaterThanOrEqual(units);
        }
        expect(index[index.length - 1]).toBe(s.length);
      }),
    );
  });

  it('tells when two half-open ranges share a code point', () => {
    expect(spansOverlap({ start: 0, end: 3 }, { start: 2, end: 5 })).toBe(true);
    expect(spansOverlap({ start: 0, end: 3 }, { start: 3, end: 5 })).toBe(false);
    expect(spansOverlap({ start: 1, end: 2 }, { start: 0, end: 9 })).toBe(true);
  });

  it('redacts an emoji, a flag and a combining accent code point by code point', () => {
    const sample = 'Moi 🇹🇬 café\u0301 !';
    const redacted = redactSpans(sample, [{ start: 4, end: 12, label: 'x' }], [{ code: 'x', redact: true }]);
    expect(redacted).toBe(`Moi ${REDACTION_MASK.repeat(2)} ${REDACTION_MASK.repeat(5)} !`);
    expect(codePointLength(redacted)).toBe(codePointLength(sample));
  });
});
