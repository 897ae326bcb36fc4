import { describe, expect, it } from 'vitest';
import { listCommandFor, type ListKeyPress } from './list-keys';

const press = (key: string, more: Partial<ListKeyPress> = {}): ListKeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...more,
});

describe('list keys', () => {
  it('moves down and up with arrows and j/k, stopping at the ends', () => {
    expect(listCommandFor(press('ArrowDown'), 0, 3)).toEqual({ type: 'move', to: 1 });
    expect(listCommandFor(press('j'), 2, 3)).toEqual({ type: 'move', to: 2 });
    expect(listCommandFor(press('k'), 1, 3)).toEqual({ type: 'move', to: 0 });
    expect(listCommandFor(press('ArrowUp'), 0, 3)).toEqual({ type: 'move', to: 0 });
  });

  it('jumps with Home/End and opens with Enter', () => {
    expect(listCommandFor(press('End'), 0, 4)).toEqual({ type: 'move', to: 3 });
    expect(listCommandFor(press('Home'), 3, 4)).toEqual({ type: 'move', to: 0 });
    expect(listCommandFor(press('Enter'), 2, 4)).toEqual({ type: 'open', index: 2 });
  });

  it('does nothing on an empty list, with modifiers, or for other keys', () => {
    expect(listCommandFor(press('j'), 0, 0)).toBeNull();
    expect(listCommandFor(press('j', { ctrlKey: true }), 0, 3)).toBeNull();
    expect(listCommandFor(press('x'), 0, 3)).toBeNull();
  });

  it('copes with a current index left over from a longer list', () => {
    expect(listCommandFor(press('Enter'), 7, 2)).toEqual({ type: 'open', index: 1 });
  });
});
