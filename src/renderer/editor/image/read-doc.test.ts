import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageAnswerSchema } from '../../../shared/domain/kinds/image';
import { readImageDocFast, readPlainDoc } from './read-doc';
import { syntheticDoc } from './synthetic';

const schemaRead = (value: unknown) => {
  const parsed = imageAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

// Values near the edges of what the schema accepts, so both paths are exercised.
const code = fc.oneof(
  fc.constantFrom('car', 'road_2', 'a'),
  fc.constantFrom('Car', '', '1x', 'x'.repeat(41)),
);
const number = fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constantFrom(NaN, Infinity, '3'));
const attributes = fc.oneof(
  fc.dictionary(code, fc.oneof(fc.boolean(), code)),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({ ok: 3 }),
);
const box = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant('')),
    type: fc.constant('box'),
    label: code,
    attributes,
    x: number,
    y: number,
    width: number,
    height: number,
  },
  { requiredKeys: ['id', 'type', 'label', 'x', 'y', 'width', 'height'] },
);
const point = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  type: fc.constant('point'),
  label: code,
  x: number,
  y: number,
});
const polygon = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  type: fc.constant('polygon'),
  label: code,
  points: fc.array(fc.oneof(fc.tuple(number, number), fc.constant([1, 2, 3])), {
    minLength: 2,
    maxLength: 6,
  }),
});
const extra = fc.record({
  id: fc.constant('e'),
  type: fc.constant('box'),
  label: fc.constant('car'),
  x: fc.constant(1),
  y: fc.constant(1),
  width: fc.constant(1),
  height: fc.constant(1),
  points: fc.constant([]),
});
const doc = fc.record(
  {
    shapes: fc.array(fc.oneof(box, point, polygon, extra), { maxLength: 5 }),
    classes: fc.array(code, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('reading a stored image document fast', () => {
  it('agrees with the shared schema, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(doc, fc.anything()), (value) => {
        expect(readImageDocFast(value)).toEqual(schemaRead(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the fast path for what the tool saves, and gives what the schema would', () => {
    const saved = JSON.parse(
      JSON.stringify(syntheticDoc({ width: 600, height: 400 }, { boxes: 50, polygons: 20, vertices: 8 })),
    );
    expect(readPlainDoc(saved)).not.toBeNull();
    expect(readPlainDoc(saved)).toEqual(schemaRead(saved));
  });

  it('never accepts on the fast path what the schema refuses (property)', () => {
    fc.assert(
      fc.property(doc, (value) => {
        const fast = readPlainDoc(value);
        if (fast !== null) expect(fast).toEqual(schemaRead(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('fills the defaults the schema fills', () => {
    expect(readImageDocFast({ shapes: [{ id: 'a', type: 'point', label: 'eye', x: 1, y: 2 }] })).toEqual({
      shapes: [{ id: 'a', type: 'point', label: 'eye', x: 1, y: 2, attributes: {} }],
      classes: [],
    });
  });
});
