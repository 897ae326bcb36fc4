import type { z } from 'zod';
import type { Role } from '../../shared/domain/common';
import type { User } from '../../shared/domain/user';
import type { signInResponseSchema } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import { isoOf } from '../db/db';
import { ApiError } from '../errors';
import { userOf, type UserRow } from '../queue/users';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import type { Viewer } from './policy';
import type { SignInLimiter } from './rate-limit';
import { hashToken, newToken, TOKEN_LIFETIME_DAYS } from './tokens';

const BAD_CREDENTIALS = 'wrong username or password';

/**
 * Checks the password and opens a session. Unknown user and wrong password answer the same (and
 * cost the same time); repeated failures per username and per address are refused for a while.
 */
export async function signIn(
  db: Db,
  username: string,
  password: string,
  guard?: { limiter: SignInLimiter; ip: string },
): Promise<z.infer<typeof signInResponseSchema>> {
  const keys = [`user:${username}`, `ip:${guard?.ip ?? ''}`];
  guard?.limiter.check(keys);
  const rows = await db.query<UserRow & { password_hash: string; active: boolean }>(
    'SELECT id, username, display_name, role, password_hash, active FROM users WHERE username = $1',
    [username],
  );
  const row = rows[0];
  const ok = row ? await verifyPassword(password, row.password_hash) : await verifyAgainstDummy(password);
  if (!row || !ok) {
    guard?.limiter.recordFailure(keys);
    throw new ApiError(401, 'bad_credentials', BAD_CREDENTIALS);
  }
  guard?.limiter.recordSuccess(keys[0] as string);
  if (!row.active) throw new ApiError(403, 'forbidden', 'this account is disabled: ask your supervisor');

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

export type Authenticated = { user: User; tokenHash: string; viewer: Viewer };

type SessionRow = UserRow & {
  live: boolean;
  active: boolean;
  expires_at: Date;
  centre_id: string | null;
  country: string | null;
};

/**
 * Sessions recently checked, kept for a few seconds so that a busy worker's every request does not
 * cost a lookup. Signing out, and any change to an account, drop its entries at once on this
 * server; another server process sees a change within the TTL.
 */
export class SessionCache {
  private readonly entries = new Map<string, { auth: Authenticated; until: number }>();
  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 50_000,
  ) {}

  get(tokenHash: string): Authenticated | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.auth;
  }

  set(auth: Authenticated, sessionExpiresAt: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(auth.tokenHash, { auth, until: Math.min(Date.now() + this.ttlMs, sessionExpiresAt) });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.auth.user.id === userId) this.entries.delete(key);
  }
}

/** Resolves a bearer token to its user: unknown → `unauthenticated`, expired or revoked → `token_expired`. */
export async function authenticate(
  db: Db,
  token: string | null,
  cache?: SessionCache,
): Promise<Authenticated> {
  if (!token) {
    throw new ApiError(
      401,
      'unauthenticated',
      'sign in first: this endpoint needs an Authorization: Bearer token',
    );
  }
  const tokenHash = hashToken(token);
  const cached = cache?.get(tokenHash);
  if (cached) return cached;
  const rows = await db.query<SessionRow>(
    `SELECT u.id, u.username, u.display_name, u.role, u.active, u.centre_id, c.country, s.expires_at,
            (s.revoked_at IS NULL AND s.expires_at > now()) AS live
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN centres c ON c.id = u.centre_id
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row)
    throw new ApiError(401, 'unauthenticated', 'this token is not known to this server: sign in again');
  if (!row.live) throw new ApiError(401, 'token_expired', 'this session has ended: sign in again');
  if (!row.active) throw new ApiError(401, 'token_expired', 'this account is disabled: ask your supervisor');
  const auth: Authenticated = {
    user: userOf(row),
    tokenHash,
    viewer: { id: row.id, role: row.role, centreId: row.centre_id, country: row.country },
  };
  cache?.set(auth, row.expires_at.getTime());
  return auth;
}

export function requireRole(user: User, allowed: readonly Role[]): void {
  if (!allowed.includes(user.role)) {
    throw new ApiError(403, 'forbidden', `this needs the role ${allowed.join(' or ')}; you are ${user.role}`);
  }
}

export async function revokeSession(db: Db, tokenHash: string, cache?: SessionCache): Promise<void> {
  cache?.forget(tokenHash);
  await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
}
