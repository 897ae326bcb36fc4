import { z } from 'zod';
import { idSchema, isoDateTimeSchema, type Role } from '../domain/common';
import { mediaRefSchema, sha256Schema } from '../domain/media';
import { projectSchema, projectSpecSchema } from '../domain/project';
import { leasedTaskSchema } from '../domain/task';
import { passwordSchema, userSchema, usernameSchema } from '../domain/user';
import {
  accountChangeSchema,
  accountSchema,
  centreSchema,
  newAccountSchema,
  newCentreSchema,
  newTrainingSchema,
  payoutSchema,
  trainingSchema,
  workerStatsSchema,
} from './accounts';
import { impactReportSchema } from './impact';
import { consensusItemSchema, REVIEW_REASONS, submissionDetailSchema, verdictRequestSchema } from './review';
import {
  balancesSchema,
  feedbackEventSchema,
  healthResponseSchema,
  importReportSchema,
  MAX_EPOCH,
  MAX_SUBMISSION_BATCH,
  resultSchema,
  signInResponseSchema,
  submissionOutcomeSchema,
  submissionRequestSchema,
  submissionResponseSchema,
  uploadStateSchema,
} from './messages';
import { MINIMUM_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version';

// The message schemas were here first; everything that imports them from here still may.
export * from './messages';

export type HttpMethod = 'GET' | 'POST';

/**
 * One endpoint of the central queue, declared once. The server registers its routes and validates
 * from it, the workstation's client builds its requests from it, and the OpenAPI document is
 * generated from it.
 */
export type EndpointSpec = {
  method: HttpMethod;
  path: string;
  summary: string;
  /** `public`: no token; `user`: any signed-in account; a list: only those roles. */
  auth: 'public' | 'user' | readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `ndjson`: the body is raw text, one JSON value a line (imports); `binary`: raw bytes (media). */
  bodyFormat?: 'json' | 'ndjson' | 'binary';
  status?: 200 | 201;
  /** `binary`: the answer is the file itself (with Range support), not JSON; `response` is then unused. */
  responseFormat?: 'json' | 'binary';
  response: z.ZodType;
  /** When this endpoint answers 409 (a conflict with what is stored) or 429 (slow down), in words. */
  refusals?: { 409?: string; 429?: string };
};

function endpoint<const E extends EndpointSpec>(spec: E): E {
  return spec;
}

const projectParams = z.object({ projectId: idSchema });
const managers = ['admin', 'supervisor'] as const satisfies readonly Role[];
const staff = ['admin', 'supervisor', 'trainer'] as const satisfies readonly Role[];
const admins = ['admin'] as const satisfies readonly Role[];
const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  after: z.coerce.number().int().min(0).default(0),
};

/** Formats of `exportProject`; which apply depends on the project's kind. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
  'coco',
  'yolo',
  'voc',
  'webvtt',
  'common_voice',
  'label_studio',
] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export const MAX_LEASE_BATCH = 50;

export const endpoints = {
  health: endpoint({
    method: 'GET',
    path: '/v1/health',
    summary: 'Liveness and the protocol versions this server speaks',
    auth: 'public',
    response: healthResponseSchema,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/v1/auth/sign-in',
    summary: 'Exchange a username and password for a bearer token',
    auth: 'public',
    body: z.object({ username: usernameSchema, password: passwordSchema }).strict(),
    response: signInResponseSchema,
    refusals: {
      429: 'too many failed sign-ins for this username or from this address (`rate_limited`); Retry-After says when to try again',
    },
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/v1/auth/sign-out',
    summary: 'Revoke the token used for this request',
    auth: 'user',
    response: z.object({ ok: z.literal(true) }),
  }),
  me: endpoint({
    method: 'GET',
    path: '/v1/me',
    summary: 'The account behind the token',
    auth: 'user',
    response: userSchema,
  }),
  createProject: endpoint({
    method: 'POST',
    path: '/v1/projects',
    summary: 'Create a project; its config is validated against its task kind',
    auth: managers,
    body: projectSpecSchema,
    status: 201,
    response: projectSchema,
  }),
  listProjects: endpoint({
    method: 'GET',
    path: '/v1/projects',
    summary: 'The projects, newest first, in pages (`after`: the `nextAfter` of the page before)',
    auth: managers,
    query: z.object(page),
    response: z.object({ projects: z.array(projectSchema), nextAfter: z.int().nullable() }),
  }),
  getProject: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId',
    summary: 'One project with its counts',
    auth: managers,
    params: projectParams,
    response: projectSchema,
  }),
  importItems: endpoint({
    method: 'POST',
    path: '/v1/projects/:projectId/imports',
    summary:
      'Import items from JSONL or CSV in one transaction, with a report of the lines rejected; ids already imported are skipped (resumable)',
    auth: managers,
    params: projectParams,
    query: z.object({
      format: z.enum(['jsonl', 'csv']).default('jsonl'),
      /** `true`: any bad line imports nothing (400 naming it). */
      strict: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
    body: z.string(),
    bodyFormat: 'ndjson',
    status: 201,
    response: importReportSchema,
  }),
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
  listResults: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/results',
    summary: "A project's submitted answers, oldest first, in pages",
    auth: managers,
    params: projectParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(500),
      after: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ results: z.array(resultSchema), nextAfter: z.int().nullable() }),
  }),
  getConsensus: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/consensus',
    summary: 'Per item: how many answers, how much the workers agree, and the aggregated answer',
    auth: managers,
    params: projectParams,
    query: z.object(page),
    response: z.object({ items: z.array(consensusItemSchema), nextAfter: z.int().nullable() }),
  }),
  exportProject: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/export',
    summary:
      'Accepted results as a file: COCO, YOLO (zip), Pascal VOC (zip) for images; WebVTT (zip), Common Voice TSV for audio; CSV, JSONL; Label Studio JSON for all',
    auth: managers,
    params: projectParams,
    query: z.object({ format: z.enum(EXPORT_FORMATS) }),
    responseFormat: 'binary',
    response: z.unknown(),
  }),
  projectImpact: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/impact',
    summary: 'The impact report for the client: workers and countries, hours, pay, help programme, training',
    auth: managers,
    params: projectParams,
    response: impactReportSchema,
  }),
  projectWorkers: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/workers',
    summary: "Each worker's figures in a project, with running honeypot accuracy (staff see their centre)",
    auth: staff,
    params: projectParams,
    response: z.object({ workers: z.array(workerStatsSchema) }),
  }),
  reviewQueue: endpoint({
    method: 'GET',
    path: '/v1/reviews',
    summary:
      'Submissions waiting for a verdict: a sample, failed honeypots, late work (a supervisor sees their centre)',
    auth: managers,
    query: z.object({
      projectId: idSchema.optional(),
      reason: z.enum(REVIEW_REASONS).optional(),
      ...page,
    }),
    response: z.object({ submissions: z.array(submissionDetailSchema), nextAfter: z.int().nullable() }),
  }),
  getSubmission: endpoint({
    method: 'GET',
    path: '/v1/submissions/:submissionId',
    summary: "One submission with its review: its worker, or staff of the worker's centre",
    auth: 'user',
    params: z.object({ submissionId: idSchema }),
    response: submissionDetailSchema,
  }),
  reviewSubmission: endpoint({
    method: 'POST',
    path: '/v1/submissions/:submissionId/verdict',
    summary:
      'Accept, reject with a reason, or correct (a new version; the original is kept); the worker learns it on sync',
    auth: managers,
    params: z.object({ submissionId: idSchema }),
    body: verdictRequestSchema,
    response: submissionDetailSchema,
    refusals: { 409: 'the submission already has its verdict (`conflict`)' },
  }),
  createCentre: endpoint({
    method: 'POST',
    path: '/v1/centres',
    summary: 'Add a partner centre',
    auth: admins,
    body: newCentreSchema,
    status: 201,
    response: centreSchema,
    refusals: { 409: 'a centre of that name exists (`conflict`)' },
  }),
  listCentres: endpoint({
    method: 'GET',
    path: '/v1/centres',
    summary: 'Partner centres (admins: all; others: their own)',
    auth: 'user',
    response: z.object({ centres: z.array(centreSchema) }),
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/v1/users',
    summary: 'Create an account (supervisors: HITers and trainers of their centre)',
    auth: managers,
    body: newAccountSchema,
    status: 201,
    response: accountSchema,
    refusals: { 409: 'the username is taken (`conflict`)' },
  }),
  listUsers: endpoint({
    method: 'GET',
    path: '/v1/users',
    summary: 'Accounts, in pages (admins: all; supervisors and trainers: their centre)',
    auth: staff,
    query: z.object({ centreId: idSchema.optional(), ...page }),
    response: z.object({ users: z.array(accountSchema), nextAfter: z.int().nullable() }),
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/v1/users/:userId',
    summary: 'One account: yourself, or (staff) one of your centre',
    auth: 'user',
    params: z.object({ userId: idSchema }),
    response: accountSchema,
  }),
  updateUser: endpoint({
    method: 'POST',
    path: '/v1/users/:userId',
    summary: "Change an account's name, skills or access (admins: also role and centre)",
    auth: managers,
    params: z.object({ userId: idSchema }),
    body: accountChangeSchema,
    response: accountSchema,
  }),
  workerBalances: endpoint({
    method: 'GET',
    path: '/v1/users/:userId/balances',
    summary: "A worker's pending, accepted and paid amounts: yourself, or staff of your centre",
    auth: 'user',
    params: z.object({ userId: idSchema }),
    response: balancesSchema,
  }),
  createPayout: endpoint({
    method: 'POST',
    path: '/v1/payouts',
    summary: 'Pay a worker everything accepted and not yet paid (recorded in the append-only ledger)',
    auth: admins,
    body: z.object({ workerId: idSchema }).strict(),
    status: 201,
    response: payoutSchema,
  }),
  recordTraining: endpoint({
    method: 'POST',
    path: '/v1/training-sessions',
    summary: 'Record a training session given to HITers of your centre (counted in impact reports)',
    auth: ['admin', 'trainer', 'supervisor'],
    body: newTrainingSchema,
    status: 201,
    response: trainingSchema,
  }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export const ENDPOINT_NAMES = Object.keys(endpoints) as EndpointName[];

type Out<T, Fallback> = T extends z.ZodType ? z.output<T> : Fallback;
type In<T, Fallback> = T extends z.ZodType ? z.input<T> : Fallback;
type Empty = Record<string, never>;

/** What a server handler receives, already validated. */
export type EndpointRequest<K extends EndpointName> = {
  params: Out<Endpoints[K] extends { params: infer P } ? P : undefined, Empty>;
  query: Out<Endpoints[K] extends { query: infer Q } ? Q : undefined, Empty>;
  body: Out<Endpoints[K] extends { body: infer B } ? B : undefined, undefined>;
};

/** What a client sends: only the parts the endpoint declares. */
export type EndpointInput<K extends EndpointName> = (Endpoints[K] extends { params: infer P }
  ? { params: In<P, never> }
  : unknown) &
  (Endpoints[K] extends { query: infer Q } ? { query?: In<Q, never> } : unknown) &
  (Endpoints[K] extends { body: infer B } ? { body: In<B, never> } : unknown);

export type EndpointResponse<K extends EndpointName> = z.output<Endpoints[K]['response']>;

/** Fills `:name` segments of a path; values are URL-encoded. */
export function endpointPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

export const SERVER_PROTOCOL = { current: PROTOCOL_VERSION, minimum: MINIMUM_PROTOCOL_VERSION } as const;
