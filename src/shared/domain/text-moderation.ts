import { z } from 'zod';
import { codeSchema, localizedTextSchema, type FieldProblem } from './common';

/** A reason a moderator can give for rejecting a text; the first nine get the hotkeys 1–9. */
export const moderationReasonSchema = z.object({ code: codeSchema, label: localizedTextSchema }).strict();

export const textModerationConfigSchema = z
  .object({ reasons: z.array(moderationReasonSchema).min(1).max(20) })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.reasons.forEach((reason, index) => {
      if (seen.has(reason.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['reasons', index, 'code'],
          message: `duplicate reason code "${reason.code}"`,
        });
      }
      seen.add(reason.code);
    });
  });
export type TextModerationConfig = z.infer<typeof textModerationConfigSchema>;

/** One customer review (or any short text) to moderate, as a client imports it. */
export const textModerationItemSchema = z
  .object({
    text: z.string().trim().min(1).max(20_000),
    rating: z.number().int().min(1).max(5).optional(),
    language: z.string().min(2).max(16).optional(),
    product: z.string().max(300).optional(),
    date: z.iso.date().optional(),
    author: z.string().max(200).optional(),
  })
  .strict();
export type TextModerationItem = z.infer<typeof textModerationItemSchema>;

export const textModerationAnswerSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }).strict(),
  z.object({ decision: z.literal('reject'), reason: codeSchema }).strict(),
]);
export type TextModerationAnswer = z.infer<typeof textModerationAnswerSchema>;

/** Rules the schema alone cannot state: the reason must be one of the project's. */
export function checkTextModerationAnswer(
  config: TextModerationConfig,
  answer: TextModerationAnswer,
): FieldProblem[] {
  if (answer.decision === 'reject' && !config.reasons.some((reason) => reason.code === answer.reason)) {
    return [{ field: 'reason', message: `"${answer.reason}" is not one of this project's reasons` }];
  }
  return [];
}

/** The draft a HITer builds before submitting: either part may still be missing. */
export const textModerationDraftSchema = z
  .object({ decision: z.enum(['approve', 'reject']).nullable(), reason: codeSchema.nullable() })
  .strict();
export type TextModerationDraft = z.infer<typeof textModerationDraftSchema>;
