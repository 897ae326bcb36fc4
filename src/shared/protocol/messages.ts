import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema } from '../domain/common';
import { mediaRefSchema } from '../domain/media';
import { userSchema } from '../domain/user';
import { apiErrorSchema } from './errors';

/**
 * The bodies the endpoints (endpoints.ts) send and receive that are not domain objects: health,
 * sign-in, submissions and their outcomes, results, import reports, uploads, feedback, balances.
 */

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  protocol: z.object({ current: z.int(), minimum: z.int() }),
  serverTime: isoDateTimeSchema,
});

export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  user: userSchema,
});

/** Lease epochs are PostgreSQL integers. */
export const MAX_EPOCH = 2_147_483_647;

export const submissionRequestSchema = z
  .object({
    taskId: idSchema,
    leaseEpoch: z.int().min(1).max(MAX_EPOCH),
    /** Made by the workstation once per answer; a replay with the same key has no second effect. */
    idempotencyKey: z.string().min(16).max(100),
    answer: z.unknown(),
    /** When the HITer opened the task and how long they worked on it (for pay and impact). */
    startedAt: isoDateTimeSchema.optional(),
    durationMs: z
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .optional(),
  })
  .strict();

export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

export const SUBMISSION_STATUSES = ['accepted', 'superseded'] as const;
export const submissionResponseSchema = z.object({
  submissionId: idSchema,
  /** `superseded`: the lease had passed to someone else who finished first; the answer is kept and flagged. */
  status: z.enum(SUBMISSION_STATUSES),
  /** True when this key was seen before: nothing new happened. */
  replay: z.boolean(),
  receivedAt: isoDateTimeSchema,
});
export type SubmissionResponse = z.infer<typeof submissionResponseSchema>;

/** Answers in one `submitBatch` call: an outbox drains in a few dozen requests instead of thousands. */
export const MAX_SUBMISSION_BATCH = 100;
/** One answer's fate in a batch: its result, or the error it alone would have got (with its status). */
export const submissionOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: submissionResponseSchema }),
  z.object({ ok: z.literal(false), status: z.int(), error: apiErrorSchema.shape.error }),
]);
export type SubmissionOutcome = z.infer<typeof submissionOutcomeSchema>;

export const resultSchema = z.object({
  submissionId: idSchema,
  taskId: idSchema,
  itemId: idSchema,
  externalId: z.string().nullable(),
  worker: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  answer: z.unknown(),
  receivedAt: isoDateTimeSchema,
  /** The review's outcome; `answer` is the latest version (a correction when `corrected`). */
  reviewStatus: z.enum(['pending', 'accepted', 'rejected', 'corrected']).optional(),
  version: z.int().optional(),
});

/** What an import did: lines imported, skipped (already there) and rejected with their reason. */
export const importReportSchema = z.object({
  imported: z.int(),
  tasksCreated: z.int(),
  skipped: z.int().default(0),
  honeypots: z.int().default(0),
  rejectedCount: z.int().default(0),
  /** The first 1000 rejected lines, in order. */
  rejected: z
    .array(z.object({ line: z.int(), field: z.string().optional(), message: z.string() }))
    .default([]),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Resumable upload of a large answer file (a recording): chunks appended at the offset the server has. */
export const uploadStateSchema = z.object({
  uploadId: idSchema,
  /** Bytes the server holds; the next chunk starts here. */
  received: z.int().min(0),
  complete: z.boolean(),
  /** Once complete and verified against its sha256. */
  media: mediaRefSchema.optional(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

export const MAX_UPLOAD_CHUNK = 4 * 1024 * 1024;

/** What comes back to a worker after submitting: review verdicts, honeypot scores, pay. */
export const feedbackEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('verdict'),
    seq: z.int(),
    at: isoDateTimeSchema,
    submissionId: idSchema,
    taskId: idSchema,
    verdict: z.enum(['accepted', 'rejected', 'corrected']),
    reason: codeSchema.optional(),
    comment: z.string().optional(),
    /** For `corrected`: the supervisor's version of the answer. */
    correctedAnswer: z.unknown().optional(),
  }),
  z.object({
    type: z.literal('honeypot'),
    seq: z.int(),
    at: isoDateTimeSchema,
    submissionId: idSchema,
    taskId: idSchema,
    /** 0..1, from the shared scorers against the gold answer. */
    score: z.number().min(0).max(1),
    passed: z.boolean(),
    /** The gold answer, so the HITer can learn from it. */
    expected: z.unknown().optional(),
  }),
  z.object({
    type: z.literal('earning'),
    seq: z.int(),
    at: isoDateTimeSchema,
    submissionId: idSchema,
    taskId: idSchema,
    amountCents: z.int(),
    currency: z.string().length(3),
    status: z.enum(['pending', 'accepted', 'paid', 'cancelled']),
  }),
]);
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;

export const balancesSchema = z.object({
  currency: z.string().length(3),
  pendingCents: z.int(),
  acceptedCents: z.int(),
  paidCents: z.int(),
});
