import { describe, expect, it } from 'vitest';
import { printedKey } from './key-caps';

describe('printedKey', () => {
  it('shows the key right of 0 as this layout prints it', () => {
    const azerty = new Map([['Minus', ')']]);
    const qwerty = new Map([['Minus', '-']]);
    expect(printedKey(azerty, 'Minus', '−')).toBe(')');
    expect(printedKey(qwerty, 'Minus', '−')).toBe('-');
  });

  it('falls back when the layout is unknown', () => {
    expect(printedKey(null, 'Minus', '−')).toBe('−');
    expect(printedKey(new Map(), 'KeyE', 'E')).toBe('E');
  });
});
