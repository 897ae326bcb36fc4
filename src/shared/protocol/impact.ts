import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../domain/common';

/** What a client learns about the people behind their project. */
export const impactReportSchema = z.object({
  projectId: idSchema,
  projectName: z.string(),
  generatedAt: isoDateTimeSchema,
  currency: z.string().length(3),
  /** People who had work accepted in the project. */
  workers: z.int(),
  /** Those workers by the country of their partner centre (`unknown` without one). */
  countries: z.array(z.object({ country: z.string(), workers: z.int() })),
  tasksAccepted: z.int(),
  /** Time spent on accepted tasks, as the workstations measured it. */
  activeHours: z.number(),
  /** Accepted or paid to workers, and paid out already. */
  paidToWorkersCents: z.int(),
  paidOutCents: z.int(),
  helpProgrammeCents: z.int(),
  platformCents: z.int(),
  /** Training trainers gave for the project (hours × attendees counted as person-hours). */
  trainingHours: z.number(),
  trainingPersonHours: z.number(),
});
export type ImpactReport = z.infer<typeof impactReportSchema>;
