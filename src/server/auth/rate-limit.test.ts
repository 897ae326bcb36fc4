import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { ADDRESS_FACTOR, SignInLimiter } from './rate-limit';

describe('SignInLimiter', () => {
  it('refuses a username after its failures until the window ends, and forgets it on success', () => {
    let now = 0;
    const limiter = new SignInLimiter(3, 60, () => now);
    const keys = ['user:awa', 'ip:10.0.0.1'];
    for (let i = 0; i < 3; i += 1) {
      limiter.check(keys);
      limiter.recordFailure(keys);
    }
    expect(() => limiter.check(keys)).toThrow(ApiError);
    try {
      limiter.check(keys);
    } catch (error) {
      expect((error as ApiError).status).toBe(429);
      expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBe(60);
    }
    expect(() => limiter.check(['user:kofi', 'ip:10.0.0.1'])).not.toThrow(); // the room is not locked out
    now += 60_001;
    expect(() => limiter.check(keys)).not.toThrow();
    limiter.recordFailure(keys);
    limiter.recordSuccess('user:awa');
    expect(() => limiter.check(['user:awa'])).not.toThrow();
  });

  it('gives an address more attempts than a username', () => {
    const limiter = new SignInLimiter(2, 60, () => 0);
    for (let i = 0; i < 2 * ADDRESS_FACTOR - 1; i += 1) limiter.recordFailure([`user:u${i}`, 'ip:10.0.0.2']);
    expect(() => limiter.check(['ip:10.0.0.2'])).not.toThrow();
    limiter.recordFailure(['ip:10.0.0.2']);
    expect(() => limiter.check(['ip:10.0.0.2'])).toThrow(/too many failed sign-ins/);
  });
});
