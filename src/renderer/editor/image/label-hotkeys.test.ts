import { describe, expect, it } from 'vitest';
import { labelForDigit, labelHotkeys, readOverrides } from './label-hotkeys';

const labels = [
  { code: 'car', hotkey: '1' as const },
  { code: 'person', hotkey: '2' as const },
  { code: 'road', hotkey: undefined },
];

describe('label hotkeys', () => {
  it("use the project's keys, or 1–9 in order when it gives none", () => {
    expect([...labelHotkeys(labels)]).toEqual([
      ['car', '1'],
      ['person', '2'],
    ]);
    const plain = labelHotkeys(labels.map((label) => ({ code: label.code })));
    expect([...plain]).toEqual([
      ['car', '1'],
      ['person', '2'],
      ['road', '3'],
    ]);
  });

  it('remap: a digit given to another label leaves its old owner', () => {
    const keys = labelHotkeys(labels, { road: '1', person: null });
    expect(labelForDigit(keys, '1')).toBe('road');
    expect(keys.has('car')).toBe(false);
    expect(keys.has('person')).toBe(false);
    expect(labelForDigit(keys, '2')).toBeNull();
  });

  it('ignore stored overrides that make no sense', () => {
    expect(readOverrides({ car: '7', person: 'x', road: null, bus: 3 })).toEqual({ car: '7', road: null });
    expect(readOverrides('nonsense')).toEqual({});
    expect([...labelHotkeys(labels, { unknown: '1' })]).toEqual([
      ['car', '1'],
      ['person', '2'],
    ]);
  });
});
