import { describe, expect, it } from 'vitest';
import { distinctProblems, instructionBlocks, problemShapeIndex } from './presentation';

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

  it('turns image-only lines of the instructions into examples', () => {
    const sha = 'c'.repeat(64);
    const blocks = instructionBlocks(
      `# Boxes\nDraw tight boxes.\n\n![A good box](/media/${sha})\nMore text.`,
      (s) => `/m/${s}`,
    );
    expect(blocks).toEqual([
      { type: 'text', source: '# Boxes\nDraw tight boxes.\n' },
      { type: 'example', src: `/m/${sha}`, caption: 'A good box' },
      { type: 'text', source: 'More text.' },
    ]);
    // A link elsewhere (not a stored file) stays text.
    expect(instructionBlocks('![x](http://example.com/a.png)', (s) => s)).toEqual([
      { type: 'text', source: '![x](http://example.com/a.png)' },
    ]);
  });
});
