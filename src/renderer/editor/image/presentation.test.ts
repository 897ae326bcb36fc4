import { describe, expect, it } from 'vitest';
import { distinctProblems, problemShapeIndex } from './presentation';

describe('presentation helpers', () => {
  it('finds the shape a problem is about', () => {
    expect(problemShapeIndex({ field: 'shapes[12].attributes.x', message: '' })).toBe(12);
    expect(problemShapeIndex({ field: 'classes', message: '' })).toBeNull();
  });

  it('says each problem of a shape once', () => {
    const list = distinctProblems([
      { field: 'shapes[1].attributes.a', message: 'x', code: 'attribute_value' },
      { field: 'shapes[1].attributes.b', message: 'x', code: 'attribute_value' },
      { field: 'shapes[2].attributes.a', message: 'x', code: 'attribute_value' },
    ]);
    expect(list.map((p) => p.field)).toEqual(['shapes[1].attributes.a', 'shapes[2].attributes.a']);
  });
});
