import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileStore } from '../profile/profile-store';
import { createQueueClient } from '../queue-client';
import {
  tempDir,
  submittedTasks,
  STUB_SYNC_TIMINGS,
  STUB_WAIT,
} from '../../../../test/helpers/workstation/fixtures';
import {
  apiError,
  health,
  startStubQueue,
  type StubHandler,
  type StubQueue,
} from '../../../../test/helpers/workstation/stub-queue';
import { SUPERSEDED_MESSAGE } from './push-outcome';
import { SUBMIT_BATCH } from './outbox-pusher';
import { SyncEngine } from './sync-engine';

const timings = STUB_SYNC_TIMINGS;
const WAIT = STUB_WAIT;
const BATCH = '/v1/submissions/batch';
const SINGLE = '/v1/submissions';

type Sent = { taskId: string; idempotencyKey: string };

let dir: ReturnType<typeof tempDir>;
let store: ProfileStore;
let stub: StubQueue;
let engine: SyncEngine | null;

beforeEach(() => {
  dir = tempDir('hitdesk-batches-');
  store = ProfileStore.open(dir.path, randomUUID());
  engine = null;
});
afterEach(async () => {
  await engine?.stop();
  await stub?.close();
  store.close();
  dir.remove();
});

const submitted = (count: number) => submittedTasks(store, count);

/** A queue with the batch endpoint; renewal and feedback are not what is tested here (404). */
async function startEngine(answer: (sent: Sent) => unknown, batch?: StubHandler): Promise<SyncEngine> {
  stub = await startStubQueue((request) => {
    if (request.path === '/v1/health') return { status: 200, json: health };
    if (request.path === BATCH) {
      if (batch) return batch(request);
      const { submissions } = request.body as { submissions: Sent[] };
      return { status: 200, json: { outcomes: submissions.map(answer) } };
    }
    if (request.path === SINGLE) {
      const outcome = answer(request.body as Sent) as {
        ok: boolean;
        result?: unknown;
        status?: number;
        error?: unknown;
      };
      return outcome.ok
        ? { status: 200, json: outcome.result }
        : { status: outcome.status ?? 500, json: { error: outcome.error } };
    }
    return apiError(404, 'not_found', 'no such route');
  });
  const client = createQueueClient({
    baseUrl: stub.url,
    timeoutMs: timings.requestTimeoutMs,
    token: () => 'tok',
  });
  engine = new SyncEngine({
    store,
    client,
    timings,
    emit: () => undefined,
    now: () => new Date(),
    random: () => 0.5,
  });
  engine.start();
  return engine;
}

const ok = (status: 'accepted' | 'superseded' = 'accepted') => ({
  ok: true,
  result: { submissionId: randomUUID(), status, replay: false, receivedAt: '2026-03-01T10:00:00.000Z' },
});
const refused = (status: number, code: string, message: string) => ({
  ok: false,
  status,
  error: { code, message },
});
const sentIn = (path: string) =>
  stub.requests
    .filter((request) => request.path === path)
    .map((request) =>
      path === BATCH ? (request.body as { submissions: Sent[] }).submissions : [request.body as Sent],
    );

describe('sync engine, batches', () => {
  it('drains the outbox in batches, oldest first, and settles each answer by its own outcome', async () => {
    const taskIds = submitted(SUBMIT_BATCH * 2 + 20);
    const keys = store.outbox().map((row) => row.idempotencyKey);
    const [superseded, rejected] = [taskIds[7], taskIds[SUBMIT_BATCH + 3]];
    const sync = await startEngine((sent) =>
      sent.taskId === superseded
        ? ok('superseded')
        : sent.taskId === rejected
          ? refused(403, 'not_your_task', 'task was not leased to you under lease 1')
          : ok(),
    );
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    const batches = sentIn(BATCH);
    expect(batches.map((batch) => batch.length)).toEqual([SUBMIT_BATCH, SUBMIT_BATCH, 20]);
    expect(batches.flat().map((sent) => sent.idempotencyKey)).toEqual(keys);
    expect(sentIn(SINGLE)).toEqual([]);
    expect(store.getTask(superseded!)).toMatchObject({
      state: 'superseded',
      serverMessage: SUPERSEDED_MESSAGE,
    });
    expect(store.getTask(rejected!)).toMatchObject({
      state: 'refused',
      serverMessage: '[not_your_task] task was not leased to you under lease 1',
    });
    const states = taskIds.map((id) => store.getTask(id)?.state);
    expect(states.filter((state) => state === 'accepted')).toHaveLength(taskIds.length - 2);
    expect(sync.status()).toMatchObject({ lastError: null, refusedCount: 1, supersededCount: 1 });
  });

  it('sends one by one to a queue without the batch endpoint, and does not ask it again', async () => {
    submitted(3);
    const sync = await startEngine(
      () => ok(),
      () => apiError(404, 'not_found', 'no such route'),
    );
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(sentIn(SINGLE)).toHaveLength(3);
    submitted(2);
    await sync.syncNow();
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(sentIn(BATCH)).toHaveLength(1);
    expect(sentIn(SINGLE)).toHaveLength(5);
  });

  it('sends one by one, each with its own verdict, a batch the queue refuses as a whole', async () => {
    const [bad, good] = submitted(2);
    const sync = await startEngine(
      (sent) => (sent.taskId === bad ? refused(400, 'invalid_input', 'answer: unreadable') : ok()),
      () => apiError(400, 'invalid_input', 'submissions[0].answer: unreadable'),
    );
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(store.getTask(bad!)?.state).toBe('refused');
    expect(store.getTask(good!)?.state).toBe('accepted');
  });

  it('keeps an answer the queue could not take yet, settles the others, and retries it with its key', async () => {
    const [busy] = submitted(3);
    let busyReplies = 1;
    const sync = await startEngine((sent) => {
      if (sent.taskId === busy && busyReplies > 0) {
        busyReplies -= 1;
        return refused(429, 'rate_limited', 'slow down');
      }
      return ok();
    });
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    const batches = sentIn(BATCH);
    expect(batches.map((batch) => batch.length)).toEqual([3, 1]);
    expect(batches[1]?.[0]?.idempotencyKey).toBe(batches[0]?.[0]?.idempotencyKey);
    expect(store.outbox()[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('retries a whole batch the queue failed on, with the same keys, and settles it once', async () => {
    submitted(4);
    let failures = 1;
    const sync = await startEngine(
      () => ok(),
      (request) => {
        if (failures > 0) {
          failures -= 1;
          return apiError(503, 'internal', 'database restarting');
        }
        const { submissions } = request.body as { submissions: Sent[] };
        return { status: 200, json: { outcomes: submissions.map(() => ok()) } };
      },
    );
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    const [first, second] = sentIn(BATCH);
    expect(second?.map((sent) => sent.idempotencyKey)).toEqual(first?.map((sent) => sent.idempotencyKey));
    expect(store.outbox().map((row) => [row.state, row.attempts])).toEqual([
      ['done', 2],
      ['done', 2],
      ['done', 2],
      ['done', 2],
    ]);
  });
});
