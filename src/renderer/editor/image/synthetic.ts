import { imageConfigSchema, type ImageConfig } from '../../../shared/domain/kinds/image';
import type { ImageDoc, Shape } from './doc';

/**
 * A synthetic project and answer for the benchmark: `boxes` boxes and `polygons` polygons of
 * `vertices` vertices spread over the image, from a seeded generator (the same every run).
 */
const LABELS = [
  ['car', 'Car', 'Voiture', '#e6194b'],
  ['person', 'Person', 'Personne', '#3cb44b'],
  ['bike', 'Bicycle', 'Vélo', '#4363d8'],
  ['sign', 'Road sign', 'Panneau', '#f58231'],
  ['tree', 'Tree', 'Arbre', '#911eb4'],
  ['building', 'Building', 'Bâtiment', '#42d4f4'],
  ['road', 'Road', 'Route', '#f032e6'],
  ['animal', 'Animal', 'Animal', '#bfef45'],
] as const;

export function syntheticConfig(): ImageConfig {
  return imageConfigSchema.parse({
    labels: [
      ...LABELS.map(([code, en, fr, color], index) => ({
        code,
        label: { en, fr },
        color,
        hotkey: String(index + 1),
        shapes: ['box', 'polygon'],
        attributes:
          index === 0
            ? [
                { code: 'occluded', label: { en: 'Occluded', fr: 'Masqué' }, type: 'boolean' },
                { code: 'truncated', label: { en: 'Truncated', fr: 'Tronqué' }, type: 'boolean' },
              ]
            : [],
      })),
      { code: 'eye', label: { en: 'Eye', fr: 'Œil' }, color: '#ffe119', hotkey: '9', shapes: ['point'] },
    ],
    classification: {
      question: { en: 'When was it taken?', fr: 'Quand a-t-elle été prise ?' },
      options: [
        { code: 'day', label: { en: 'Day', fr: 'Jour' } },
        { code: 'night', label: { en: 'Night', fr: 'Nuit' } },
      ],
    },
    minBoxSize: 4,
  });
}

function random(seed: number): () => number {
  let state = seed % 2147483647;
  if (state <= 0) state += 2147483646;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

export function syntheticDoc(
  size: { width: number; height: number },
  counts: { boxes: number; polygons: number; vertices: number },
  seed = 7,
): ImageDoc {
  const next = random(seed);
  const round = (value: number) => Math.round(value * 100) / 100;
  const shapes: Shape[] = [];
  for (let i = 0; i < counts.boxes; i += 1) {
    const width = 16 + next() * 220;
    const height = 16 + next() * 220;
    shapes.push({
      id: `b${i}`,
      type: 'box',
      label: LABELS[i % LABELS.length]![0],
      attributes: i % LABELS.length === 0 ? { occluded: false, truncated: false } : {},
      x: round(next() * (size.width - width)),
      y: round(next() * (size.height - height)),
      width: round(width),
      height: round(height),
    });
  }
  for (let i = 0; i < counts.polygons; i += 1) {
    const radius = 20 + next() * 110;
    const cx = radius + next() * (size.width - 2 * radius);
    const cy = radius + next() * (size.height - 2 * radius);
    const points: [number, number][] = [];
    for (let k = 0; k < counts.vertices; k += 1) {
      const angle = (k / counts.vertices) * Math.PI * 2;
      const r = radius * (0.65 + 0.35 * next());
      points.push([round(cx + Math.cos(angle) * r), round(cy + Math.sin(angle) * r)]);
    }
    shapes.push({
      id: `p${i}`,
      type: 'polygon',
      label: LABELS[(i + 3) % LABELS.length]![0],
      attributes: {},
      points,
    });
  }
  return { shapes, classes: [] };
}
