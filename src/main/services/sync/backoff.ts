export type SyncTimings = {
  /** The first retry waits up to this long. */
  baseDelayMs: number;
  /** No retry waits longer than this. */
  maxDelayMs: number;
  /** Between passes when all is well. */
  idleIntervalMs: number;
  /** Any single request gives up after this long. */
  requestTimeoutMs: number;
  /** Leases are renewed at most this often while online. */
  renewIntervalMs: number;
  /** A download that receives nothing for this long is cut (it resumes on the next pass). */
  stallTimeoutMs: number;
  /** Answers per batch sent to the queue (SUBMIT_BATCH unless a test wants more requests). */
  submitBatch?: number;
};

export const DEFAULT_SYNC_TIMINGS: SyncTimings = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  idleIntervalMs: 30_000,
  requestTimeoutMs: 15_000,
  renewIntervalMs: 15 * 60_000,
  stallTimeoutMs: 30_000,
};

/**
 * Exponential backoff with full jitter: a uniformly random wait below `min(max, base·2^attempt)`,
 * so laptops that lost the network together do not all come back at the same instant.
 * `attempt` counts the failures before this one (0 for the first retry).
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  timings: Pick<SyncTimings, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const exponent = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(timings.maxDelayMs, timings.baseDelayMs * 2 ** exponent);
  const value = random();
  const r = Number.isNaN(value) ? 0 : Math.min(Math.max(value, 0), 1);
  return Math.floor(r * ceiling);
}
