import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { textModerationConfigSchema, textModerationItemSchema } from './text-moderation';

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
  leasedTaskBaseSchema.extend({
    kind: z.literal('text_moderation'),
    config: textModerationConfigSchema,
    data: textModerationItemSchema,
  }),
]);
export type LeasedTask = z.infer<typeof leasedTaskSchema>;
