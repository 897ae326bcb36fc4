import { describe, expect, it } from 'vitest';
import { exactSpanF1, spanF1 } from './spans';

describe('span F1', () => {
  const insult = { start: 0, end: 10, label: 'insult' };

  it('is 1 for the same spans and when neither marks anything', () => {
    expect(spanF1([insult], [insult])).toBe(1);
    expect(spanF1([], [])).toBe(1);
    expect(exactSpanF1([insult], [insult])).toBe(1);
  });

  it('gives partial credit by overlapping characters of the same label', () => {
    expect(spanF1([insult], [{ start: 5, end: 10, label: 'insult' }])).toBeCloseTo((2 * 1 * 0.5) / 1.5);
    expect(spanF1([insult], [{ start: 0, end: 10, label: 'spam' }])).toBe(0);
    expect(spanF1([insult], [])).toBe(0);
    expect(exactSpanF1([insult], [{ start: 0, end: 9, label: 'insult' }])).toBe(0);
  });

  it('counts overlapping spans of one label once', () => {
    const doubled = [
      { start: 0, end: 6, label: 'insult' },
      { start: 4, end: 10, label: 'insult' },
    ];
    expect(spanF1([insult], doubled)).toBe(1);
  });
});
