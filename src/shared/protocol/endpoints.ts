import { z } from 'zod';
import { idSchema, isoDateTimeSchema, type Role } from '../domain/common';
import { projectSchema, projectSpecSchema } from '../domain/project';
import { leasedTaskSchema } from '../domain/task';
import { passwordSchema, userSchema, usernameSchema } from '../domain/user';
import { MINIMUM_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version';

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
  /** `ndjson`: the body is raw text, one JSON value a line (imports). */
  bodyFormat?: 'json' | 'ndjson';
  status?: 200 | 201;
  response: z.ZodType;
};

function endpoint<const E extends EndpointSpec>(spec: E): E {
  return spec;
}

const projectParams = z.object({ projectId: idSchema });
const managers = ['admin', 'supervisor'] as const satisfies readonly Role[];

export const MAX_LEASE_BATCH = 50;

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

export const submissionRequestSchema = z
  .object({
    taskId: idSchema,
    leaseEpoch: z.int().min(1),
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

export const resultSchema = z.object({
  submissionId: idSchema,
  taskId: idSchema,
  itemId: idSchema,
  externalId: z.string().nullable(),
  worker: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  answer: z.unknown(),
  receivedAt: isoDateTimeSchema,
});

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
    summary: 'All projects, newest first',
    auth: managers,
    response: z.object({ projects: z.array(projectSchema) }),
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
    summary: 'Import items from JSONL in one transaction: a bad line imports nothing and is named',
    auth: managers,
    params: projectParams,
    body: z.string(),
    bodyFormat: 'ndjson',
    status: 201,
    response: z.object({ imported: z.int(), tasksCreated: z.int() }),
  }),
  leaseTasks: endpoint({
    method: 'POST',
    path: '/v1/leases',
    summary: 'Lease a batch of tasks to the signed-in worker',
    auth: 'user',
    body: z.object({ count: z.int().min(1).max(MAX_LEASE_BATCH), projectId: idSchema.optional() }).strict(),
    response: z.object({ tasks: z.array(leasedTaskSchema) }),
  }),
  submit: endpoint({
    method: 'POST',
    path: '/v1/submissions',
    summary: 'Submit an answer, exactly once per idempotency key',
    auth: 'user',
    body: submissionRequestSchema,
    response: submissionResponseSchema,
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
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

export const SERVER_PROTOCOL = { current: PROTOCOL_VERSION, minimum: MINIMUM_PROTOCOL_VERSION } as const;
