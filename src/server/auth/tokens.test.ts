import { describe, expect, it } from 'vitest';
import { bearerTokenOf, hashToken, newToken } from './tokens';

describe('bearer tokens', () => {
  it('are 32 random bytes in base64url, hashed with sha256', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).not.toBe(newToken());
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are read from an Authorization header', () => {
    const token = newToken();
    expect(bearerTokenOf(`Bearer ${token}`)).toBe(token);
    expect(bearerTokenOf(`bearer   ${token}`)).toBe(token);
    expect(bearerTokenOf(undefined)).toBeNull();
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerTokenOf('Bearer')).toBeNull();
    expect(bearerTokenOf(`Bearer ${token} extra`)).toBeNull();
  });
});
