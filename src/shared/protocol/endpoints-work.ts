/** Endpoints of the work itself: leases, answers, media, resumable uploads, feedback. */
import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../domain/common';
import { mediaRefSchema, sha256Schema } from '../domain/media';
import { leasedTaskSchema } from '../domain/task';
import {
  balancesSchema,
  feedbackEventSchema,
  MAX_EPOCH,
  MAX_SUBMISSION_BATCH,
  submissionOutcomeSchema,
  submissionRequestSchema,
  submissionResponseSchema,
  uploadStateSchema,
} from './messages';
import { endpoint, managers } from './endpoint-spec';

export const MAX_LEASE_BATCH = 50;

export const workEndpoints = {
  leaseTasks: endpoint({
    method: 'POST',
    path: '/v1/leases',
    summary: 'Lease a batch of tasks to the signed-in worker',
    auth: 'user',
    body: z
      .object({
        count: z.int().min(1).max(MAX_LEASE_BATCH),
        projectId: idSchema.optional(),
        /** Made by the workstation once per batch: asked again with it, the queue hands back the same tasks. */
        requestKey: z.string().min(16).max(100).optional(),
        /** With `requestKey`: only hand back what that key already leased, never lease anything new. */
        replayOnly: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ tasks: z.array(leasedTaskSchema) }),
  }),
  submit: endpoint({
    method: 'POST',
    path: '/v1/submissions',
    summary: 'Submit an answer, exactly once per idempotency key',
    auth: 'user',
    body: submissionRequestSchema,
    response: submissionResponseSchema,
    refusals: { 409: 'the idempotency key was already used for another answer (`idempotency_key_reused`)' },
  }),
  submitBatch: endpoint({
    method: 'POST',
    path: '/v1/submissions/batch',
    summary:
      'Submit several answers at once (an outbox draining): each exactly once per idempotency key, each with its own outcome, in order',
    auth: 'user',
    body: z
      .object({ submissions: z.array(submissionRequestSchema).min(1).max(MAX_SUBMISSION_BATCH) })
      .strict(),
    response: z.object({ outcomes: z.array(submissionOutcomeSchema) }),
  }),
  renewLeases: endpoint({
    method: 'POST',
    path: '/v1/leases/renew',
    summary: 'Extend the leases a worker still holds (while online); says which ones were lost',
    auth: 'user',
    body: z
      .object({
        leases: z
          .array(z.object({ taskId: idSchema, leaseEpoch: z.int().min(1).max(MAX_EPOCH) }).strict())
          .min(1)
          .max(500),
      })
      .strict(),
    response: z.object({
      leases: z.array(
        z.object({
          taskId: idSchema,
          leaseEpoch: z.int(),
          status: z.enum(['renewed', 'lost']),
          leaseExpiresAt: isoDateTimeSchema.nullable(),
        }),
      ),
    }),
  }),
  getMedia: endpoint({
    method: 'GET',
    path: '/v1/media/:sha256',
    summary: 'A stored media file (images, audio, peaks), with HTTP Range and immutable caching',
    auth: 'user',
    params: z.object({ sha256: sha256Schema }),
    responseFormat: 'binary',
    response: z.unknown(),
  }),
  uploadMedia: endpoint({
    method: 'POST',
    path: '/v1/media',
    summary:
      'Store one media file (content-addressed); images get size and thumbnail, audio duration and peaks',
    auth: managers,
    query: z.object({ filename: z.string().max(300).optional(), mime: z.string().max(100).optional() }),
    body: z.unknown(),
    bodyFormat: 'binary',
    status: 201,
    response: mediaRefSchema,
  }),
  createUpload: endpoint({
    method: 'POST',
    path: '/v1/uploads',
    summary: 'Start (or resume) a resumable upload of an answer file, named by its sha256',
    auth: 'user',
    body: z
      .object({
        sha256: sha256Schema,
        bytes: z
          .int()
          .min(1)
          .max(512 * 1024 * 1024),
        mime: z.string().max(100),
      })
      .strict(),
    response: uploadStateSchema,
    refusals: { 409: 'too many unfinished uploads: finish them first (`conflict`)' },
  }),
  appendUpload: endpoint({
    method: 'POST',
    path: '/v1/uploads/:uploadId/chunks',
    summary:
      'Append a chunk at `offset` (must equal the bytes received so far); completes and verifies at the end',
    auth: 'user',
    params: z.object({ uploadId: idSchema }),
    query: z.object({ offset: z.coerce.number().int().min(0) }),
    body: z.unknown(),
    bodyFormat: 'binary',
    response: uploadStateSchema,
    refusals: {
      409: 'the chunk does not start where the upload stands; the message gives the offset to send (`conflict`)',
    },
  }),
  getUpload: endpoint({
    method: 'GET',
    path: '/v1/uploads/:uploadId',
    summary: 'How much of an upload the server holds',
    auth: 'user',
    params: z.object({ uploadId: idSchema }),
    response: uploadStateSchema,
  }),
  feedback: endpoint({
    method: 'GET',
    path: '/v1/feedback',
    summary: "The signed-in worker's verdicts, honeypot scores and earnings since a cursor, with balances",
    auth: 'user',
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(500),
    }),
    response: z.object({
      events: z.array(feedbackEventSchema),
      nextAfter: z.int(),
      balances: balancesSchema,
    }),
  }),
} as const;
