import { describe, expect, it } from 'vitest';
import { instructionImageLine, instructionImageOf, instructionImages } from './instructions';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('example images in instructions', () => {
  it('finds stored images on lines of their own, each once', () => {
    const markdown = [
      '# Cars',
      `![A car, side view](/media/${A})`,
      'Draw a box.',
      `  ![](/media/${B})  `,
      `![Again](/media/${A})`,
      `Inline ![not an example](/media/${B}) in a sentence`,
      '![Remote](https://example.org/car.png)',
      `![Short hash](/media/${'c'.repeat(63)})`,
    ].join('\n');
    expect(instructionImages(markdown)).toEqual([A, B]);
    expect(instructionImageOf(`![A car, side view](/media/${A})`)).toEqual({
      alt: 'A car, side view',
      sha256: A,
    });
    expect(instructionImageOf('![Remote](https://example.org/car.png)')).toBeNull();
  });

  it('writes a line that reads back as the same image, whatever the alt text holds', () => {
    const line = instructionImageLine('A [big]\ncar', A);
    expect(line).toBe(`![A  big  car](/media/${A})`);
    expect(instructionImageOf(line)).toEqual({ alt: 'A  big  car', sha256: A });
  });
});
