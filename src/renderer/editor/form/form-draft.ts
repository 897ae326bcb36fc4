import type { FieldProblem } from '../../../shared/domain/common';
import {
  checkFormValue,
  type FormAnswer,
  type FormConfig,
  type FormField,
  type FormItem,
  type FormValue,
} from '../../../shared/domain/kinds/form';
import { fromDraft } from '../draft-envelope';
import type { Editor } from '../history';
import { formatNumberInput, parseNumberInput } from './number-input';

/**
 * A form as the HITer fills it: what each field holds as typed. Numbers stay text while typed
 * ("12," on the way to "12,50") and become numbers only in the answer.
 */
export type FormInput = string | boolean | string[] | null;
export type FormDoc = { values: Record<string, FormInput> };

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/** An input that fits the field, or null (empty). Unknown options are dropped. */
function fitInput(field: FormField, value: unknown): FormInput {
  const options = new Set((field.options ?? []).map((option) => option.code));
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean' ? value : null;
    case 'multiple_choice':
      return isStringList(value) ? [...new Set(value.filter((code) => options.has(code)))] : null;
    case 'single_choice':
      return typeof value === 'string' && options.has(value) ? value : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

/** The form a task starts with: the client's prefilled values, the rest empty. */
export function initialDoc(config: FormConfig, item: FormItem, locale: string): FormDoc {
  const values: Record<string, FormInput> = {};
  for (const field of config.fields) {
    const prefilled = item.prefill[field.code];
    values[field.code] =
      field.type === 'number' && typeof prefilled === 'number'
        ? formatNumberInput(prefilled, locale)
        : fitInput(field, prefilled ?? null);
  }
  return { values };
}

/** A stored doc fitted to the form as it is now; null when it cannot be read. */
export function readDoc(stored: unknown, config: FormConfig): FormDoc | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const values = (stored as { values?: unknown }).values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const record = values as Record<string, unknown>;
  return {
    values: Object.fromEntries(
      config.fields.map((field) => [field.code, fitInput(field, record[field.code])]),
    ),
  };
}

export function restoreEditor(
  stored: unknown,
  config: FormConfig,
  item: FormItem,
  locale: string,
): Editor<FormDoc> {
  return fromDraft(stored, (value) => readDoc(value, config), initialDoc(config, item, locale));
}

const sameInput = (a: FormInput | undefined, b: FormInput) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((entry, index) => entry === b[index])
    : a === b;

/** The doc with one field changed; the same object when the value is the same. */
export function setInput(doc: FormDoc, code: string, input: FormInput): FormDoc {
  if (sameInput(doc.values[code], input)) return doc;
  return { values: { ...doc.values, [code]: input } };
}

/** A multiple-choice field with one option switched on or off, keeping the form's option order. */
export function toggleOption(field: FormField, current: FormInput, code: string): string[] {
  const chosen = new Set(isStringList(current) ? current : []);
  if (chosen.has(code)) chosen.delete(code);
  else chosen.add(code);
  return (field.options ?? []).map((option) => option.code).filter((option) => chosen.has(option));
}

/**
 * The value a field's input stands for, as the answer carries it: text trimmed, empty as null,
 * numbers parsed (text the number parser cannot read stays text, which the check names).
 */
export function valueOf(field: FormField, input: FormInput | undefined): FormValue {
  if (input === undefined || input === null) return field.type === 'checkbox' ? false : null;
  if (typeof input === 'boolean' || Array.isArray(input)) return input;
  const text = input.trim();
  if (text === '') return null;
  if (field.type === 'number') return parseNumberInput(text) ?? text;
  return text;
}

/** Each field's problem as the HITer types, by field code (fields without a problem are absent). */
export function formProblems(config: FormConfig, doc: FormDoc): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const field of config.fields) {
    const problem = checkFormValue(field, valueOf(field, doc.values[field.code]));
    if (problem) problems.set(field.code, problem);
  }
  return problems;
}

/** The answer a valid form makes, every field present; null while any field has a problem. */
export function answerOf(config: FormConfig, doc: FormDoc): FormAnswer | null {
  if (formProblems(config, doc).size > 0) return null;
  return {
    values: Object.fromEntries(
      config.fields.map((field) => [field.code, valueOf(field, doc.values[field.code])]),
    ),
  };
}
