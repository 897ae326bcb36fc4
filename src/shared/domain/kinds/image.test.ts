import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../task-kinds';
import { imageAnswerWarnings, imageConfigSchema } from './image';

const image = { sha256: 'b'.repeat(64), mime: 'image/jpeg', bytes: 5000, width: 640, height: 427 };
const config = {
  labels: [
    {
      code: 'rocket',
      label: { en: 'Rocket', fr: 'Fusée' },
      color: '#e6194b',
      hotkey: '1',
      shapes: ['box', 'polygon'],
      attributes: [
        { code: 'occluded', label: { en: 'Occluded', fr: 'Masquée' }, type: 'boolean' },
        {
          code: 'stage',
          label: { en: 'Stage', fr: 'Étage' },
          type: 'select',
          options: [
            { code: 'first', label: { en: 'First', fr: 'Premier' } },
            { code: 'second', label: { en: 'Second', fr: 'Second' } },
          ],
        },
      ],
    },
    { code: 'flame', label: { en: 'Flame', fr: 'Flamme' }, color: '#f58231', shapes: ['point'] },
  ],
  classification: {
    question: { en: 'Launch or landing?', fr: 'Décollage ou atterrissage ?' },
    options: [
      { code: 'launch', label: { en: 'Launch', fr: 'Décollage' } },
      { code: 'landing', label: { en: 'Landing', fr: 'Atterrissage' } },
    ],
  },
};

const problems = (answer: unknown) => {
  const result = checkAnswer('image', config, { image }, answer);
  return result.ok ? [] : result.problems.map(({ field, code, params }) => ({ field, code, params }));
};

describe('image answer problems carry codes the workstation can say in French', () => {
  it('codes every shape problem with the shape it is about', () => {
    expect(
      problems({
        shapes: [
          { id: 'a', type: 'box', label: 'rocket', x: 600, y: 10, width: 100, height: 80 },
          { id: 'a', type: 'box', label: 'rocket', x: 1, y: 1, width: 2, height: 2 },
          { id: 'c', type: 'point', label: 'rocket', x: 1, y: 1 },
          { id: 'd', type: 'point', label: 'bus', x: 1, y: 1 },
          {
            id: 'e',
            type: 'box',
            label: 'rocket',
            x: 1,
            y: 1,
            width: 9,
            height: 9,
            attributes: { stage: 'third', x: true },
          },
          {
            id: 'f',
            type: 'polygon',
            label: 'rocket',
            points: [
              [0, 0],
              [700, 0],
              [0, 5],
            ],
          },
          { id: 'g', type: 'point', label: 'flame', x: -1, y: 5 },
        ],
        classes: ['launch'],
      }),
    ).toEqual([
      { field: 'shapes[0]', code: 'box_outside', params: undefined },
      { field: 'shapes[1].id', code: 'duplicate_id', params: undefined },
      { field: 'shapes[1]', code: 'box_too_small', params: { size: 4 } },
      { field: 'shapes[2].type', code: 'label_shape', params: undefined },
      { field: 'shapes[3].label', code: 'unknown_label', params: undefined },
      { field: 'shapes[4].attributes.stage', code: 'attribute_value', params: undefined },
      { field: 'shapes[4].attributes.x', code: 'unknown_attribute', params: undefined },
      { field: 'shapes[5]', code: 'polygon_outside', params: undefined },
      { field: 'shapes[6]', code: 'point_outside', params: undefined },
    ]);
  });

  it('codes classification problems', () => {
    expect(problems({ shapes: [], classes: [] })).toEqual([
      { field: 'classes', code: 'class_required', params: undefined },
    ]);
    expect(problems({ shapes: [], classes: ['launch', 'landing'] })).toEqual([
      { field: 'classes', code: 'class_single', params: undefined },
    ]);
    expect(problems({ shapes: [], classes: ['orbit'] })).toEqual([
      { field: 'classes[0]', code: 'class_invalid', params: undefined },
    ]);
  });

  it('warns about crossing polygons without refusing them', () => {
    const bowTie = {
      id: 'p',
      type: 'polygon',
      label: 'rocket',
      attributes: {},
      points: [
        [0, 0],
        [100, 100],
        [100, 0],
        [0, 100],
      ],
    } as const;
    const answer = {
      shapes: [{ ...bowTie, points: bowTie.points.map(([x, y]) => [x, y] as [number, number]) }],
      classes: ['launch'],
    };
    expect(problems(answer)).toEqual([]);
    expect(imageAnswerWarnings(answer)).toEqual([
      expect.objectContaining({ field: 'shapes[0]', code: 'polygon_crosses' }),
    ]);
  });

  it('refuses a config whose hotkeys repeat or that gives nothing to do', () => {
    expect(imageConfigSchema.safeParse({ labels: [] }).success).toBe(false);
    const twice = { ...config, labels: [config.labels[0], { ...config.labels[1], hotkey: '1' }] };
    expect(imageConfigSchema.safeParse(twice).success).toBe(false);
  });
});
