import { imageAnswerSchema } from '../../../shared/domain/kinds/image';
import type { ImageDoc, Shape } from './doc';

/**
 * Reads a stored image document (a draft) as the shared schema would, but in one tight pass:
 * zod takes a few hundred milliseconds on 6,000 shapes, which a HITer would wait through at
 * every task opened. Anything this fast path does not accept goes through the schema itself, so
 * the result is always the schema's (the tests check both agree).
 */
const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const SHAPE_KEYS = { box: ['x', 'y', 'width', 'height'], point: ['x', 'y'], polygon: ['points'] } as const;
const BASE_KEYS = new Set(['id', 'type', 'label', 'attributes']);

export function readImageDocFast(value: unknown): ImageDoc | null {
  const fast = readPlainDoc(value);
  if (fast) return fast;
  const parsed = imageAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The document if every part of it is plainly valid, else null (the schema then decides). */
export function readPlainDoc(value: unknown): ImageDoc | null {
  if (!isRecord(value)) return null;
  for (const key in value) if (key !== 'shapes' && key !== 'classes') return null;
  const shapes = value.shapes ?? [];
  const classes = value.classes ?? [];
  if (!Array.isArray(shapes) || shapes.length > 20_000) return null;
  if (!Array.isArray(classes) || classes.length > 50) return null;
  for (const code of classes) if (typeof code !== 'string' || !CODE.test(code)) return null;
  const out: Shape[] = new Array(shapes.length);
  for (let i = 0; i < shapes.length; i += 1) {
    const shape = readShape(shapes[i]);
    if (!shape) return null;
    out[i] = shape;
  }
  return { shapes: out, classes: classes as string[] };
}

function readShape(value: unknown): Shape | null {
  if (!isRecord(value)) return null;
  const { id, type, label } = value;
  if (typeof id !== 'string' || id.length < 1 || id.length > 64) return null;
  if (typeof label !== 'string' || !CODE.test(label)) return null;
  if (type !== 'box' && type !== 'point' && type !== 'polygon') return null;
  const own = SHAPE_KEYS[type] as readonly string[];
  for (const key in value) if (!BASE_KEYS.has(key) && !own.includes(key)) return null;
  const attributes = value.attributes ?? {};
  if (!isRecord(attributes)) return null;
  for (const key in attributes) {
    const entry = attributes[key];
    if (!CODE.test(key)) return null;
    if (typeof entry !== 'boolean' && !(typeof entry === 'string' && CODE.test(entry))) return null;
  }
  if (type === 'polygon') {
    const points = value.points;
    if (!Array.isArray(points) || points.length < 3 || points.length > 10_000) return null;
    for (const point of points)
      if (!Array.isArray(point) || point.length !== 2 || !finite(point[0]) || !finite(point[1])) return null;
    return { id, type, label, attributes, points } as Shape;
  }
  for (const key of own) if (!finite(value[key])) return null;
  return { ...value, attributes } as Shape;
}
