import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
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
});
export type Project = z.infer<typeof projectSchema>;

/** One line of a JSONL import: the item's data, and the client's own id for it. */
export const importLineSchema = z
  .object({
    id: z.string().trim().min(1).max(200).optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
