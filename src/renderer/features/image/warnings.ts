import type { FieldProblem } from '../../../shared/domain/common';
import { isSelfIntersecting } from '../../../shared/domain/kinds/image';
import type { ImageDoc, Shape } from '../../editor/image/doc';

// Shapes are immutable: a polygon checked once need not be checked again until it changes.
const crossing = new WeakMap<Shape, boolean>();

/** Crossing polygons, checked again only for the shapes that changed since the last call. */
export function crossingWarnings(doc: ImageDoc): FieldProblem[] {
  const warnings: FieldProblem[] = [];
  doc.shapes.forEach((shape, index) => {
    if (shape.type !== 'polygon') return;
    let crosses = crossing.get(shape);
    if (crosses === undefined) crossing.set(shape, (crosses = isSelfIntersecting(shape.points)));
    if (crosses)
      warnings.push({
        field: `shapes[${index}]`,
        message: 'the polygon’s edges cross',
        code: 'polygon_crosses',
      });
  });
  return warnings;
}
