import type { ImageLabel } from '../../../shared/domain/kinds/image';
import { indexOfShape, type ImageDoc, type PolygonShape, type Shape } from './doc';
import { clampPoint, round2, type Point, type Rect, type Size } from './geometry';
import { translateShape } from './handles';

/**
 * Edits of the image document. Every function returns a new document sharing what did not change
 * (so undo diffs stay tiny), or the same document when there is nothing to do.
 */

/** What a new shape of `label` starts with: every yes/no attribute answered "no". */
export function initialAttributes(label: ImageLabel): Record<string, boolean | string> {
  const out: Record<string, boolean | string> = {};
  for (const attribute of label.attributes) if (attribute.type === 'boolean') out[attribute.code] = false;
  return out;
}

export function makeBox(id: string, label: ImageLabel, rect: Rect): Shape {
  return {
    id,
    type: 'box',
    label: label.code,
    attributes: initialAttributes(label),
    x: round2(rect.x),
    y: round2(rect.y),
    width: round2(rect.width),
    height: round2(rect.height),
  };
}

export function makePolygon(id: string, label: ImageLabel, points: readonly Point[]): Shape {
  return {
    id,
    type: 'polygon',
    label: label.code,
    attributes: initialAttributes(label),
    points: points.map(([x, y]) => [round2(x), round2(y)] as [number, number]),
  };
}

export function makePoint(id: string, label: ImageLabel, [x, y]: Point): Shape {
  return {
    id,
    type: 'point',
    label: label.code,
    attributes: initialAttributes(label),
    x: round2(x),
    y: round2(y),
  };
}

export function addShapes(doc: ImageDoc, shapes: readonly Shape[]): ImageDoc {
  return shapes.length === 0 ? doc : { ...doc, shapes: [...doc.shapes, ...shapes] };
}

export function replaceShape(doc: ImageDoc, shape: Shape): ImageDoc {
  const index = indexOfShape(doc, shape.id);
  if (index < 0 || doc.shapes[index] === shape) return doc;
  const shapes = doc.shapes.slice();
  shapes[index] = shape;
  return { ...doc, shapes };
}

export function removeShape(doc: ImageDoc, id: string): ImageDoc {
  const index = indexOfShape(doc, id);
  if (index < 0) return doc;
  return { ...doc, shapes: [...doc.shapes.slice(0, index), ...doc.shapes.slice(index + 1)] };
}

/** A copy of the shape, shifted a little so it is seen, placed right after the original. */
export function duplicateShape(doc: ImageDoc, id: string, newId: string, offset: number, image: Size) {
  const index = indexOfShape(doc, id);
  const original = doc.shapes[index];
  if (!original) return null;
  let copy = translateShape({ ...original, id: newId }, offset, offset, image);
  // Against the bottom-right corner the copy goes up and left instead.
  if (copy.id === newId && sameGeometry(copy, original)) copy = translateShape(copy, -offset, -offset, image);
  const shapes = [...doc.shapes.slice(0, index + 1), copy, ...doc.shapes.slice(index + 1)];
  return { ...doc, shapes };
}

function sameGeometry(a: Shape, b: Shape): boolean {
  if (a.type === 'polygon' && b.type === 'polygon')
    return a.points.every((p, i) => p[0] === b.points[i]?.[0] && p[1] === b.points[i]?.[1]);
  return 'x' in a && 'x' in b && a.x === b.x && a.y === b.y;
}

/** A new label for a shape; the attributes the new label also has (with valid values) are kept. */
export function relabelShape(shape: Shape, label: ImageLabel): Shape {
  if (shape.label === label.code) return shape;
  const attributes = initialAttributes(label);
  for (const attribute of label.attributes) {
    const value = shape.attributes[attribute.code];
    if (attribute.type === 'boolean' && typeof value === 'boolean') attributes[attribute.code] = value;
    if (attribute.type === 'select' && attribute.options.some((option) => option.code === value))
      attributes[attribute.code] = value as string;
  }
  return { ...shape, label: label.code, attributes };
}

/** Sets one attribute, or clears it with `undefined`. */
export function setAttribute(shape: Shape, code: string, value: boolean | string | undefined): Shape {
  if (shape.attributes[code] === value) return shape;
  const attributes = { ...shape.attributes };
  if (value === undefined) delete attributes[code];
  else attributes[code] = value;
  return { ...shape, attributes };
}

/** Single choice: picking replaces (and picking the chosen one again clears); multiple: toggles. */
export function toggleClass(doc: ImageDoc, code: string, multiple: boolean): ImageDoc {
  const chosen = doc.classes.includes(code);
  if (multiple)
    return { ...doc, classes: chosen ? doc.classes.filter((c) => c !== code) : [...doc.classes, code] };
  return { ...doc, classes: chosen ? [] : [code] };
}

/** A vertex added in edge `edge` (between vertex edge and edge+1): it becomes vertex edge+1. */
export function insertVertex(polygon: PolygonShape, edge: number, point: Point, image: Size): PolygonShape {
  const [x, y] = clampPoint(point, image);
  const points = polygon.points.slice();
  points.splice(edge + 1, 0, [round2(x), round2(y)]);
  return { ...polygon, points };
}

/** A polygon without vertex `index`; null when that would leave fewer than three. */
export function removeVertex(polygon: PolygonShape, index: number): PolygonShape | null {
  if (polygon.points.length <= 3 || index < 0 || index >= polygon.points.length) return null;
  return { ...polygon, points: polygon.points.filter((_, i) => i !== index) };
}

export function moveVertex(polygon: PolygonShape, index: number, point: Point, image: Size): PolygonShape {
  const [x, y] = clampPoint(point, image);
  const points = polygon.points.slice();
  points[index] = [round2(x), round2(y)];
  return { ...polygon, points };
}
