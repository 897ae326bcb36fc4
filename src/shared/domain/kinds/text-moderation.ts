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
import { codePointLength, redactSpans, sliceCodePoints, spansOverlap } from '../text-spans';

/** A reason a moderator can give for rejecting a text; the first nine get the hotkeys 1–9. */
export const moderationReasonSchema = optionSchema;

/** A kind of passage a moderator marks in a text (insult, personal data, spam link…). */
export const spanLabelSchema = z
  .object({
    code: codeSchema,
    label: localizedTextSchema,
    color: colorSchema,
    hotkey: digitHotkeySchema.optional(),
    /** Passages with this label are masked in the text the client receives. */
    redact: z.boolean().default(false),
  })
  .strict();
export type SpanLabel = z.infer<typeof spanLabelSchema>;

export const TEXT_DECISIONS = ['approve', 'reject', 'escalate'] as const;
export type TextDecision = (typeof TEXT_DECISIONS)[number];

/** A worked example the project shows beside its guidelines: a text, the right decision and why. */
export const moderationExampleSchema = z
  .object({
    text: z.string().trim().min(1).max(2_000),
    decision: z.enum(TEXT_DECISIONS),
    /** For a rejection: the reason to choose. */
    reason: codeSchema.optional(),
    explanation: localizedTextSchema,
  })
  .strict();
export type ModerationExample = z.infer<typeof moderationExampleSchema>;

export const textModerationConfigSchema = z
  .object({
    reasons: z.array(moderationReasonSchema).min(1).max(20),
    spanLabels: z.array(spanLabelSchema).max(20).default([]),
    /** Whether HITers may pass a text to a supervisor instead of deciding. */
    allowEscalate: z.boolean().default(true),
    examples: z.array(moderationExampleSchema).max(20).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    uniqueCodes(config.reasons, ctx, ['reasons']);
    uniqueCodes(config.spanLabels, ctx, ['spanLabels']);
    uniqueHotkeys(config.spanLabels, ctx, ['spanLabels']);
    config.examples.forEach((example, index) => {
      const path = ['examples', index, 'reason'];
      if (example.decision !== 'reject' && example.reason !== undefined)
        ctx.addIssue({ code: 'custom', path, message: 'a reason goes only with a rejection' });
      if (example.decision === 'reject' && !config.reasons.some((r) => r.code === example.reason))
        ctx.addIssue({ code: 'custom', path, message: "a rejection needs one of the project's reasons" });
    });
  });
export type TextModerationConfig = z.infer<typeof textModerationConfigSchema>;

/** One customer review (or any short text) to moderate, as a client imports it. */
export const textModerationItemSchema = z
  .object({
    text: z.string().trim().min(1).max(100_000),
    title: z.string().max(500).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    language: z.string().min(2).max(16).optional(),
    product: z.string().max(300).optional(),
    date: z.iso.date().optional(),
    author: z.string().max(200).optional(),
  })
  .strict();
export type TextModerationItem = z.infer<typeof textModerationItemSchema>;

/** A labelled passage, in code points (not UTF-16 units: an emoji counts as one), with its text to verify. */
export const textSpanSchema = z
  .object({
    start: z.int().min(0),
    end: z.int().min(1),
    label: codeSchema,
    text: z.string(),
  })
  .strict()
  .refine((span) => span.end > span.start, { message: 'end must be after start', path: ['end'] });
export type TextSpan = z.infer<typeof textSpanSchema>;

export const textModerationAnswerSchema = z
  .object({
    decision: z.enum(TEXT_DECISIONS),
    /** Required when rejecting: one of the project's reasons. */
    reason: codeSchema.optional(),
    /** For a supervisor, mostly when escalating. */
    note: z.string().trim().max(2_000).optional(),
    spans: z.array(textSpanSchema).max(500).default([]),
    /**
     * The text with every redacted span masked, as the client receives it (`redactSpans`); required
     * as soon as a span has a redacting label, so no client gets personal data by omission.
     */
    redactedText: z.string().optional(),
  })
  .strict();
export type TextModerationAnswer = z.infer<typeof textModerationAnswerSchema>;

/** Rules the schema alone cannot state: reasons and labels of this project, spans that match the text. */
export function checkTextModerationAnswer(
  config: TextModerationConfig,
  item: TextModerationItem,
  answer: TextModerationAnswer,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (answer.decision === 'reject') {
    if (answer.reason === undefined) problems.push({ field: 'reason', message: 'choose a reason to reject' });
    else problems.push(...unknownCode('reason', answer.reason, config.reasons));
  } else if (answer.reason !== undefined) {
    problems.push({ field: 'reason', message: 'a reason goes only with a rejection' });
  }
  if (answer.decision === 'escalate' && !config.allowEscalate) {
    problems.push({ field: 'decision', message: 'this project does not allow escalation' });
  }
  const length = codePointLength(item.text);
  answer.spans.forEach((span, index) => {
    const field = `spans[${index}]`;
    problems.push(...unknownCode(`${field}.label`, span.label, config.spanLabels));
    if (span.end > length)
      problems.push({ field: `${field}.end`, message: `past the end of the text (${length})` });
    else if (sliceCodePoints(item.text, span.start, span.end) !== span.text) {
      problems.push({ field: `${field}.text`, message: 'does not match the text at these offsets' });
    }
    const twin = answer.spans.findIndex(
      (other, at) => at < index && other.label === span.label && spansOverlap(other, span),
    );
    if (twin >= 0) problems.push({ field, message: `overlaps spans[${twin}], which has the same label` });
  });
  const redacting = new Set(config.spanLabels.filter((label) => label.redact).map((label) => label.code));
  if (answer.redactedText !== undefined) {
    const expected = redactSpans(item.text, answer.spans, config.spanLabels);
    if (answer.redactedText !== expected) {
      problems.push({
        field: 'redactedText',
        message: 'does not match the text with the redacted spans masked',
      });
    }
  } else if (answer.spans.some((span) => redacting.has(span.label))) {
    problems.push({ field: 'redactedText', message: 'required when a span is redacted' });
  }
  return problems;
}

/** The draft a HITer builds before submitting: the answer so far, any part still missing. */
export const textModerationDraftSchema = z
  .object({
    decision: z.enum(TEXT_DECISIONS).nullable(),
    reason: codeSchema.nullable(),
    note: z.string().optional(),
    spans: z.array(textSpanSchema).optional(),
  })
  .strict();
export type TextModerationDraft = z.infer<typeof textModerationDraftSchema>;
