import { describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../../shared/protocol/errors';
import { QueueError } from '../queue-client';
import { judgeFailure } from './push-outcome';

const http = (status: number, code: ApiErrorCode, message = 'm') =>
  new QueueError({ kind: 'http', status, code, message }, 'submit');

describe('judgeFailure', () => {
  it('retries when the queue cannot be reached, marking the laptop offline', () => {
    for (const reason of ['unreachable', 'timeout', 'not_a_queue'] as const) {
      const verdict = judgeFailure(new QueueError({ kind: 'network', reason, detail: 'd' }, 'submit'));
      expect(verdict).toMatchObject({
        action: 'retry',
        online: false,
        problem: { code: 'server_unreachable' },
      });
    }
  });

  it('retries server trouble and rate limiting, the queue being online', () => {
    for (const error of [http(500, 'internal'), http(503, 'internal'), http(429, 'rate_limited')]) {
      expect(judgeFailure(error)).toMatchObject({
        action: 'retry',
        online: true,
        problem: { code: 'server_error' },
      });
    }
  });

  it('refuses the answer for good on 400, 403, 404, 409 and 413, with the queue’s message', () => {
    const cases: [number, ApiErrorCode][] = [
      [400, 'invalid_input'],
      [403, 'not_your_task'],
      [404, 'not_found'],
      [409, 'idempotency_key_reused'],
      [413, 'payload_too_large'],
    ];
    for (const [status, code] of cases) {
      expect(judgeFailure(http(status, code, `why ${status}`))).toEqual({
        action: 'refuse',
        message: `why ${status}`,
        code,
      });
    }
  });

  it('halts on an ended session, an app too old, or a queue too old', () => {
    expect(judgeFailure(http(401, 'token_expired'))).toMatchObject({
      action: 'halt',
      problem: { code: 'session_expired' },
    });
    expect(judgeFailure(http(401, 'unauthenticated'))).toMatchObject({
      problem: { code: 'session_expired' },
    });
    expect(judgeFailure(http(426, 'client_too_old'))).toMatchObject({
      action: 'halt',
      problem: { code: 'client_too_old' },
    });
    expect(judgeFailure(http(400, 'server_too_old'))).toMatchObject({
      action: 'halt',
      problem: { code: 'server_error' },
    });
  });

  it('retries anything unexpected (a retry with the same key is harmless)', () => {
    expect(judgeFailure(new Error('SQLITE_BUSY'))).toEqual({
      action: 'retry',
      online: null,
      problem: { code: 'internal', message: 'SQLITE_BUSY' },
    });
  });
});
