import { imageConfigSchema, type ImageConfig } from '../../../shared/domain/kinds/image';
import { createEditor } from '../history';
import { EMPTY_IMAGE_DOC, type ImageDoc } from './doc';
import { createImageEditor, type ImageEditor } from './image-editor';
import type { Point } from './geometry';
import type { ToolEvent } from './tools/types';

/** A small project for the tests: boxes, polygons, points, attributes and a classification. */
export const testConfig: ImageConfig = imageConfigSchema.parse({
  labels: [
    {
      code: 'car',
      label: { en: 'Car', fr: 'Voiture' },
      color: '#e6194b',
      hotkey: '1',
      shapes: ['box'],
      attributes: [
        { code: 'occluded', label: { en: 'Occluded', fr: 'Masquée' }, type: 'boolean' },
        {
          code: 'colour',
          label: { en: 'Colour', fr: 'Couleur' },
          type: 'select',
          options: [
            { code: 'red', label: { en: 'Red', fr: 'Rouge' } },
            { code: 'blue', label: { en: 'Blue', fr: 'Bleue' } },
          ],
        },
      ],
    },
    {
      code: 'person',
      label: { en: 'Person', fr: 'Personne' },
      color: '#3cb44b',
      hotkey: '2',
      shapes: ['box', 'polygon'],
      attributes: [{ code: 'occluded', label: { en: 'Occluded', fr: 'Masquée' }, type: 'boolean' }],
    },
    { code: 'road', label: { en: 'Road', fr: 'Route' }, color: '#4363d8', hotkey: '3', shapes: ['polygon'] },
    { code: 'eye', label: { en: 'Eye', fr: 'Œil' }, color: '#f58231', hotkey: '4', shapes: ['point'] },
  ],
  classification: {
    question: { en: 'Is it daytime?', fr: 'Fait-il jour ?' },
    multiple: false,
    options: [
      { code: 'day', label: { en: 'Day', fr: 'Jour' } },
      { code: 'night', label: { en: 'Night', fr: 'Nuit' } },
    ],
  },
  minBoxSize: 4,
});

export const testImage = { width: 1000, height: 800 };

export function testEditor(doc: ImageDoc = EMPTY_IMAGE_DOC): ImageEditor {
  let next = 0;
  return createImageEditor({
    config: testConfig,
    image: testImage,
    editor: createEditor(doc),
    newId: () => `n${(next += 1)}`,
  });
}

/** Pointer events at zoom 1: a tolerance of 6 image pixels. */
export function pointer(
  type: 'pointerDown' | 'pointerMove' | 'pointerUp' | 'doubleClick',
  point: Point,
  alt = false,
): ToolEvent {
  return { type, point, tolerance: 6, altKey: alt, shiftKey: false };
}

/** A press, moves in a few steps, and a release. */
export function drag(editor: ImageEditor, from: Point, to: Point, steps = 4): void {
  editor.send(pointer('pointerDown', from));
  for (let i = 1; i <= steps; i += 1) {
    const t = i / steps;
    editor.send(pointer('pointerMove', [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]));
  }
  editor.send(pointer('pointerUp', to));
}

export function click(editor: ImageEditor, at: Point): void {
  editor.send(pointer('pointerDown', at));
  editor.send(pointer('pointerUp', at));
}
