import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema } from '../domain/common';
import { taskKindSchema } from '../domain/task-kinds';

export const REVIEW_REASONS = ['sample', 'honeypot_failed', 'late_work'] as const;
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'corrected'] as const;

/** A submission as a supervisor reviews it (or its worker reads it back). */
export const submissionDetailSchema = z.object({
  submissionId: idSchema,
  taskId: idSchema,
  itemId: idSchema,
  externalId: z.string().nullable(),
  projectId: idSchema,
  kind: taskKindSchema,
  worker: z.object({ id: idSchema, username: z.string(), centreId: idSchema.nullable() }),
  /** `superseded`: arrived after the task was done (late work), kept for review. */
  status: z.enum(['accepted', 'superseded']),
  reviewReason: z.enum(REVIEW_REASONS).nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  autoAcceptAt: isoDateTimeSchema.nullable(),
  /** The item as the worker saw it. */
  data: z.unknown(),
  /** The answer as the worker sent it (version 1). */
  answer: z.unknown(),
  /** The latest version: a supervisor's correction, else the answer. */
  currentAnswer: z.unknown(),
  version: z.int(),
  honeypot: z.object({ score: z.number(), passed: z.boolean(), expected: z.unknown() }).nullable(),
  verdict: z
    .object({
      reviewerId: idSchema.nullable(),
      reason: z.string().nullable(),
      comment: z.string().nullable(),
      at: isoDateTimeSchema,
    })
    .nullable(),
  receivedAt: isoDateTimeSchema,
  durationMs: z.int().nullable(),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

export const verdictRequestSchema = z
  .object({
    verdict: z.enum(['accept', 'reject', 'correct']),
    /** Required to reject: why, as a code the worker's app can translate (wrong_label, missed_object…). */
    reason: codeSchema.optional(),
    comment: z.string().trim().max(2_000).optional(),
    /** Required to correct: the supervisor's answer, checked like any answer of the kind. */
    correctedAnswer: z.unknown().optional(),
  })
  .strict();
export type VerdictRequest = z.infer<typeof verdictRequestSchema>;

/** Agreement and the aggregated answer of one item answered several times. */
export const consensusItemSchema = z.object({
  itemId: idSchema,
  externalId: z.string().nullable(),
  answers: z.int(),
  agreement: z.number().nullable(),
  answer: z.unknown(),
});
