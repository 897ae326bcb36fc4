import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema } from './common';
import { taskKindSchema } from './task-kinds';
import {
  audioRecordingConfigSchema,
  audioTranscriptionConfigSchema,
  audioValidationConfigSchema,
} from './kinds/audio';
import { formConfigSchema } from './kinds/form';
import { imageConfigSchema } from './kinds/image';
import { textModerationConfigSchema } from './kinds/text-moderation';

const DAY = 86_400;

/** A country as ISO 3166-1 alpha-2 (TG, KM, VE, MY, FR). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'a country code such as TG or FR');

/** Where a project's data may be held: these countries and these partner centres. Both empty: anywhere. */
export const residencySchema = z
  .object({
    countries: z.array(countryCodeSchema).max(250).default([]),
    centreIds: z.array(idSchema).max(1000).default([]),
  })
  .strict();
export type Residency = z.infer<typeof residencySchema>;

/** What every project has, whatever its kind. */
const projectSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** Markdown shown beside every task. */
  instructions: z.string().max(50_000).default(''),
  /** Price of one task, in cents of the project's currency. */
  priceCents: z.int().min(0).max(1_000_000).default(0),
  /** How many answers are wanted per item. */
  overlap: z.int().min(1).max(10).default(1),
  /** How long a HITer holds a task; long, because HITers work offline for hours. */
  leaseSeconds: z
    .int()
    .min(300)
    .max(30 * DAY)
    .default(3 * DAY),
  /** Share of a batch that is honeypots (gold items scored on submission), 0 to 0.5. */
  honeypotRate: z.number().min(0).max(0.5).default(0),
  /** A honeypot answer scoring at least this (0..1) passes. */
  honeypotPassScore: z.number().min(0).max(1).default(0.8),
  /** Share of submissions sampled into a supervisor's review queue. */
  reviewRate: z.number().min(0).max(1).default(0.1),
  /** Work in the review queue that nobody reviews is accepted after this many hours. */
  autoAcceptHours: z
    .int()
    .min(0)
    .max(90 * 24)
    .default(72),
  /** Skills a worker needs to be given the project's tasks. */
  requiredSkills: z.array(codeSchema).max(20).default([]),
  residency: residencySchema.default({ countries: [], centreIds: [] }),
});

/** A project as a client or admin creates it; the config is checked against its kind. */
export const projectSpecSchema = z.discriminatedUnion('kind', [
  projectSettingsSchema.extend({ kind: z.literal('image'), config: imageConfigSchema }).strict(),
  projectSettingsSchema
    .extend({ kind: z.literal('audio_transcription'), config: audioTranscriptionConfigSchema })
    .strict(),
  projectSettingsSchema
    .extend({ kind: z.literal('audio_recording'), config: audioRecordingConfigSchema })
    .strict(),
  projectSettingsSchema
    .extend({ kind: z.literal('audio_validation'), config: audioValidationConfigSchema })
    .strict(),
  projectSettingsSchema
    .extend({ kind: z.literal('text_moderation'), config: textModerationConfigSchema })
    .strict(),
  projectSettingsSchema.extend({ kind: z.literal('form'), config: formConfigSchema }).strict(),
]);
export type ProjectSpec = z.infer<typeof projectSpecSchema>;
export type ProjectSpecInput = z.input<typeof projectSpecSchema>;

export const projectSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: taskKindSchema,
  config: z.unknown(),
  instructions: z.string(),
  priceCents: z.int(),
  overlap: z.int(),
  leaseSeconds: z.int(),
  createdAt: isoDateTimeSchema,
  itemCount: z.int(),
  taskCount: z.int(),
  doneCount: z.int(),
  honeypotRate: z.number(),
  honeypotPassScore: z.number(),
  reviewRate: z.number(),
  autoAcceptHours: z.int(),
  requiredSkills: z.array(z.string()),
  residency: z.object({ countries: z.array(z.string()), centreIds: z.array(idSchema) }),
  /** Items with a gold answer (honeypots). */
  goldCount: z.int(),
});
export type Project = z.infer<typeof projectSchema>;

/**
 * One line of a JSONL import: the item's data, the client's own id for it (which makes a re-run
 * skip it), and for honeypots the gold answer, checked like any answer of the kind.
 */
export const importLineSchema = z
  .object({
    id: z.string().trim().min(1).max(200).optional(),
    data: z.record(z.string(), z.unknown()),
    gold: z.unknown().optional(),
  })
  .strict();
