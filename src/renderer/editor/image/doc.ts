import {
  type ImageAnswer,
  type ImageConfig,
  type ImageLabel,
  type Shape,
  type ShapeType,
} from '../../../shared/domain/kinds/image';
import { readImageDocFast } from './read-doc';

// The canvas's painter (a worker) needs shape bounds without the schemas (zod) this module reads with.
export { bboxOf } from './shape-bounds';

/** The document the image tool edits: exactly the answer it submits (shapes and chosen classes). */
export type ImageDoc = ImageAnswer;
export type { Shape, ShapeType };
export type BoxShape = Extract<Shape, { type: 'box' }>;
export type PolygonShape = Extract<Shape, { type: 'polygon' }>;
export type PointShape = Extract<Shape, { type: 'point' }>;

export const EMPTY_IMAGE_DOC: ImageDoc = { shapes: [], classes: [] };

/** A stored document (draft or answer) read back, as the shared schema reads it; null when it does not. */
export function readImageDoc(value: unknown): ImageDoc | null {
  return readImageDocFast(value);
}

export function labelOf(config: ImageConfig, code: string): ImageLabel | undefined {
  return config.labels.find((label) => label.code === code);
}

/** The labels that may be drawn as `type`, in the project's order. */
export function labelsFor(config: ImageConfig, type: ShapeType): ImageLabel[] {
  return config.labels.filter((label) => label.shapes.includes(type));
}

export function indexOfShape(doc: ImageDoc, id: string): number {
  return doc.shapes.findIndex((shape) => shape.id === id);
}

export function shapeById(doc: ImageDoc, id: string | null): Shape | undefined {
  return id === null ? undefined : doc.shapes.find((shape) => shape.id === id);
}
