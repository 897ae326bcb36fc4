import { createHash, randomBytes } from 'node:crypto';

/** How long a bearer token lives: long enough for a HITer to work offline for days between syncs. */
export const TOKEN_LIFETIME_DAYS = 14;

/** 32 random bytes, base64url: what the client holds. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the server stores and looks up: the token's sha256 (hex). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null when absent or malformed. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
