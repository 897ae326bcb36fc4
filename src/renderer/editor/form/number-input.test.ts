import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput } from './number-input';

describe('numbers as typed', () => {
  it('reads a comma or a point as the decimal mark, and spaces as thousands', () => {
    expect(parseNumberInput('12,50')).toBe(12.5);
    expect(parseNumberInput('12.50')).toBe(12.5);
    expect(parseNumberInput(' 1 250,75 ')).toBe(1250.75);
    expect(parseNumberInput('1\u202F250')).toBe(1250);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('\u22123,5')).toBe(-3.5);
    expect(parseNumberInput(',5')).toBe(0.5);
    expect(parseNumberInput('12,')).toBe(12);
  });

  it('refuses what it would have to guess, and what is not a number', () => {
    for (const raw of ['1,250.00', '1.250,00', '1.2.3', '12a', '', ' ', '--1', '0x10', '1e5', 'Infinity']) {
      expect(parseNumberInput(raw), raw).toBeNull();
    }
  });

  it('shows a stored number with the decimal mark of the HITer’s language, no grouping', () => {
    expect(formatNumberInput(1250.5, 'fr')).toBe('1250,5');
    expect(formatNumberInput(1250.5, 'en')).toBe('1250.5');
    expect(parseNumberInput(formatNumberInput(-0.125, 'fr'))).toBe(-0.125);
  });
});
