/**
 * Fifty workers at once on one project, on PostgreSQL, over HTTP: leasing, submitting (with replays
 * of the same key racing each other), leases running out and passing to others mid-way, late work.
 * Afterwards: no item has more accepted answers than its overlap, no idempotency key had two
 * effects, no lease was lost or handed to two people.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeasedTask } from '../../src/shared/domain/task';
import { hashToken } from '../../src/server/auth/tokens';
import { hasPostgres } from '../helpers/postgres';
import { reviewLines, startTestQueue, uniqueName, type TestQueue } from './server-harness';

const WORKERS = 50;
const ITEMS = 120;
const OVERLAP = 2;

type Worker = { id: string; token: string };
type Granted = { worker: string; taskId: string; epoch: number; itemId: string };

describe.skipIf(!hasPostgres)('50 workers on one project at once [postgres]', () => {
  let q: (TestQueue & { stop(): Promise<void> }) | null = null;
  let workers: Worker[] = [];
  let projectId = '';

  beforeAll(async () => {
    q = await startTestQueue('postgres');
    const project = await q.project(0, { overlap: OVERLAP, reviewRate: 0.2, priceCents: 5, honeypotRate: 0 });
    projectId = project.id;
    await q.server.admin.importJsonl(projectId, reviewLines(ITEMS));
    // Accounts and sessions made directly: scrypt fifty times would only test the CPU.
    workers = await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const token = randomBytes(32).toString('base64url');
        const [row] = await (q as TestQueue).sql<{ id: string }>(
          `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, 'hitter', 'x') RETURNING id`,
          [uniqueName('w')],
        );
        await (q as TestQueue).sql(
          `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
          [hashToken(token), row?.id],
        );
        return { id: row?.id as string, token };
      }),
    );
  }, 180_000);

  afterAll(async () => {
    await q?.stop();
  });

  it('keeps every answer within the overlap, every key to one effect, every lease accounted for', async () => {
    const queue = q as TestQueue;
    const granted: Granted[] = [];
    const effects = new Map<string, Set<string>>(); // idempotency key → submission ids answered
    const statuses = new Map<string, string>();
    let expiries = 0;

    const submitTwice = async (worker: Worker, task: LeasedTask) => {
      const key = randomUUID();
      const body = {
        taskId: task.taskId,
        leaseEpoch: task.leaseEpoch,
        idempotencyKey: key,
        answer: { decision: 'approve' },
      };
      // The same submission sent twice at once, as a flaky network does.
      const replies = await Promise.all([
        queue.call('submit', { token: worker.token, body }),
        queue.call('submit', { token: worker.token, body }),
      ]);
      for (const reply of replies) {
        expect(reply.status, JSON.stringify(reply.error)).toBe(200);
        const seen = effects.get(key) ?? new Set<string>();
        seen.add(reply.data.submissionId);
        effects.set(key, seen);
        statuses.set(reply.data.submissionId, reply.data.status);
      }
      expect(replies.filter((reply) => !reply.data.replay)).toHaveLength(1);
    };

    const run = async (worker: Worker, index: number) => {
      for (let round = 0; round < 40; round += 1) {
        const reply = await queue.call('leaseTasks', {
          token: worker.token,
          body: { count: 1 + ((index + round) % 4), projectId },
        });
        expect(reply.status, JSON.stringify(reply.error)).toBe(200);
        const tasks = reply.data.tasks;
        if (tasks.length === 0) return;
        for (const task of tasks)
          granted.push({
            worker: worker.id,
            taskId: task.taskId,
            epoch: task.leaseEpoch,
            itemId: task.itemId,
          });
        // Every seventh worker goes offline: their leases run out and pass to others; they send later.
        if (index % 7 === 0 && round % 2 === 0) {
          await queue.sql(
            `UPDATE tasks SET lease_expires_at = now() - interval '1 second' WHERE id = ANY ($1::uuid[])`,
            [tasks.map((task) => task.taskId)],
          );
          expiries += tasks.length;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        for (const task of tasks) await submitTwice(worker, task);
      }
    };
    await Promise.all(workers.map((worker, index) => run(worker, index)));

    // Late work after the queue ran dry: still stored, never dropped.
    const stats = await queue.sql<{ item_id: string; accepted: number }>(
      `SELECT item_id, count(*) FILTER (WHERE status = 'accepted')::int AS accepted FROM submissions WHERE project_id = $1 GROUP BY item_id`,
      [projectId],
    );
    expect(stats).toHaveLength(ITEMS);
    expect(stats.filter((row) => row.accepted > OVERLAP)).toEqual([]);
    expect(stats.every((row) => row.accepted === OVERLAP)).toBe(true);

    // One effect per key: every reply for a key named the same submission, and the database holds one row.
    expect([...effects.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    const [rows] = await queue.sql<{ n: number; keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (worker_id, idempotency_key))::int AS keys FROM submissions WHERE project_id = $1`,
      [projectId],
    );
    expect(rows?.n).toBe(effects.size);
    expect(rows?.keys).toBe(effects.size);

    // Every lease granted is in the history exactly once, with its worker; none was given twice.
    const history = await queue.sql<{ task_id: string; epoch: number; worker_id: string }>(
      `SELECT l.task_id, l.epoch, l.worker_id FROM leases l JOIN tasks t ON t.id = l.task_id WHERE t.project_id = $1`,
      [projectId],
    );
    expect(history).toHaveLength(granted.length);
    const byLease = new Map(history.map((row) => [`${row.task_id}/${row.epoch}`, row.worker_id]));
    expect(granted.filter((lease) => byLease.get(`${lease.taskId}/${lease.epoch}`) !== lease.worker)).toEqual(
      [],
    );
    expect(new Set(granted.map((lease) => `${lease.taskId}/${lease.epoch}`)).size).toBe(granted.length);
    // Every lease led to a stored answer (none lost), and no one answered an item twice.
    expect(effects.size).toBe(granted.length);
    const perWorkerItem = new Map<string, number>();
    for (const lease of granted)
      perWorkerItem.set(
        `${lease.worker}/${lease.itemId}`,
        (perWorkerItem.get(`${lease.worker}/${lease.itemId}`) ?? 0) + 1,
      );
    expect([...perWorkerItem.values()].filter((count) => count > 1)).toEqual([]);

    // Superseded answers exist (leases passed on) and wait for a supervisor; the rest counted once.
    const superseded = [...statuses.values()].filter((status) => status === 'superseded').length;
    expect(expiries).toBeGreaterThan(0);
    expect(superseded).toBeLessThanOrEqual(expiries);
    const [open] = await queue.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE project_id = $1 AND status <> 'done'`,
      [projectId],
    );
    expect(open?.n).toBe(0);
  }, 300_000);
});
