import { z } from 'zod';
import { isoDateTimeSchema, localeSchema, roleSchema } from '../domain/common';
import { leasedTaskSchema } from '../domain/task';
import { taskKindSchema } from '../domain/task-kinds';
import { MAX_LEASE_BATCH } from '../protocol/endpoints';
import { bridgeErrorCodeSchema } from './errors';
import type { BridgeCallName, BridgeEventName } from './names';

/** What the renderer may ask of main. Input and output schemas; main validates every input. */
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.undefined();

export const settingsSchema = z.object({
  serverUrl: z.string().nullable(),
  locale: localeSchema.nullable(),
  /** True once the embedded demo queue runs in this process. */
  demoRunning: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const sessionSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  serverUrl: z.string(),
  /** Signed in with the local verifier while the server was out of reach. */
  offline: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Where a task stands on this laptop. */
export const TASK_STATES = ['todo', 'draft', 'pending', 'accepted', 'superseded', 'refused'] as const;
export const taskStateSchema = z.enum(TASK_STATES);
export type TaskState = z.infer<typeof taskStateSchema>;

export const taskSummarySchema = z.object({
  taskId: z.string(),
  kind: taskKindSchema,
  projectName: z.string(),
  state: taskStateSchema,
  /** A short excerpt to recognise the task in the inbox. */
  preview: z.string(),
  updatedAt: isoDateTimeSchema,
  leaseExpiresAt: isoDateTimeSchema,
  /** Why the server refused or flagged the answer, in its words. */
  serverMessage: z.string().nullable(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskDetailSchema = z.object({
  summary: taskSummarySchema,
  task: leasedTaskSchema,
  draft: z.unknown().nullable(),
  answer: z.unknown().nullable(),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const syncStatusSchema = z.object({
  /** null until the first attempt to reach the server. */
  online: z.boolean().nullable(),
  syncing: z.boolean(),
  pendingCount: z.int().min(0),
  lastSyncAt: isoDateTimeSchema.nullable(),
  lastError: z.object({ code: bridgeErrorCodeSchema, message: z.string(), at: isoDateTimeSchema }).nullable(),
  nextRetryAt: isoDateTimeSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const bridgeCalls = {
  'app.info': call(
    none,
    z.object({ version: z.string(), mode: z.enum(['electron', 'browser']), platform: z.string() }),
  ),
  'settings.get': call(none, settingsSchema),
  'settings.update': call(
    z
      .object({
        serverUrl: z
          .url({ protocol: /^https?$/ })
          .nullable()
          .optional(),
        locale: localeSchema.optional(),
      })
      .strict(),
    settingsSchema,
  ),
  'demo.start': call(none, z.object({ serverUrl: z.string(), username: z.string(), password: z.string() })),
  'session.get': call(none, sessionSchema.nullable()),
  'session.signIn': call(
    z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    sessionSchema,
  ),
  'session.signOut': call(none, z.null()),
  'profiles.list': call(
    none,
    z.array(z.object({ username: z.string(), displayName: z.string(), serverUrl: z.string() })),
  ),
  'tasks.list': call(none, z.array(taskSummarySchema)),
  'tasks.open': call(z.object({ taskId: z.string() }).strict(), taskDetailSchema),
  'tasks.saveDraft': call(
    z.object({ taskId: z.string(), draft: z.unknown() }).strict(),
    z.object({ savedAt: isoDateTimeSchema }),
  ),
  'tasks.submit': call(z.object({ taskId: z.string(), answer: z.unknown() }).strict(), taskSummarySchema),
  'batch.take': call(
    z.object({ count: z.int().min(1).max(MAX_LEASE_BATCH), projectId: z.string().optional() }).strict(),
    z.object({ taken: z.int(), tasks: z.array(taskSummarySchema) }),
  ),
  'sync.status': call(none, syncStatusSchema),
  'sync.now': call(none, syncStatusSchema),
} as const satisfies Record<BridgeCallName, { input: z.ZodType; output: z.ZodType }>;

/** What main pushes to the renderer. */
export const bridgeEvents = {
  'sync.status': syncStatusSchema,
  'tasks.changed': z.object({ taskIds: z.array(z.string()) }),
  'session.changed': sessionSchema.nullable(),
} as const satisfies Record<BridgeEventName, z.ZodType>;

export type BridgeCalls = typeof bridgeCalls;
export type CallInput<K extends BridgeCallName> = z.input<BridgeCalls[K]['input']>;
export type CallOutput<K extends BridgeCallName> = z.output<BridgeCalls[K]['output']>;
export type EventPayload<E extends BridgeEventName> = z.output<(typeof bridgeEvents)[E]>;

/** Main's side of the contract: one handler per call, given validated input. */
export type BridgeHandlers = {
  [K in BridgeCallName]: (input: z.output<BridgeCalls[K]['input']>) => Promise<CallOutput<K>>;
};

/** How main pushes events, whatever the transport. */
export type BridgeEmitter = <E extends BridgeEventName>(event: E, payload: EventPayload<E>) => void;
