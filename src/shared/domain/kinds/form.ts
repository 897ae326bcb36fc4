import { z } from 'zod';
import { codeSchema, localizedTextSchema, type FieldProblem } from '../common';
import { optionSchema, uniqueCodes } from '../common-labels';
import { imageRefSchema } from '../media';
import { codePointLength } from '../text-spans';
import { nestsUnboundedRepeats } from './regex-safety';

export const FORM_FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'url',
  'email',
  'phone',
  'date',
  'single_choice',
  'multiple_choice',
  'checkbox',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const formFieldSchema = z
  .object({
    code: codeSchema,
    label: localizedTextSchema,
    help: localizedTextSchema.optional(),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    /** A regular expression (JavaScript syntax, whole value) for text fields. */
    pattern: z.string().max(500).optional(),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(1).max(100_000).optional(),
    /** Bounds for numbers. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** Choices for single_choice and multiple_choice. */
    options: z.array(optionSchema).max(200).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    const choice = field.type === 'single_choice' || field.type === 'multiple_choice';
    if (choice && (!field.options || field.options.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs at least 2 options' });
    }
    if (!choice && field.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice fields have options' });
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
        if (nestsUnboundedRepeats(field.pattern)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pattern'],
            message: 'nests repeats (like (a+)+), which can take forever on some answers: write it without',
          });
        }
      } catch {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'not a valid regular expression' });
      }
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least min' });
    }
  });
export type FormField = z.infer<typeof formFieldSchema>;

export const formConfigSchema = z
  .object({ fields: z.array(formFieldSchema).min(1).max(100) })
  .strict()
  .superRefine((config, ctx) => uniqueCodes(config.fields, ctx, ['fields']));
export type FormConfig = z.infer<typeof formConfigSchema>;

export const formValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type FormValue = z.infer<typeof formValueSchema>;

/** What a form task shows beside the form: a page to research, a text or an image to read. */
export const formItemSchema = z
  .object({
    context: z
      .object({
        url: z.url({ protocol: /^https?$/ }).optional(),
        text: z.string().max(20_000).optional(),
        image: imageRefSchema.optional(),
      })
      .strict()
      .default({}),
    /** Values filled in advance (e.g. from the client's data), which the HITer checks or corrects. */
    prefill: z.record(codeSchema, formValueSchema).default({}),
  })
  .strict();
export type FormItem = z.infer<typeof formItemSchema>;

export const formAnswerSchema = z.object({ values: z.record(codeSchema, formValueSchema) }).strict();
export type FormAnswer = z.infer<typeof formAnswerSchema>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u;
const PHONE = /^\+?[0-9][0-9 ().-]{4,22}[0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function problem(
  field: string,
  code: string,
  message: string,
  params?: FieldProblem['params'],
): FieldProblem {
  return params ? { field, code, message, params } : { field, code, message };
}

function isEmpty(value: FormValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * One field's problem, or null. Shared by the renderer (as the HITer types: the code says which
 * message to show next to the field) and the queue (which refuses an answer the renderer let through).
 */
export function checkFormValue(field: FormField, value: FormValue | undefined): FieldProblem | null {
  const at = `values.${field.code}`;
  if (isEmpty(value) || (field.type === 'checkbox' && value === false)) {
    return field.required ? problem(at, 'required', 'required') : null;
  }
  switch (field.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return problem(at, 'not_a_number', 'not a number');
      if (field.min !== undefined && value < field.min)
        return problem(at, 'too_small', `at least ${field.min}`, { min: field.min });
      if (field.max !== undefined && value > field.max)
        return problem(at, 'too_large', `at most ${field.max}`, { max: field.max });
      return null;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? null : problem(at, 'invalid', 'expected true or false');
    case 'single_choice':
      return typeof value === 'string' && (field.options ?? []).some((o) => o.code === value)
        ? null
        : problem(at, 'not_an_option', 'not one of the options');
    case 'multiple_choice':
      return Array.isArray(value) &&
        new Set(value).size === value.length &&
        value.every((code) => (field.options ?? []).some((o) => o.code === code))
        ? null
        : problem(at, 'not_an_option', 'not one of the options');
    default:
      return typeof value === 'string'
        ? checkText(field, value.trim(), at)
        : problem(at, 'invalid', 'expected text');
  }
}

/** Lengths in code points, as a person counts characters (an emoji or an accented letter is one). */
function checkText(field: FormField, value: string, at: string): FieldProblem | null {
  const length = codePointLength(value.normalize('NFC'));
  if (field.minLength !== undefined && length < field.minLength) {
    return problem(at, 'too_short', `at least ${field.minLength} characters`, { min: field.minLength });
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return problem(at, 'too_long', `at most ${field.maxLength} characters`, { max: field.maxLength });
  }
  if (field.type === 'url' && !isWebUrl(value))
    return problem(at, 'not_url', 'not a web address (http:// or https://)');
  if (field.type === 'email' && !EMAIL.test(value)) return problem(at, 'not_email', 'not an email address');
  if (field.type === 'phone' && !PHONE.test(value)) return problem(at, 'not_phone', 'not a phone number');
  if (field.type === 'date' && !(DATE.test(value) && isRealDate(value)))
    return problem(at, 'not_date', 'not a date (YYYY-MM-DD)');
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value)) {
    return problem(at, 'pattern', 'not in the expected form');
  }
  return null;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function checkFormAnswer(config: FormConfig, _item: FormItem, answer: FormAnswer): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const code of Object.keys(answer.values)) {
    if (!config.fields.some((field) => field.code === code)) {
      problems.push({ field: `values.${code}`, message: 'no such field in this form' });
    }
  }
  for (const field of config.fields) {
    const found = checkFormValue(field, answer.values[field.code]);
    if (found) problems.push(found);
  }
  return problems;
}
