import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema, roleSchema } from '../domain/common';
import { countryCodeSchema } from '../domain/project';
import { passwordSchema, usernameSchema, userSchema } from '../domain/user';

/** A partner centre: where HITers work, in one country. */
export const centreSchema = z.object({
  id: idSchema,
  name: z.string(),
  country: z.string(),
  createdAt: isoDateTimeSchema,
});
export type Centre = z.infer<typeof centreSchema>;

export const newCentreSchema = z
  .object({ name: z.string().trim().min(1).max(200), country: countryCodeSchema })
  .strict();

/** An account as staff see it: the user, their centre, skills and whether they may sign in. */
export const accountSchema = userSchema.extend({
  centreId: idSchema.nullable(),
  country: z.string().nullable(),
  skills: z.array(z.string()),
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const newAccountSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    displayName: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.default('hitter'),
    /** Supervisors create accounts in their own centre only; admins anywhere. */
    centreId: idSchema.optional(),
    skills: z.array(codeSchema).max(50).default([]),
  })
  .strict();

/** What staff may change on an account; only admins change a role or a centre. */
export const accountChangeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    skills: z.array(codeSchema).max(50).optional(),
    active: z.boolean().optional(),
    role: roleSchema.optional(),
    centreId: idSchema.nullable().optional(),
  })
  .strict();

/** A training session a trainer gave, counted in the impact report. */
export const newTrainingSchema = z
  .object({
    projectId: idSchema.optional(),
    heldOn: z.iso.date(),
    hours: z.number().positive().max(24),
    attendees: z.int().min(1).max(1000),
    topic: z.string().trim().min(1).max(500),
  })
  .strict();

export const trainingSchema = newTrainingSchema.extend({
  id: idSchema,
  trainerId: idSchema,
  centreId: idSchema.nullable(),
  projectId: idSchema.nullable(),
});

/** Paying a worker what was accepted: everything accepted and not yet paid. */
export const payoutSchema = z.object({
  payoutId: idSchema,
  workerId: idSchema,
  amountCents: z.int(),
  currency: z.string().length(3),
  submissions: z.int(),
});

/** A worker's running figures in one project, honeypot accuracy among them. */
export const workerStatsSchema = z.object({
  workerId: idSchema,
  username: z.string(),
  centreId: idSchema.nullable(),
  tasksLeased: z.int(),
  submitted: z.int(),
  accepted: z.int(),
  rejected: z.int(),
  honeypotsScored: z.int(),
  honeypotsPassed: z.int(),
  /** Mean honeypot score, 0..1; null before the first honeypot. */
  accuracy: z.number().nullable(),
});
