import type { TFunction } from 'i18next';
import type { FieldProblem, Locale } from '../../../shared/domain/common';

const KNOWN = new Set([
  'required',
  'too_small',
  'too_large',
  'too_short',
  'too_long',
  'not_a_number',
  'not_url',
  'not_email',
  'not_phone',
  'not_date',
  'pattern',
  'not_an_option',
  'invalid',
] as const);
type Known = typeof KNOWN extends Set<infer C> ? C : never;

/**
 * A field's problem in the HITer's language, from the code `checkFormValue` gives: numbers in the
 * params written the local way (1 250,5 in French). An unknown code (a newer queue) falls back to
 * a general message rather than English.
 */
export function problemText(t: TFunction<'form'>, problem: FieldProblem, locale: Locale): string {
  const code = KNOWN.has(problem.code as Known) ? (problem.code as Known) : 'invalid';
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
  const shown = (value: string | number | undefined) =>
    typeof value === 'number' ? format.format(value) : (value ?? '');
  return t(`problems.${code}`, { min: shown(problem.params?.min), max: shown(problem.params?.max) });
}
