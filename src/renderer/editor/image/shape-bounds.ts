import type { Shape } from '../../../shared/domain/kinds/image';
import { boundsOfPoints, type Rect } from './geometry';

/** A shape's bounding box in image pixels (a point's is empty). */
export function bboxOf(shape: Shape): Rect {
  switch (shape.type) {
    case 'box':
      return { x: shape.x, y: shape.y, width: shape.width, height: shape.height };
    case 'polygon':
      return boundsOfPoints(shape.points);
    case 'point':
      return { x: shape.x, y: shape.y, width: 0, height: 0 };
  }
}
