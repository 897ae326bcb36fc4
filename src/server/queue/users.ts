import { z } from 'zod';
import { codeSchema, roleSchema, type Role } from '../../shared/domain/common';
import { passwordSchema, usernameSchema, type User } from '../../shared/domain/user';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/db';
import { isUniqueViolation } from '../db/db';
import { ApiError, invalidInputFromZod } from '../errors';

export type UserRow = { id: string; username: string; display_name: string; role: Role };

export function userOf(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

export const newUserSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    displayName: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.default('hitter'),
    centreId: z.uuid().nullable().optional(),
    skills: z.array(codeSchema).max(50).optional(),
  })
  .strict();
export type NewUser = z.input<typeof newUserSchema>;

/** Creates an account (a HITer unless another role is given). A taken username is a 409 `conflict`. */
export async function createUser(db: Db, input: NewUser): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInputFromZod(parsed.error);
  const { username, password, displayName, role, centreId, skills } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const [row] = await db.query<UserRow>(
      `INSERT INTO users (username, display_name, role, password_hash, centre_id, skills)
       VALUES ($1, $2, $3, $4, $5, $6::text[])
       RETURNING id, username, display_name, role`,
      [username, displayName ?? username, role, passwordHash, centreId ?? null, skills ?? []],
    );
    if (!row) throw new Error('user insert returned no row');
    return userOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, 'conflict', `the username "${username}" is already taken`, {
        field: 'username',
      });
    }
    if ((error as { code?: string }).code === '23503') {
      throw new ApiError(400, 'invalid_input', `centreId: no partner centre with id ${centreId ?? ''}`, {
        field: 'centreId',
      });
    }
    throw error;
  }
}

export async function findUserByUsername(db: Db, username: string): Promise<User | null> {
  const rows = await db.query<UserRow>(
    'SELECT id, username, display_name, role FROM users WHERE username = $1',
    [username.trim().toLowerCase()],
  );
  return rows[0] ? userOf(rows[0]) : null;
}
