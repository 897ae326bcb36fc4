import { z } from 'zod';
import { codeSchema, localizedTextSchema, type FieldProblem } from '../common';
import {
  colorSchema,
  digitHotkeySchema,
  optionSchema,
  uniqueCodes,
  uniqueHotkeys,
  unknownCode,
} from '../common-labels';
import { imageRefSchema } from '../media';

export const SHAPE_TYPES = ['box', 'polygon', 'point'] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];

/** A per-shape attribute a label carries (occluded, truncated, colour of the car…). */
export const shapeAttributeSchema = z.discriminatedUnion('type', [
  z.object({ code: codeSchema, label: localizedTextSchema, type: z.literal('boolean') }).strict(),
  z
    .object({
      code: codeSchema,
      label: localizedTextSchema,
      type: z.literal('select'),
      options: z.array(optionSchema).min(2).max(30),
    })
    .strict(),
]);
export type ShapeAttribute = z.infer<typeof shapeAttributeSchema>;

export const imageLabelSchema = z
  .object({
    code: codeSchema,
    label: localizedTextSchema,
    color: colorSchema,
    hotkey: digitHotkeySchema.optional(),
    /** Which shapes this label may be drawn with. */
    shapes: z.array(z.enum(SHAPE_TYPES)).min(1),
    attributes: z.array(shapeAttributeSchema).max(20).default([]),
  })
  .strict();
export type ImageLabel = z.infer<typeof imageLabelSchema>;

export const imageClassificationSchema = z
  .object({
    question: localizedTextSchema,
    multiple: z.boolean().default(false),
    required: z.boolean().default(true),
    options: z.array(optionSchema).min(2).max(50),
  })
  .strict();

export const imageConfigSchema = z
  .object({
    labels: z.array(imageLabelSchema).max(100).default([]),
    /** Image-level classification (single or multiple choice), if the project asks for one. */
    classification: imageClassificationSchema.optional(),
    /** Smallest box side, in image pixels. */
    minBoxSize: z.int().min(1).max(1000).default(4),
  })
  .strict()
  .superRefine((config, ctx) => {
    uniqueCodes(config.labels, ctx, ['labels']);
    uniqueHotkeys(config.labels, ctx, ['labels']);
    if (config.labels.length === 0 && !config.classification) {
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: 'give labels to draw, a classification, or both',
      });
    }
  });
export type ImageConfig = z.infer<typeof imageConfigSchema>;

export const imageItemSchema = z
  .object({
    image: imageRefSchema,
    caption: z.string().max(2_000).optional(),
  })
  .strict();
export type ImageItem = z.infer<typeof imageItemSchema>;

const coordinate = z.number().finite();
const attributesSchema = z.record(codeSchema, z.union([z.boolean(), codeSchema])).default({});
const shapeBase = { id: z.string().min(1).max(64), label: codeSchema, attributes: attributesSchema };

/** Shapes in image pixel coordinates; a box's x/y is its top-left corner. */
export const shapeSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...shapeBase,
      type: z.literal('box'),
      x: coordinate,
      y: coordinate,
      width: coordinate,
      height: coordinate,
    })
    .strict(),
  z
    .object({
      ...shapeBase,
      type: z.literal('polygon'),
      points: z
        .array(z.tuple([coordinate, coordinate]))
        .min(3)
        .max(10_000),
    })
    .strict(),
  z.object({ ...shapeBase, type: z.literal('point'), x: coordinate, y: coordinate }).strict(),
]);
export type Shape = z.infer<typeof shapeSchema>;

export const imageAnswerSchema = z
  .object({
    shapes: z.array(shapeSchema).max(20_000).default([]),
    /** Codes of the classification options chosen. */
    classes: z.array(codeSchema).max(50).default([]),
  })
  .strict();
export type ImageAnswer = z.infer<typeof imageAnswerSchema>;

/** Rules beyond the schema: labels and attributes of this project, shapes inside the image, sizes. */
export function checkImageAnswer(config: ImageConfig, item: ImageItem, answer: ImageAnswer): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { width, height } = item.image;
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x <= width && y <= height;
  const ids = new Set<string>();
  answer.shapes.forEach((shape, index) => {
    const field = `shapes[${index}]`;
    if (ids.has(shape.id))
      problems.push({
        field: `${field}.id`,
        message: `duplicate shape id "${shape.id}"`,
        code: 'duplicate_id',
      });
    ids.add(shape.id);
    const label = config.labels.find((entry) => entry.code === shape.label);
    if (!label) {
      problems.push(...coded(unknownCode(`${field}.label`, shape.label, config.labels), 'unknown_label'));
      return;
    }
    if (!label.shapes.includes(shape.type)) {
      problems.push({
        field: `${field}.type`,
        message: `label "${label.code}" is not drawn as a ${shape.type}`,
        code: 'label_shape',
      });
    }
    problems.push(...checkAttributes(label, shape.attributes, field));
    if (shape.type === 'box') {
      if (shape.width < config.minBoxSize || shape.height < config.minBoxSize) {
        problems.push({
          field,
          message: `box smaller than ${config.minBoxSize} px`,
          code: 'box_too_small',
          params: { size: config.minBoxSize },
        });
      }
      if (!inside(shape.x, shape.y) || !inside(shape.x + shape.width, shape.y + shape.height)) {
        problems.push({ field, message: 'box outside the image', code: 'box_outside' });
      }
    } else if (shape.type === 'polygon') {
      if (shape.points.some(([x, y]) => !inside(x, y)))
        problems.push({ field, message: 'polygon outside the image', code: 'polygon_outside' });
    } else if (!inside(shape.x, shape.y)) {
      problems.push({ field, message: 'point outside the image', code: 'point_outside' });
    }
  });
  problems.push(...checkClasses(config, answer.classes));
  return problems;
}

function checkAttributes(
  label: ImageLabel,
  values: Record<string, boolean | string>,
  field: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [code, value] of Object.entries(values)) {
    const attribute = label.attributes.find((entry) => entry.code === code);
    const where = `${field}.attributes.${code}`;
    if (!attribute)
      problems.push({
        field: where,
        message: `label "${label.code}" has no attribute "${code}"`,
        code: 'unknown_attribute',
      });
    else if (attribute.type === 'boolean' && typeof value !== 'boolean') {
      problems.push({ field: where, message: 'expected true or false', code: 'attribute_value' });
    } else if (attribute.type === 'select' && !attribute.options.some((option) => option.code === value)) {
      problems.push({
        field: where,
        message: `"${String(value)}" is not one of its options`,
        code: 'attribute_value',
      });
    }
  }
  return problems;
}

function checkClasses(config: ImageConfig, classes: string[]): FieldProblem[] {
  const classification = config.classification;
  if (!classification) {
    return classes.length > 0
      ? [{ field: 'classes', message: 'this project has no classification', code: 'class_invalid' }]
      : [];
  }
  const problems = classes.flatMap((code, index) =>
    coded(unknownCode(`classes[${index}]`, code, classification.options), 'class_invalid'),
  );
  if (classification.required && classes.length === 0)
    problems.push({ field: 'classes', message: 'choose a class', code: 'class_required' });
  if (!classification.multiple && classes.length > 1)
    problems.push({ field: 'classes', message: 'choose only one class', code: 'class_single' });
  if (new Set(classes).size !== classes.length)
    problems.push({ field: 'classes', message: 'a class is chosen twice', code: 'class_invalid' });
  return problems;
}

/** Codes the workstation turns into words in the HITer's language (see FieldProblem). */
export type ImageProblemCode =
  | 'duplicate_id'
  | 'unknown_label'
  | 'label_shape'
  | 'unknown_attribute'
  | 'attribute_value'
  | 'box_too_small'
  | 'box_outside'
  | 'polygon_outside'
  | 'point_outside'
  | 'class_required'
  | 'class_single'
  | 'class_invalid';

function coded(problems: FieldProblem[], code: ImageProblemCode): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, code }));
}

/**
 * What is allowed but worth a second look: polygons whose edges cross. Never blocks a submission
 * (a client may want a bow-tie), but the HITer sees it before sending.
 */
export function imageAnswerWarnings(answer: ImageAnswer): FieldProblem[] {
  const warnings: FieldProblem[] = [];
  answer.shapes.forEach((shape, index) => {
    if (shape.type === 'polygon' && isSelfIntersecting(shape.points))
      warnings.push({
        field: `shapes[${index}]`,
        message: 'the polygon’s edges cross',
        code: 'polygon_crosses',
      });
  });
  return warnings;
}

/** True when a polygon's edges cross: allowed, but the HITer is warned. */
export function isSelfIntersecting(points: ReadonlyArray<readonly [number, number]>): boolean {
  const n = points.length;
  for (let i = 0; i < n; i += 1) {
    const a1 = points[i]!;
    const a2 = points[(i + 1) % n]!;
    for (let j = i + 1; j < n; j += 1) {
      // Adjacent edges share a vertex; that is not a crossing.
      if (j === i || (j + 1) % n === i || (i + 1) % n === j) continue;
      const b1 = points[j]!;
      const b2 = points[(j + 1) % n]!;
      if (segmentsCross(a1, a2, b1, b2)) return true;
    }
  }
  return false;
}

function segmentsCross(
  p1: readonly [number, number],
  p2: readonly [number, number],
  p3: readonly [number, number],
  p4: readonly [number, number],
): boolean {
  const d = (a: readonly [number, number], b: readonly [number, number], c: readonly [number, number]) =>
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const d1 = d(p3, p4, p1);
  const d2 = d(p3, p4, p2);
  const d3 = d(p1, p2, p3);
  const d4 = d(p1, p2, p4);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
