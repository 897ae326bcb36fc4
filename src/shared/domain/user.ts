import { z } from 'zod';
import { idSchema, roleSchema } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'use 2–64 letters, digits, dot, dash or underscore');

export const passwordSchema = z.string().min(8, 'at least 8 characters').max(256);

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;
