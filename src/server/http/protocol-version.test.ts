import { describe, expect, it } from 'vitest';
import { MINIMUM_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { ApiError } from '../errors';
import { checkProtocolHeader } from './protocol-version';

function codeOf(value: string | undefined): string | null {
  try {
    checkProtocolHeader(value);
    return null;
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code}` : 'unexpected';
  }
}

describe('checkProtocolHeader', () => {
  it('accepts no header and every version between the minimum and the current one', () => {
    expect(codeOf(undefined)).toBeNull();
    for (let version = MINIMUM_PROTOCOL_VERSION; version <= PROTOCOL_VERSION; version++) {
      expect(codeOf(String(version))).toBeNull();
    }
  });

  it('tells an old client to update and a new client that the server is old', () => {
    expect(codeOf(String(MINIMUM_PROTOCOL_VERSION - 1))).toBe('426 client_too_old');
    expect(codeOf(String(PROTOCOL_VERSION + 1))).toBe('400 server_too_old');
  });

  it('refuses a header that is not a whole number', () => {
    expect(codeOf('1.5')).toBe('400 invalid_input');
    expect(codeOf('')).toBe('400 invalid_input');
  });
});
