import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import {
  audioRecordingConfigSchema,
  audioRecordingItemSchema,
  audioTranscriptionConfigSchema,
  audioTranscriptionItemSchema,
  audioValidationConfigSchema,
  audioValidationItemSchema,
} from './kinds/audio';
import { formConfigSchema, formItemSchema } from './kinds/form';
import { imageConfigSchema, imageItemSchema } from './kinds/image';
import { textModerationConfigSchema, textModerationItemSchema } from './kinds/text-moderation';

/** What a task carries whatever its kind. */
const leasedTaskBaseSchema = z.object({
  taskId: idSchema,
  itemId: idSchema,
  externalId: z.string().nullable(),
  projectId: idSchema,
  projectName: z.string(),
  instructions: z.string(),
  priceCents: z.int(),
  /** Fencing token: a submission names the lease it was made under. */
  leaseEpoch: z.int().min(1),
  leaseExpiresAt: isoDateTimeSchema,
});

/** A task as the queue hands it to a HITer: everything needed to do it offline. */
export const leasedTaskSchema = z.discriminatedUnion('kind', [
  leasedTaskBaseSchema.extend({ kind: z.literal('image'), config: imageConfigSchema, data: imageItemSchema }),
  leasedTaskBaseSchema.extend({
    kind: z.literal('audio_transcription'),
    config: audioTranscriptionConfigSchema,
    data: audioTranscriptionItemSchema,
  }),
  leasedTaskBaseSchema.extend({
    kind: z.literal('audio_recording'),
    config: audioRecordingConfigSchema,
    data: audioRecordingItemSchema,
  }),
  leasedTaskBaseSchema.extend({
    kind: z.literal('audio_validation'),
    config: audioValidationConfigSchema,
    data: audioValidationItemSchema,
  }),
  leasedTaskBaseSchema.extend({
    kind: z.literal('text_moderation'),
    config: textModerationConfigSchema,
    data: textModerationItemSchema,
  }),
  leasedTaskBaseSchema.extend({ kind: z.literal('form'), config: formConfigSchema, data: formItemSchema }),
]);
export type LeasedTask = z.infer<typeof leasedTaskSchema>;
