import { describe, expect, it } from 'vitest';
import { pickLevel, planPyramid } from './pyramid-plan';

describe('image pyramid plan', () => {
  it('keeps a normal photo whole', () => {
    expect(planPyramid({ width: 600, height: 400 })).toEqual([
      { factor: 1, width: 600, height: 400, tiles: [{ x: 0, y: 0, width: 600, height: 400 }] },
    ]);
  });

  it('tiles a 6000×4000 image under 4096² and adds halved levels down to an overview', () => {
    const levels = planPyramid({ width: 6000, height: 4000 });
    expect(levels.map((level) => [level.factor, level.width, level.height, level.tiles.length])).toEqual([
      [1, 6000, 4000, 6],
      [2, 3000, 2000, 1],
      [4, 1500, 1000, 1],
    ]);
    const full = levels[0]!;
    expect(full.tiles.every((tile) => tile.width <= 4096 && tile.height <= 4096)).toBe(true);
    // The tiles cover the image exactly.
    expect(full.tiles.reduce((sum, tile) => sum + tile.width * tile.height, 0)).toBe(6000 * 4000);
  });

  it('draws from the coarsest level that is still sharp at the current zoom', () => {
    const factors = [1, 2, 4];
    expect(pickLevel(factors, 0.15)).toBe(2);
    expect(pickLevel(factors, 0.3)).toBe(1);
    expect(pickLevel(factors, 0.5)).toBe(1);
    expect(pickLevel(factors, 0.51)).toBe(0);
    expect(pickLevel(factors, 3)).toBe(0);
  });
});
