import type { BridgeErrorCode } from '../../../shared/bridge/errors';
import { QueueError } from '../queue-client';

export type SyncProblem = { code: BridgeErrorCode; message: string };

/** What the sync engine does after a failed call. */
export type FailureVerdict =
  /** Try again later with backoff; `online` says whether the queue itself answered. */
  | { action: 'retry'; online: boolean | null; problem: SyncProblem }
  /** The queue refused this answer for good: mark it refused, keep it, go on with the next one. */
  | { action: 'refuse'; message: string; code?: string }
  /** Nothing can be pushed until the HITer acts (signs in again, updates the app). */
  | { action: 'halt'; online: true; problem: SyncProblem };

export const SUPERSEDED_MESSAGE =
  'Someone else finished this task first after your lease ran out. Your answer was kept for a supervisor.';

/**
 * Decides, from a failed call, whether it is worth retrying. Every server answer is handled
 * explicitly; anything unexpected is retried (an idempotency key makes retries harmless).
 */
export function judgeFailure(error: unknown): FailureVerdict {
  if (!(error instanceof QueueError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { action: 'retry', online: null, problem: { code: 'internal', message } };
  }
  const failure = error.failure;
  if (failure.kind === 'network') {
    return {
      action: 'retry',
      online: false,
      problem: { code: 'server_unreachable', message: error.message },
    };
  }
  const { status, code, message } = failure;
  if (status === 401) {
    return {
      action: 'halt',
      online: true,
      problem: {
        code: 'session_expired',
        message: `the queue no longer accepts this session (${code}): sign in online to send the answers waiting here`,
      },
    };
  }
  if (status === 426 || code === 'client_too_old') {
    return {
      action: 'halt',
      online: true,
      problem: { code: 'client_too_old', message: `this HITdesk is too old for the queue: ${message}` },
    };
  }
  if (code === 'server_too_old') {
    return {
      action: 'halt',
      online: true,
      problem: { code: 'server_error', message: `the queue is older than this HITdesk: ${message}` },
    };
  }
  if (status >= 500 || status === 429 || code === 'rate_limited') {
    return { action: 'retry', online: true, problem: { code: 'server_error', message: error.message } };
  }
  // 400 (invalid answer), 403 (not your task), 404 (gone), 409 (key reused), 413, and other 4xx.
  return { action: 'refuse', message, code };
}
