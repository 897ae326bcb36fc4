import { z } from 'zod';

/** Languages the workstation speaks. Every user-facing string exists in each. */
export const LOCALES = ['en', 'fr'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Text a project shows to HITers, in every locale the workstation speaks. */
export const localizedTextSchema = z
  .object({ en: z.string().trim().min(1), fr: z.string().trim().min(1) })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const idSchema = z.uuid();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** A machine-readable code: lower snake case, as used for reasons and labels. */
export const codeSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'use lower-case letters, digits and _ (at most 40), starting with a letter',
  );

/** hitter: does tasks; trainer: trains HITers of a centre; supervisor: reviews a centre's work; admin: everything. */
export const ROLES = ['hitter', 'trainer', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * A problem with a piece of input, named by its path (e.g. `data.text`). `message` is English for
 * logs and API errors; `code` and `params`, where given, let the renderer say it in the HITer's language.
 */
export type FieldProblem = {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
};

/** Joins a zod issue path the way every error message names a field. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[');
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}

/** One line that names the first problem, for errors shown to people and in logs. */
export function describeProblems(problems: FieldProblem[]): string {
  const first = problems[0];
  if (!first) return 'invalid input';
  const where = first.field ? `${first.field}: ` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}
