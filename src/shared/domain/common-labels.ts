import { z } from 'zod';
import { codeSchema, localizedTextSchema, type FieldProblem } from './common';

/** A colour as #rrggbb, for labels drawn on images, waveforms and texts. */
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

/** A hotkey a project assigns: one digit 1–9 (read by physical key, so AZERTY and QWERTY agree). */
export const digitHotkeySchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** One choice in a list a project defines (reasons, classes, options). */
export const optionSchema = z.object({ code: codeSchema, label: localizedTextSchema }).strict();
export type Option = z.infer<typeof optionSchema>;

/** Refines a list of objects with a `code` so that codes are unique, naming the duplicate. */
export function uniqueCodes<T extends { code: string }>(
  list: T[],
  ctx: z.RefinementCtx,
  path: PropertyKey[],
): void {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry.code)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'code'],
        message: `duplicate code "${entry.code}"`,
      });
    }
    seen.add(entry.code);
  });
}

/** Refines a list of objects with optional hotkeys so that no hotkey is used twice. */
export function uniqueHotkeys<T extends { hotkey?: string | undefined }>(
  list: T[],
  ctx: z.RefinementCtx,
  path: PropertyKey[],
): void {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (entry.hotkey === undefined) return;
    if (seen.has(entry.hotkey)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'hotkey'],
        message: `hotkey ${entry.hotkey} used twice`,
      });
    }
    seen.add(entry.hotkey);
  });
}

/** A problem when `code` is not among `allowed`, for answer checks. */
export function unknownCode(
  field: string,
  code: string,
  allowed: ReadonlyArray<{ code: string }>,
): FieldProblem[] {
  return allowed.some((entry) => entry.code === code)
    ? []
    : [{ field, message: `"${code}" is not one of this project's choices` }];
}
