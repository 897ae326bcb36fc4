import { describe, expect, it } from 'vitest';
import { checkVerifier, createVerifier } from './verifier';

// scrypt is slow on purpose, the more so on a busy machine.
describe('offline verifier', { timeout: 30_000 }, () => {
  it('matches the password it was made from, and only that one', async () => {
    const verifier = await createVerifier('correct horse');
    expect(await checkVerifier('correct horse', verifier)).toBe(true);
    expect(await checkVerifier('correct horsE', verifier)).toBe(false);
    expect(await checkVerifier('', verifier)).toBe(false);
  });

  it('never contains the password and uses a fresh salt each time', async () => {
    const a = await createVerifier('correct horse');
    const b = await createVerifier('correct horse');
    expect(a).not.toContain('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const verifier = await createVerifier('café\u0301'.normalize('NFC'));
    expect(await checkVerifier('café\u0301'.normalize('NFD'), verifier)).toBe(true);
  });

  it('rejects malformed or tampered verifiers without throwing', async () => {
    const verifier = await createVerifier('correct horse');
    const parts = verifier.split('$');
    const tampered = [
      'plain-text',
      '',
      parts.slice(0, 5).join('$'),
      ['bcrypt', ...parts.slice(1)].join('$'),
      ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'),
      ['scrypt', '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 4), Buffer.from('other-salt-16byt').toString('base64'), parts[5]].join('$'),
    ];
    for (const bad of tampered) {
      expect(await checkVerifier('correct horse', bad)).toBe(false);
    }
  });
});
