import { z } from 'zod';
import { isoDateTimeSchema, localeSchema, localizedTextSchema, roleSchema } from '../domain/common';
import { sha256Schema, waveformPeaksSchema } from '../domain/media';
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
  /** Signed in with the local verifier while the server was out of reach (until the queue takes work again). */
  offline: z.boolean(),
  /**
   * The queue will not take this session's work (no token kept, or the queue refused it): nothing
   * can be sent until the HITer signs in again online. Their work stays safe on the laptop.
   */
  needsSignIn: z.boolean().optional(),
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
  /** The reason as a code the app says in the HITer's language (`superseded`, a queue error code); null if unknown. */
  serverCode: z.string().nullable().optional(),
  /** Tasks with media files: how many are on this laptop; the task is ready once all are. */
  media: z
    .object({
      files: z.int().min(0),
      ready: z.int().min(0),
      bytes: z.int().min(0),
      readyBytes: z.int().min(0),
    })
    .optional(),
  /** The queue said this lease passed to someone else; an answer is still kept (late work). */
  leaseLost: z.boolean().optional(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskDetailSchema = z.object({
  summary: taskSummarySchema,
  task: leasedTaskSchema,
  draft: z.unknown().nullable(),
  answer: z.unknown().nullable(),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const transferSchema = z.object({ bytes: z.int().min(0), doneBytes: z.int().min(0) });

export const syncStatusSchema = z.object({
  /** null until the first attempt to reach the server. */
  online: z.boolean().nullable(),
  syncing: z.boolean(),
  pendingCount: z.int().min(0),
  lastSyncAt: isoDateTimeSchema.nullable(),
  lastError: z.object({ code: bridgeErrorCodeSchema, message: z.string(), at: isoDateTimeSchema }).nullable(),
  nextRetryAt: isoDateTimeSchema.nullable(),
  /** Media of the open tasks: bytes and tasks on this laptop out of those needed. */
  download: transferSchema
    .extend({ tasks: z.int().min(0), tasksReady: z.int().min(0), failed: z.int().min(0) })
    .optional(),
  /** Files made here (recordings) that answers waiting to be sent need on the queue first. */
  upload: transferSchema.optional(),
  /** Answers the queue refused, or that someone else finished first (kept here, shown to the HITer). */
  refusedCount: z.int().min(0).optional(),
  supersededCount: z.int().min(0).optional(),
  /** The profile's media cache against its budget (the budget shrinks with the free disk space). */
  storage: z.object({ usedBytes: z.int().min(0), budgetBytes: z.int().min(0) }).optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** One line of "My work": a submitted task with what the queue said about it and what it pays. */
export const workItemSchema = z.object({
  taskId: z.string(),
  kind: taskKindSchema,
  projectName: z.string(),
  preview: z.string(),
  state: taskStateSchema,
  submittedAt: isoDateTimeSchema,
  serverMessage: z.string().nullable(),
  serverCode: z.string().nullable().optional(),
  verdict: z
    .object({
      verdict: z.enum(['accepted', 'rejected', 'corrected']),
      reason: z.string().nullable(),
      /** The reason as the project names it, when the project lists it. */
      reasonLabel: localizedTextSchema.nullable(),
      comment: z.string().nullable(),
      at: isoDateTimeSchema,
    })
    .nullable(),
  honeypot: z.object({ score: z.number(), passed: z.boolean(), at: isoDateTimeSchema }).nullable(),
  earning: z
    .object({
      amountCents: z.int(),
      currency: z.string(),
      status: z.enum(['pending', 'accepted', 'paid', 'cancelled']),
    })
    .nullable(),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const workHistorySchema = z.object({
  items: z.array(workItemSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.string().nullable(),
  /** As the queue last reported them; null before the first feedback sync. */
  balances: z
    .object({
      currency: z.string(),
      pendingCents: z.int(),
      acceptedCents: z.int(),
      paidCents: z.int(),
      at: isoDateTimeSchema,
    })
    .nullable(),
  /** Verdicts, honeypot results and earnings not yet seen on this screen. */
  unseen: z.int().min(0),
});
export type WorkHistory = z.infer<typeof workHistorySchema>;

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
  /** Stores a file made here (a recording) in the profile's media, servable at `/media/<sha256>`. */
  'media.store': call(
    z.object({ mime: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/), base64: z.string().min(1) }).strict(),
    z.object({ sha256: z.string(), bytes: z.int().min(0) }),
  ),
  /**
   * Waveform peaks of an audio file this profile holds that came without precomputed peaks (a
   * local recording, say), worked out in main off its event loop; null when it is not a WAV.
   */
  'media.peaks': call(
    z.object({ sha256: sha256Schema }).strict(),
    z.object({ peaks: waveformPeaksSchema.nullable() }),
  ),
  /** The task that was open when the app last stopped (crash, power cut), if it can still be worked on. */
  'tasks.resume': call(none, z.object({ taskId: z.string().nullable() })),
  /** The HITer left the task for the inbox: the app no longer reopens on it. */
  'tasks.leave': call(z.object({ taskId: z.string() }).strict(), z.null()),
  /** "My work": submitted tasks, newest first, with verdicts, honeypot results and pay. */
  'work.history': call(
    z
      .object({ limit: z.int().min(1).max(200).optional(), before: z.string().max(200).optional() })
      .strict()
      .optional(),
    workHistorySchema,
  ),
  /** The HITer has seen the feedback shown: `unseen` goes back to 0. */
  'work.seen': call(none, z.null()),
} as const satisfies Record<BridgeCallName, { input: z.ZodType; output: z.ZodType }>;

/** What main pushes to the renderer. */
export const bridgeEvents = {
  'sync.status': syncStatusSchema,
  'tasks.changed': z.object({ taskIds: z.array(z.string()) }),
  'session.changed': sessionSchema.nullable(),
  /** New feedback (verdicts, honeypot results, earnings) arrived from the queue. */
  'work.changed': z.object({ unseen: z.int().min(0) }),
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
