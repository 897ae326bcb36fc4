import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventName } from '../../../shared/bridge/names';
import { ProfileStore } from '../profile/profile-store';
import { createQueueClient } from '../queue-client';
import { STUB_WAIT, submittedTasks, tempDir } from '../../../../test/helpers/workstation/fixtures';
import {
  apiError,
  health,
  startStubQueue,
  type StubHandler,
  type StubQueue,
} from '../../../../test/helpers/workstation/stub-queue';
import { SUPERSEDED_MESSAGE } from './push-outcome';
import { PUSH_WINDOW } from './outbox-pusher';
import { SyncEngine } from './sync-engine';

const timings = {
  baseDelayMs: 20,
  maxDelayMs: 100,
  idleIntervalMs: 60_000,
  requestTimeoutMs: 1_000,
  renewIntervalMs: 60_000,
  stallTimeoutMs: 1_000,
};

/**
 * These tests speak to a queue from before lease renewal, feedback and batches: it answers 404 to
 * them, so answers go one by one (sync-batches.test.ts has the batches).
 */
function olderQueue(handler: StubHandler): StubHandler {
  return (request) =>
    request.path.startsWith('/v1/leases/renew') ||
    request.path.startsWith('/v1/feedback') ||
    request.path === '/v1/submissions/batch'
      ? apiError(404, 'not_found', 'no such route')
      : handler(request);
}

const WAIT = STUB_WAIT;

let dir: ReturnType<typeof tempDir>;
let store: ProfileStore;
let stub: StubQueue;
let engine: SyncEngine | null;
let events: { event: BridgeEventName; payload: unknown }[];

beforeEach(() => {
  dir = tempDir('hitdesk-sync-');
  store = ProfileStore.open(dir.path, randomUUID());
  events = [];
  engine = null;
});
afterEach(async () => {
  await engine?.stop();
  await stub?.close();
  store.close();
  dir.remove();
});

const submitted = (count: number) => submittedTasks(store, count);

async function startEngine(handler: StubHandler, requestTimeoutMs?: number): Promise<SyncEngine> {
  stub = await startStubQueue(olderQueue(handler));
  return makeEngine(requestTimeoutMs);
}

function makeEngine(requestTimeoutMs = timings.requestTimeoutMs): SyncEngine {
  const client = createQueueClient({
    baseUrl: stub.url,
    timeoutMs: requestTimeoutMs,
    token: () => 'tok',
  });
  engine = new SyncEngine({
    store,
    client,
    timings,
    emit: (event, payload) => events.push({ event, payload }),
    now: () => new Date(),
    random: () => 0.5,
  });
  engine.start();
  return engine;
}

const accepted = (replay = false) => ({
  status: 200,
  json: { submissionId: randomUUID(), status: 'accepted', replay, receivedAt: '2026-03-01T10:00:00.000Z' },
});
const submissions = () => stub.requests.filter((request) => request.path === '/v1/submissions');
const keysOf = (requests: { body: unknown }[]) =>
  requests.map((request) => (request.body as { idempotencyKey: string }).idempotencyKey);

describe('sync engine', () => {
  it('pushes the outbox oldest first, each row with its own key, and settles the tasks', async () => {
    const taskIds = submitted(3);
    const outbox = store.outbox();
    const sync = await startEngine((request) =>
      request.path === '/v1/health' ? { status: 200, json: health } : accepted(),
    );
    await vi.waitFor(() => expect(sync.status()).toMatchObject({ pendingCount: 0, syncing: false }), WAIT);
    expect(submissions().map((request) => (request.body as { taskId: string }).taskId)).toEqual(taskIds);
    expect(keysOf(submissions())).toEqual(outbox.map((row) => row.idempotencyKey));
    expect(submissions()[0]?.body).toMatchObject({ leaseEpoch: 1, answer: { decision: 'approve' } });
    expect(taskIds.map((id) => store.getTask(id)?.state)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(sync.status()).toMatchObject({ online: true, lastError: null, nextRetryAt: null });
    expect(sync.status().lastSyncAt).not.toBeNull();
    const changed = events
      .filter((e) => e.event === 'tasks.changed')
      .flatMap((e) => (e.payload as { taskIds: string[] }).taskIds);
    expect(changed).toEqual(taskIds);
    const last = events.filter((e) => e.event === 'sync.status').at(-1);
    expect(last?.payload).toMatchObject({ pendingCount: 0, syncing: false, online: true });
  });

  it('retries a failing queue with backoff and the same key, so the answer lands once', async () => {
    submitted(1);
    let failures = 2;
    const sync = await startEngine((request) => {
      if (request.path === '/v1/health') return { status: 200, json: health };
      if (failures > 0) {
        failures -= 1;
        return apiError(503, 'internal', 'database restarting');
      }
      return accepted();
    });
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    const keys = keysOf(submissions());
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(store.outbox()[0]).toMatchObject({ state: 'done', attempts: 3 });
    const errors = events
      .filter((e) => e.event === 'sync.status')
      .map((e) => (e.payload as { lastError: { code: string } | null }).lastError?.code);
    expect(errors).toContain('server_error');
  });

  it('goes offline without losing anything, keeps probing, and resumes on its own', async () => {
    const taskIds = submitted(2);
    stub = await startStubQueue(() => ({ status: 200, json: health }));
    const port = Number(new URL(stub.url).port);
    await stub.close();
    const sync = makeEngine();
    await vi.waitFor(
      () =>
        expect(sync.status()).toMatchObject({
          online: false,
          pendingCount: 2,
          lastError: { code: 'server_unreachable' },
          // Between two probes: the next one is scheduled (read together, as a retry may start any time).
          syncing: false,
          nextRetryAt: expect.any(String),
        }),
      WAIT,
    );
    expect(taskIds.map((id) => store.getTask(id)?.state)).toEqual(['pending', 'pending']);

    stub = await startStubQueue(
      olderQueue((request) => (request.path === '/v1/health' ? { status: 200, json: health } : accepted())),
      port,
    );
    await vi.waitFor(
      () => expect(sync.status()).toMatchObject({ online: true, pendingCount: 0, lastError: null }),
      WAIT,
    );
    expect(stub.requests[0]?.path).toBe('/v1/health');
    expect(taskIds.map((id) => store.getTask(id)?.state)).toEqual(['accepted', 'accepted']);
  });

  it('marks superseded answers, and refused ones with the server’s message, then goes on', async () => {
    const [first, second, third] = submitted(3);
    const sync = await startEngine((request) => {
      if (request.path === '/v1/health') return { status: 200, json: health };
      const { taskId } = request.body as { taskId: string };
      if (taskId === first) return { ...accepted(), json: { ...accepted().json, status: 'superseded' } };
      if (taskId === second)
        return apiError(400, 'invalid_input', 'answer.reason: "rude" is not a reason', 'answer.reason');
      return accepted(true);
    });
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(store.getTask(first!)).toMatchObject({ state: 'superseded', serverMessage: SUPERSEDED_MESSAGE });
    // Kept with the queue's code, so the HITer reads the reason in their language.
    expect(store.getTask(second!)).toMatchObject({
      state: 'refused',
      serverMessage: '[invalid_input] answer.reason: "rude" is not a reason',
      answer: { decision: 'approve' },
    });
    expect(store.getTask(third!)?.state).toBe('accepted');
    expect(store.outbox().map((row) => row.state)).toEqual(['done', 'failed', 'done']);
    expect(sync.status()).toMatchObject({ lastError: null, refusedCount: 1, supersededCount: 1 });
  });

  it('on 401 stops pushing, says session_expired and keeps the outbox', async () => {
    submitted(2);
    const sync = await startEngine((request) =>
      request.path === '/v1/health'
        ? { status: 200, json: health }
        : apiError(401, 'token_expired', 'token expired'),
    );
    await vi.waitFor(() => expect(sync.status().lastError?.code).toBe('session_expired'), WAIT);
    await vi.waitFor(
      () => expect(sync.status()).toMatchObject({ pendingCount: 2, nextRetryAt: null, syncing: false }),
      WAIT,
    );
    // The answers already on their way (at most a window of them) were refused; nothing more goes.
    const sent = submissions().length;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(Math.min(2, PUSH_WINDOW));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(submissions()).toHaveLength(sent);
    expect(store.outbox().map((row) => row.state)).toEqual(['pending', 'pending']);
    // Asked explicitly, it tries again (and the queue still says no).
    await expect(sync.syncNow()).resolves.toMatchObject({
      pendingCount: 2,
      lastError: { code: 'session_expired' },
    });
    expect(submissions().length).toBeGreaterThan(sent);
  });

  it('sends a window of answers at once, and each still exactly once', async () => {
    const taskIds = submitted(20);
    let inFlight = 0;
    let most = 0;
    const sync = await startEngine(async (request) => {
      if (request.path === '/v1/health') return { status: 200, json: health };
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
      return accepted();
    });
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0), WAIT);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(PUSH_WINDOW);
    // Each sent once (within a window the requests may reach the queue in any order).
    const sent = submissions().map((request) => (request.body as { taskId: string }).taskId);
    expect([...sent].sort()).toEqual([...taskIds].sort());
    expect(taskIds.map((id) => store.getTask(id)?.state)).toEqual(taskIds.map(() => 'accepted'));
  });

  it('on 426 stops and says client_too_old', async () => {
    submitted(1);
    const sync = await startEngine(() => apiError(426, 'client_too_old', 'protocol 1 is no longer spoken'));
    await vi.waitFor(() => expect(sync.status().lastError?.code).toBe('client_too_old'), WAIT);
    expect(sync.status()).toMatchObject({ pendingCount: 1, nextRetryAt: null });
  });

  it('sync.now forgets the backoff and reports the status after one pass', async () => {
    submitted(1);
    let up = false;
    const sync = await startEngine((request) => {
      if (!up) return 'drop';
      return request.path === '/v1/health' ? { status: 200, json: health } : accepted();
    });
    await vi.waitFor(() => expect(sync.status().online).toBe(false), WAIT);
    up = true;
    await expect(sync.syncNow()).resolves.toMatchObject({ online: true, pendingCount: 0, lastError: null });
  });

  it('stop() cuts a request that does not finish (far sooner than its timeout) and goes quiet', async () => {
    submitted(1);
    const sync = await startEngine(() => 'hang', 600_000);
    await vi.waitFor(() => expect(stub.requests).toHaveLength(1), WAIT);
    await sync.stop();
    const count = events.length;
    sync.poke();
    expect(events).toHaveLength(count);
    expect(store.pendingCount()).toBe(1);
    await expect(sync.syncNow()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('stop() lets a request that is about to finish record its answer', async () => {
    const [taskId] = submitted(1);
    let release = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sync = await startEngine(async (request) => {
      if (request.path === '/v1/health') return { status: 200, json: health };
      await answered;
      return accepted();
    });
    await vi.waitFor(() => expect(submissions()).toHaveLength(1), WAIT);
    const stopping = sync.stop();
    release();
    await stopping;
    expect(store.getTask(taskId!)?.state).toBe('accepted');
    expect(store.pendingCount()).toBe(0);
  });
});
