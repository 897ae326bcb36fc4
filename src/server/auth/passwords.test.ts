import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';

describe('password hashing (scrypt)', () => {
  it('encodes the cost, a 16-byte salt and the key', async () => {
    const encoded = await hashPassword('correct horse battery');
    const [scheme, n, r, p, salt, key] = encoded.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(encoded).not.toContain('correct horse');
  });

  it('verifies the right password and refuses others', async () => {
    const encoded = await hashPassword('Tsévié-2026');
    expect(await verifyPassword('Tsévié-2026', encoded)).toBe(true);
    expect(await verifyPassword('tsévié-2026', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const encoded = await hashPassword('Comores\u00e9');
    expect(await verifyPassword('Comorese\u0301', encoded)).toBe(true);
  });

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(first).not.toBe(second);
  });

  it('refuses unreadable or tampered hashes instead of throwing', async () => {
    const encoded = await hashPassword('secret-pass');
    expect(await verifyPassword('secret-pass', 'not a hash')).toBe(false);
    expect(await verifyPassword('secret-pass', encoded.replace('$32768$', '$1000$'))).toBe(false); // N not a power of 2
    expect(await verifyPassword('secret-pass', encoded.replace('$32768$', '$1073741824$'))).toBe(false); // too costly
    expect(await verifyPassword('secret-pass', encoded.replace(/\$[^$]+$/, '$AAAA'))).toBe(false);
  });

  it('fails the dummy check that stands in for unknown users', async () => {
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});
