import type { z } from 'zod';
import type { Role } from '../../shared/domain/common';
import type { User } from '../../shared/domain/user';
import type { signInResponseSchema } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import { ApiError } from '../errors';
import { userOf, type UserRow } from '../queue/users';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { hashToken, newToken, TOKEN_LIFETIME_DAYS } from './tokens';

const BAD_CREDENTIALS = 'wrong username or password';

/** Checks the password and opens a session. Unknown user and wrong password answer the same. */
export async function signIn(
  db: Db,
  username: string,
  password: string,
): Promise<z.infer<typeof signInResponseSchema>> {
  const rows = await db.query<UserRow & { password_hash: string }>(
    'SELECT id, username, display_name, role, password_hash FROM users WHERE username = $1',
    [username],
  );
  const row = rows[0];
  const ok = row ? await verifyPassword(password, row.password_hash) : await verifyAgainstDummy(password);
  if (!row || !ok) throw new ApiError(401, 'bad_credentials', BAD_CREDENTIALS);

  const token = newToken();
  const [session] = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, expires_at)
     VALUES ($1, $2, now() + make_interval(days => $3))
     RETURNING expires_at`,
    [hashToken(token), row.id, TOKEN_LIFETIME_DAYS],
  );
  if (!session) throw new Error('session insert returned no row');
  return { token, expiresAt: isoOf(session.expires_at), user: userOf(row) };
}

export type Authenticated = { user: User; tokenHash: string };

/** Resolves a bearer token to its user: unknown → `unauthenticated`, expired or revoked → `token_expired`. */
export async function authenticate(db: Db, token: string | null): Promise<Authenticated> {
  if (!token) {
    throw new ApiError(
      401,
      'unauthenticated',
      'sign in first: this endpoint needs an Authorization: Bearer token',
    );
  }
  const tokenHash = hashToken(token);
  const rows = await db.query<UserRow & { live: boolean }>(
    `SELECT u.id, u.username, u.display_name, u.role,
            (s.revoked_at IS NULL AND s.expires_at > now()) AS live
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row)
    throw new ApiError(401, 'unauthenticated', 'this token is not known to this server: sign in again');
  if (!row.live) throw new ApiError(401, 'token_expired', 'this session has ended: sign in again');
  return { user: userOf(row), tokenHash };
}

export function requireRole(user: User, allowed: readonly Role[]): void {
  if (!allowed.includes(user.role)) {
    throw new ApiError(403, 'forbidden', `this needs the role ${allowed.join(' or ')}; you are ${user.role}`);
  }
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
}
