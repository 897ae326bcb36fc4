import { describe, expect, it } from 'vitest';
import type { SpanLabel, TextSpan } from '../../../shared/domain/kinds/text-moderation';
import { addSpan, keepValidSpans, segmentText, spanAtCaret } from './spans';
import { createTextModel } from './text-model';

const text = 'Appelez 😀 Awa au 0612345678';
const model = createTextModel(text);
const labels: SpanLabel[] = [
  { code: 'name', label: { en: 'Name', fr: 'Nom' }, color: '#1d4ed8', redact: true },
  { code: 'phone', label: { en: 'Phone', fr: 'Téléphone' }, color: '#b91c1c', redact: true },
];
const name: TextSpan = { start: 10, end: 13, label: 'name', text: 'Awa' };
const phone: TextSpan = { start: 17, end: 27, label: 'phone', text: '0612345678' };

describe('spans', () => {
  it('keeps spans sorted and reads their text from code-point offsets', () => {
    const spans = addSpan(addSpan([], model, { start: 17, end: 27, label: 'phone' }), model, {
      start: 10,
      end: 13,
      label: 'name',
    });
    expect(spans).toEqual([name, phone]);
  });

  it('finds the span at the caret, its edges included, the innermost first', () => {
    const outer: TextSpan = { start: 8, end: 27, label: 'phone', text: '' };
    expect(spanAtCaret([outer, name], 11)).toBe(1);
    expect(spanAtCaret([name, phone], 13)).toBe(0);
    expect(spanAtCaret([name, phone], 15)).toBe(-1);
  });

  it('keeps only stored spans that still match the text and the labels', () => {
    const stale = { ...phone, start: 16, end: 26 };
    const unknown = { ...name, label: 'email' };
    const twin = { ...phone, start: 18, end: 27, text: '612345678' };
    expect(keepValidSpans([phone, stale, unknown, twin, name], text, labels)).toEqual([name, phone]);
  });

  it('cuts the text where spans and the selection begin and end', () => {
    const segments = segmentText(model.length, [name, phone], { start: 11, end: 20 });
    expect(segments.map((s) => [s.start, s.end, s.spans, s.selected])).toEqual([
      [0, 10, [], false],
      [10, 11, [0], false],
      [11, 13, [0], true],
      [13, 17, [], true],
      [17, 20, [1], true],
      [20, 27, [1], false],
    ]);
    expect(segmentText(0, [], null)).toEqual([]);
  });
});
