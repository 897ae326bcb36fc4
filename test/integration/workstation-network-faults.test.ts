/**
 * 2,000 answers through a network that resets connections, delays bytes and cuts the queue's
 * answers after it committed: every answer reaches the queue exactly once, and every answer the
 * queue refuses is shown to the HITer with the queue's reason, never dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TaskSummary } from '../../src/shared/bridge/contract';
import { startFaultProxy, type FaultProxy } from '../helpers/workstation/fault-proxy';
import { startTestQueue, type TestQueue } from '../helpers/workstation/test-queue';
import {
  MODERATION_SPEC,
  openWorkstation,
  reviewsJsonl,
  withProfileDb,
  type TestWorkstation,
} from '../helpers/workstation/workstation-harness';

const SUBMISSIONS = Number(process.env.HITDESK_FAULT_SUBMISSIONS ?? 2_000);
/** One answer in this many is made for a lease the HITer never held: the queue must refuse it. */
const REFUSED_EVERY = 40;

let root: string;
let queue: TestQueue;
let proxy: FaultProxy;
let ws: TestWorkstation;
let projectId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-faults-'));
  queue = await startTestQueue(root);
  await queue.admin.createUser({ username: 'faith', password: 'faith-password', displayName: 'Faith' });
  projectId = (await queue.admin.createProject(MODERATION_SPEC)).id;
  // Room for the batches whose answer the proxy cuts (their leases are lost to the laptop).
  await queue.admin.importJsonl(projectId, reviewsJsonl(SUBMISSIONS + 600, 'fault'));
  proxy = await startFaultProxy(queue.url);
  ws = await openWorkstation(join(root, 'laptop'), {
    defaultServerUrl: proxy.url,
    // Batches of one: a request per answer for the network to break, through the batch endpoint
    // (a batch cut after the queue committed is replayed with the same keys).
    syncTimings: {
      baseDelayMs: 5,
      maxDelayMs: 60,
      idleIntervalMs: 60_000,
      requestTimeoutMs: 15_000,
      submitBatch: 1,
    },
  });
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await proxy?.close();
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

/**
 * The queue lets one person hold 200 tasks; the refused answers' leases stay held (one in
 * REFUSED_EVERY, 50 in all), so the laptop works in rounds that leave room for them.
 */
const ROUND = 140;
const FAULTS = { resetOnConnect: 0.05, resetMidRequest: 0.05, cutResponse: 0.1, maxDelayMs: 8 };
const NO_FAULTS = { resetOnConnect: 0, resetMidRequest: 0, cutResponse: 0, maxDelayMs: 0 };

/**
 * Takes batches until `count` tasks are here, on a clean line: a batch whose answer the network
 * lost would stay leased to this HITer on the queue without the laptop knowing it (see the report).
 */
async function takeTasks(count: number): Promise<TaskSummary[]> {
  proxy.set(NO_FAULTS);
  const taken: TaskSummary[] = [];
  while (taken.length < count) {
    const { tasks } = await ws.handlers['batch.take']({
      count: Math.min(50, count - taken.length),
      projectId,
    });
    if (tasks.length === 0) throw new Error('the queue ran out of tasks');
    taken.push(...tasks);
  }
  return taken;
}

async function drained(): Promise<void> {
  const h = ws.handlers;
  await vi.waitFor(
    async () => {
      const status = await h['sync.status'](undefined);
      // A HITer would press "Sync now" after a long backoff; so does the test, to keep it short.
      if (status.pendingCount > 0 && status.online === false)
        void h['sync.now'](undefined).catch(() => undefined);
      expect(status.pendingCount).toBe(0);
    },
    { timeout: 600_000, interval: 250 },
  );
}

describe('a faulty network', () => {
  it(`loses and duplicates none of ${SUBMISSIONS} answers, and surfaces every refusal`, async () => {
    const h = ws.handlers;
    const session = await h['session.signIn']({ username: 'faith', password: 'faith-password' });
    const tasks: TaskSummary[] = [];
    const foreign = new Set<string>();
    const answers = new Map<string, unknown>();
    while (tasks.length < SUBMISSIONS) {
      const round = await takeTasks(Math.min(ROUND, SUBMISSIONS - tasks.length));
      // Some answers name a lease this HITer never held (as a tampered or stale cache would).
      const tampered = round.filter((_, i) => (tasks.length + i) % REFUSED_EVERY === 7);
      withProfileDb(ws.dataDir, session.userId, (db) => {
        const bump = db.prepare('UPDATE tasks SET lease_epoch = lease_epoch + 100 WHERE task_id = ?');
        for (const task of tampered) bump.run(task.taskId);
      });
      for (const task of tampered) foreign.add(task.taskId);
      proxy.set(FAULTS);
      for (const task of round) {
        const answer =
          answers.size % 3 === 0 ? { decision: 'reject', reason: 'spam' } : { decision: 'approve' };
        await h['tasks.submit']({ taskId: task.taskId, answer });
        answers.set(task.taskId, answer);
      }
      tasks.push(...round);
      await drained();
    }
    proxy.set(NO_FAULTS);

    // The network did misbehave, a lot.
    expect(proxy.counts.cuts).toBeGreaterThan(SUBMISSIONS / 40);
    expect(proxy.counts.resets + proxy.counts.midRequest).toBeGreaterThan(SUBMISSIONS / 40);

    const results = (await queue.admin.listResults(projectId)).filter((result) => result.worker === 'faith');
    const perTask = new Map<string, number>();
    for (const result of results) perTask.set(result.taskId, (perTask.get(result.taskId) ?? 0) + 1);
    const duplicated = [...perTask].filter(([, n]) => n > 1);
    const lost = tasks.filter((task) => !foreign.has(task.taskId) && perTask.get(task.taskId) !== 1);
    expect(duplicated).toEqual([]);
    expect(lost).toEqual([]);
    for (const result of results) {
      expect(foreign.has(result.taskId)).toBe(false);
      expect(result.answer).toMatchObject(answers.get(result.taskId) as object);
    }

    // Every refusal is on the HITer's screen with the queue's reason; the answer is kept.
    const inbox = new Map((await h['tasks.list'](undefined)).map((task) => [task.taskId, task]));
    for (const taskId of foreign) {
      const detail = await h['tasks.open']({ taskId });
      expect(detail.summary.state).toBe('refused');
      expect(detail.summary.serverMessage).toBeTruthy();
      expect(detail.answer).toMatchObject(answers.get(taskId) as object);
    }
    for (const [taskId, task] of inbox) {
      if (task.state === 'refused') expect(foreign.has(taskId)).toBe(true);
    }
    expect(results.length + foreign.size).toBe(SUBMISSIONS);
  }, 900_000);
});
