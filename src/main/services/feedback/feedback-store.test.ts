import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  leasedTask,
  steppingClock,
  tempDir,
  submittedTasks,
} from '../../../../test/helpers/workstation/fixtures';
import type { FeedbackEvent } from '../../../shared/protocol/endpoints';
import { ProfileStore } from '../profile/profile-store';

let dir: ReturnType<typeof tempDir>;
let store: ProfileStore;
const balances = { currency: 'EUR', pendingCents: 12, acceptedCents: 30, paidCents: 100 };

beforeEach(() => {
  dir = tempDir('hitdesk-feedback-');
  store = ProfileStore.open(dir.path, randomUUID(), steppingClock());
});
afterEach(() => {
  store.close();
  dir.remove();
});

const submitted = (count: number) => submittedTasks(store, count);

const at = '2026-03-02T10:00:00.000Z';
const sub = randomUUID();

describe('feedback from the queue', () => {
  it('is stored once per sequence number, moves the cursor, and keeps the balances', () => {
    const [taskId] = submitted(1);
    const events: FeedbackEvent[] = [
      {
        type: 'earning',
        seq: 3,
        at,
        submissionId: sub,
        taskId: taskId!,
        amountCents: 4,
        currency: 'EUR',
        status: 'pending',
      },
      {
        type: 'verdict',
        seq: 5,
        at,
        submissionId: sub,
        taskId: taskId!,
        verdict: 'rejected',
        reason: 'insult',
        comment: 'Look again.',
      },
    ];
    expect(store.feedback.apply(events, 5, balances, at)).toBe(2);
    expect(store.feedback.apply(events, 5, balances, at)).toBe(0);
    expect(store.feedback.cursor()).toBe(5);
    // A cursor never goes back.
    store.feedback.apply([], 2, balances, at);
    expect(store.feedback.cursor()).toBe(5);
    expect(store.feedback.unseen()).toBe(2);
    const history = store.feedback.history();
    expect(history.balances).toEqual({ ...balances, at });
    expect(history.items[0]).toMatchObject({
      taskId,
      state: 'pending',
      verdict: {
        verdict: 'rejected',
        reason: 'insult',
        reasonLabel: { en: 'Insult', fr: 'Insulte' },
        comment: 'Look again.',
      },
      earning: { amountCents: 4, currency: 'EUR', status: 'pending' },
      honeypot: null,
    });
    store.feedback.markSeen();
    expect(store.feedback.history().unseen).toBe(0);
  });

  it('shows the latest word on each task: a later earning replaces the earlier one', () => {
    const [taskId] = submitted(1);
    store.feedback.apply(
      [
        {
          type: 'earning',
          seq: 1,
          at,
          submissionId: sub,
          taskId: taskId!,
          amountCents: 4,
          currency: 'EUR',
          status: 'pending',
        },
        { type: 'honeypot', seq: 2, at, submissionId: sub, taskId: taskId!, score: 0.75, passed: true },
        {
          type: 'earning',
          seq: 4,
          at,
          submissionId: sub,
          taskId: taskId!,
          amountCents: 4,
          currency: 'EUR',
          status: 'paid',
        },
      ],
      4,
      balances,
      at,
    );
    expect(store.feedback.history().items[0]).toMatchObject({
      earning: { status: 'paid' },
      honeypot: { score: 0.75, passed: true },
    });
  });

  it('pages through the history newest first without gaps or repeats', () => {
    const ids = submitted(7);
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = store.feedback.history({ limit: 3, ...(before ? { before } : {}) });
      seen.push(...page.items.map((item) => item.taskId));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('lists only submitted tasks', () => {
    store.storeLeasedTasks([leasedTask()]);
    expect(store.feedback.history().items).toEqual([]);
    expect(store.feedback.history().balances).toBeNull();
  });
});
