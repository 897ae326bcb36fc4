import { describe, expect, it } from 'vitest';
import { nestsUnboundedRepeats } from './regex-safety';

describe('nestsUnboundedRepeats', () => {
  it('finds the patterns that can take exponential time', () => {
    for (const pattern of [
      '(a+)+',
      '(a*)*b',
      '(\\w+\\s?)*$',
      '((ab)*c)+',
      '(x{2,})+',
      '(?:[a-z]+,?)*',
      '(a{1,50})*',
    ]) {
      expect(nestsUnboundedRepeats(pattern), pattern).toBe(true);
    }
  });

  it('lets ordinary patterns through', () => {
    for (const pattern of [
      '[A-Z]{2}-\\d{4}',
      '(\\d|-)+',
      '\\+?[0-9 ]{6,20}',
      '(ab)+c*',
      '[(+*)]+',
      '\\(\\d+\\)+',
      '(a{2,5})+',
      'TG-[0-9]{4}(-[0-9]{2})?',
    ]) {
      expect(nestsUnboundedRepeats(pattern), pattern).toBe(false);
    }
  });
});
