import { ApiError } from '../errors';

/** How many more failures an address may have than a username. */
export const ADDRESS_FACTOR = 20;

/**
 * A fixed-window counter of failed sign-ins per key, in memory: after `attempts` failures in
 * `windowSeconds` a username is refused until the window ends. A client address gets
 * `ADDRESS_FACTOR` times more, because a whole partner centre signs in from one address and one
 * HITer's typos must not lock out the room. It holds per server process; a deployment running
 * several puts a limit at its proxy too.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();
  private readonly attempts: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(attempts: number, windowSeconds: number, now: () => number = Date.now) {
    this.attempts = attempts;
    this.windowMs = windowSeconds * 1000;
    this.now = now;
  }

  /** Throws 429 `rate_limited` when any of the keys has used up its attempts. */
  check(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (entry.resetAt <= now) {
        this.failures.delete(key);
        continue;
      }
      if (entry.count >= this.limitOf(key)) {
        const seconds = Math.ceil((entry.resetAt - now) / 1000);
        throw Object.assign(
          new ApiError(429, 'rate_limited', `too many failed sign-ins: try again in ${seconds} s`),
          { retryAfterSeconds: seconds },
        );
      }
    }
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.now();
    if (this.failures.size > 100_000) this.prune(now);
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
      else entry.count += 1;
    }
  }

  /** A good sign-in clears its username (not the address, shared by a whole partner centre). */
  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private limitOf(key: string): number {
    return key.startsWith('ip:') ? this.attempts * ADDRESS_FACTOR : this.attempts;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}
