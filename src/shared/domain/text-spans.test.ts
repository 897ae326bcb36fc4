import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  codePointToUtf16,
  redactSpans,
  REDACTION_MASK,
  sliceCodePoints,
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
