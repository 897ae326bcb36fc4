import { describe, expect, it } from 'vitest';
import { decodeReason, encodeReason, reasonFields } from './server-reason';

describe('server reasons', () => {
  it('round-trips a code with the queue’s message, colons and newlines included', () => {
    const stored = encodeReason('not_your_task', 'answer.reason: "rude"\nis not a reason');
    expect(decodeReason(stored)).toEqual({
      code: 'not_your_task',
      message: 'answer.reason: "rude"\nis not a reason',
    });
  });

  it('reads older plain messages with no code, and names supersession by the state', () => {
    expect(decodeReason('answer.reason: unknown reason')).toEqual({
      code: null,
      message: 'answer.reason: unknown reason',
    });
    expect(decodeReason(null)).toBeNull();
    expect(reasonFields('Someone else finished', 'superseded')).toEqual({
      serverCode: 'superseded',
      serverMessage: 'Someone else finished',
    });
    expect(reasonFields(null, 'accepted')).toEqual({ serverCode: null, serverMessage: null });
  });
});
