/**
 * The queue's hot paths serve many workers in one batch (queue/lease-batch.ts, submit-batch.ts).
 * These tests make batches on purpose (calls fired together while a first one runs) and check that
 * each worker gets exactly what leasing or submitting alone would have given: the same rules, the
 * same refusals, nothing handed out twice, every answer stored once.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { LeasedTask } from '../../src/shared/domain/task';
import { ApiError } from '../../src/server/errors';
import { createLeaseCombiner, type LeaseCall } from '../../src/server/queue/lease-batch';
import { leaseTasks } from '../../src/server/queue/leases';
import { createSubmitCombiner, submitAll, type SubmitCall } from '../../src/server/queue/submit-batch';
import { describeOnBackends, type TestQueue, uniqueName } from './server-harness';

/** A HITer's account, as leasing and submitting see it. */
type Worker = { id: string };

const LIMITS = { maxOutstandingLeases: 200 };
/** One batch at a time: the first call runs alone, the calls made with it form the next batch. */
const ONE_AT_A_TIME = { concurrency: 1, maxBatch: 100 };

function answer(task: Pick<LeasedTask, 'taskId' | 'leaseEpoch'>, decision = 'approve', key = randomUUID()) {
  return { taskId: task.taskId, leaseEpoch: task.leaseEpoch, idempotencyKey: key, answer: { decision } };
}

/** One task of the project leased to each worker, alone (not through a batch). */
function oneTaskEach(q: TestQueue, people: Worker[], projectId: string): Promise<LeasedTask[]> {
  return Promise.all(
    people.map(
      async (worker) =>
        (await leaseTasks(q.server.db, worker.id, { count: 1, projectId }, LIMITS))[0] as LeasedTask,
    ),
  );
}

/** Settles every promise, keeping answers and refusals (status and code) side by side. */
async function outcomes<T>(promises: Array<Promise<T>>) {
  const settled = await Promise.allSettled(promises);
  return settled.map((result) => {
    if (result.status === 'fulfilled') return { ok: true as const, value: result.value };
    const error = result.reason as unknown;
    if (!(error instanceof ApiError)) throw error;
    return { ok: false as const, status: error.status, code: error.toBody().error.code };
  });
}

describeOnBackends('serving many workers in one batch', (queue) => {
  // Accounts made directly: these tests never sign in, and scrypt for each would only cost time.
  const workers = (q: TestQueue, count: number): Promise<Worker[]> =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const [row] = await q.sql<Worker>(
          `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, 'hitter', 'x') RETURNING id`,
          [uniqueName('w')],
        );
        return row as Worker;
      }),
    );
  const leaseCall = (worker: Worker, count: number, projectId?: string, more = {}): LeaseCall => ({
    workerId: worker.id,
    request: { count, ...(projectId ? { projectId } : {}), ...more },
    limits: LIMITS,
  });

  it('leases to twenty workers in a few batches: every task to one worker, each worker its count', async () => {
    const q = queue();
    const project = await q.project(80);
    const people = await workers(q, 20);
    const leasing = createLeaseCombiner(q.server.db);
    const batches = await Promise.all(people.map((worker) => leasing.call(leaseCall(worker, 3, project.id))));
    // The first call runs alone, a second beside it; the other eighteen wait and go together.
    expect(leasing.totals).toEqual({ batches: 3, calls: 20 });
    expect(batches.map((tasks) => tasks.length)).toEqual(people.map(() => 3));
    const ids = batches.flat().map((task) => task.taskId);
    expect(new Set(ids).size).toBe(60);
    const held = await q.sql<{ lease_worker: string; n: number }>(
      `SELECT lease_worker, count(*)::int AS n FROM tasks WHERE project_id = $1 AND status = 'leased' GROUP BY lease_worker`,
      [project.id],
    );
    expect(held).toHaveLength(20);
    expect(held.every((row) => row.n === 3)).toBe(true);
    const counted = await q.sql<{ tasks_leased: number }>(
      'SELECT tasks_leased FROM worker_project_stats WHERE project_id = $1',
      [project.id],
    );
    expect(counted.map((row) => row.tasks_leased)).toEqual(people.map(() => 3));
    // Each lease carries its epoch, expiry and history, as when leased alone.
    const history = await q.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM leases l JOIN tasks t ON t.id = l.task_id
       WHERE t.project_id = $1 AND l.epoch = t.lease_epoch AND l.worker_id = t.lease_worker`,
      [project.id],
    );
    expect(history[0]?.n).toBe(60);
    expect(
      batches.flat().every((task) => task.leaseEpoch === 1 && Date.parse(task.leaseExpiresAt) > Date.now()),
    ).toBe(true);
  });

  it('hands out every task when more are asked for than there are, however the batches overlap', async () => {
    const q = queue();
    const people = await workers(q, 10);
    for (let round = 0; round < 5; round += 1) {
      const project = await q.project(24);
      const leasing = createLeaseCombiner(q.server.db);
      const batches = await Promise.all(
        people.map((worker) => leasing.call(leaseCall(worker, 3, project.id))),
      );
      const ids = batches.flat().map((task) => task.taskId);
      expect(ids).toHaveLength(24);
      expect(new Set(ids).size).toBe(24);
    }
  });

  it('never gives a worker an item they held, searching past the batch for them', async () => {
    const q = queue();
    const project = await q.project(20, { overlap: 2 });
    const [a, b, x] = (await workers(q, 3)) as [Worker, Worker, Worker];
    // a holds the first replica of items 1–10, x of items 11–20: the second replicas are open,
    // items 1–10 first, which a may not take.
    await leaseTasks(q.server.db, a.id, { count: 10, projectId: project.id }, LIMITS);
    await leaseTasks(q.server.db, x.id, { count: 10, projectId: project.id }, LIMITS);
    const leasing = createLeaseCombiner(q.server.db, ONE_AT_A_TIME);
    const blocker = leasing.call(leaseCall(x, 0, project.id));
    const [forA, forB] = await Promise.all([
      leasing.call(leaseCall(a, 2, project.id)),
      leasing.call(leaseCall(b, 1, project.id)),
    ]);
    await blocker;
    const itemsOf = async (tasks: LeasedTask[]) =>
      (
        await q.sql<{ external_id: string }>(
          `SELECT i.external_id FROM tasks t JOIN items i ON i.id = t.item_id
           WHERE t.id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) ORDER BY t.seq`,
          [JSON.stringify(tasks.map((task) => task.taskId))],
        )
      ).map((row) => row.external_id);
    expect(await itemsOf(forB ?? [])).toEqual(['rev-1']);
    expect(await itemsOf(forA ?? [])).toEqual(['rev-11', 'rev-12']);
  });

  it('gives each request it does not serve itself the answer leasing alone gives', async () => {
    const q = queue();
    const project = await q.project(30, { honeypotRate: 0.5 });
    await q.server.admin.importJsonl(
      project.id,
      JSON.stringify({
        id: 'gold-1',
        data: { text: 'Buy now!!!' },
        gold: { decision: 'reject', reason: 'spam' },
      }),
    );
    const skilled = await q.project(5, { requiredSkills: ['french_audio'] });
    const [plain, replayer, capped, unskilled, golden] = (await workers(q, 5)) as Worker[] as [
      Worker,
      Worker,
      Worker,
      Worker,
      Worker,
    ];
    const first = await leaseTasks(
      q.server.db,
      replayer.id,
      { count: 1, projectId: project.id, requestKey: 'k-1' },
      LIMITS,
    );
    await leaseTasks(q.server.db, capped.id, { count: 2, projectId: project.id }, LIMITS);
    const leasing = createLeaseCombiner(q.server.db, ONE_AT_A_TIME);
    const results = await outcomes([
      leasing.call(leaseCall(plain, 0, project.id)), // runs alone: the others form a batch
      leasing.call(leaseCall(replayer, 1, project.id, { requestKey: 'k-1' })),
      leasing.call({ ...leaseCall(capped, 1, project.id), limits: { maxOutstandingLeases: 2 } }),
      leasing.call(leaseCall(unskilled, 1, skilled.id)),
      leasing.call(leaseCall(plain, 1, randomUUID())),
      leasing.call(leaseCall(golden, 1, project.id)),
    ]);
    expect(results[1]).toEqual({ ok: true, value: first });
    expect(results[2]).toMatchObject({ ok: false, status: 409, code: 'conflict' });
    expect(results[3]).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
    expect(results[4]).toMatchObject({ ok: false, status: 404 });
    // A batch of one with a honeypot due (rate one half) is a honeypot, as when leased alone.
    expect(results[5]).toMatchObject({ ok: true });
    const [stats] = await q.sql<{ honeypots_leased: number }>(
      'SELECT honeypots_leased FROM worker_project_stats WHERE worker_id = $1 AND project_id = $2',
      [golden.id, project.id],
    );
    expect(stats?.honeypots_leased).toBe(1);
  });

  it('stores many workers’ answers in one batch: each once, with its pay and feedback', async () => {
    const q = queue();
    const project = await q.project(15, { priceCents: 10, reviewRate: 0 });
    const people = await workers(q, 15);
    const leased = await oneTaskEach(q, people, project.id);
    const submitting = createSubmitCombiner(q.server.db, q.server.services.settings, ONE_AT_A_TIME);
    const results = await Promise.all(
      people.map((worker, index) =>
        submitting.call({
          workerId: worker.id,
          request: answer(leased[index] as LeasedTask),
        } satisfies SubmitCall),
      ),
    );
    expect(submitting.totals).toEqual({ batches: 2, calls: 15 });
    expect(results.map((result) => [result.status, result.replay])).toEqual(
      people.map(() => ['accepted', false]),
    );
    const [counts] = await q.sql<{ submissions: number; done: number; credited: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM submissions WHERE project_id = $1) AS submissions,
              (SELECT count(*)::int FROM tasks WHERE project_id = $1 AND status = 'done') AS done,
              (SELECT coalesce(sum(amount_cents), 0)::int FROM ledger
               WHERE project_id = $1 AND account = 'worker' AND bucket = 'accepted') AS credited,
              (SELECT count(*)::int FROM feedback_events f JOIN submissions s ON s.id = f.submission_id
               WHERE s.project_id = $1) AS events`,
      [project.id],
    );
    expect(counts).toEqual({ submissions: 15, done: 15, credited: 15 * 6, events: 15 });
  });

  it('decides two answers to one task, and one key sent twice, as if they came one after the other', async () => {
    const q = queue();
    const project = await q.project(1, { reviewRate: 0 });
    const [a, b] = (await workers(q, 2)) as [Worker, Worker];
    const [first] = await leaseTasks(q.server.db, a.id, { count: 1, projectId: project.id }, LIMITS);
    await q.sql(`UPDATE tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [
      first?.taskId,
    ]);
    const [second] = await leaseTasks(q.server.db, b.id, { count: 1, projectId: project.id }, LIMITS);
    expect(second?.taskId).toBe(first?.taskId);
    const fromA = answer(first as LeasedTask);
    const submitting = createSubmitCombiner(q.server.db, q.server.services.settings, ONE_AT_A_TIME);
    const results = await outcomes([
      submitting.call({ workerId: b.id, request: answer({ taskId: randomUUID(), leaseEpoch: 1 }) }), // alone: 404
      submitting.call({ workerId: a.id, request: fromA }),
      submitting.call({ workerId: b.id, request: answer(second as LeasedTask) }),
      submitting.call({ workerId: a.id, request: fromA }),
      submitting.call({ workerId: a.id, request: { ...fromA, answer: { decision: 'reject' } } }),
    ]);
    expect(results[0]).toMatchObject({ ok: false, status: 404 });
    expect(results[1]).toMatchObject({ ok: true, value: { status: 'accepted', replay: false } });
    expect(results[2]).toMatchObject({ ok: true, value: { status: 'superseded', replay: false } });
    const stored = results[1]?.ok ? results[1].value.submissionId : '';
    expect(results[3]).toMatchObject({ ok: true, value: { submissionId: stored, replay: true } });
    expect(results[4]).toMatchObject({ ok: false, status: 409, code: 'idempotency_key_reused' });
    const rows = await q.sql<{ status: string }>(
      'SELECT status FROM submissions WHERE project_id = $1 ORDER BY seq',
      [project.id],
    );
    expect(rows.map((row) => row.status)).toEqual(['accepted', 'superseded']);
  });

  it('stores an outbox’s answers together, with each refusal in its place', async () => {
    const q = queue();
    const project = await q.project(6, { reviewRate: 0 });
    const [worker] = (await workers(q, 1)) as [Worker];
    const tasks = await leaseTasks(q.server.db, worker.id, { count: 6, projectId: project.id }, LIMITS);
    const submitting = createSubmitCombiner(q.server.db, q.server.services.settings, ONE_AT_A_TIME);
    const requests = tasks.map((task, index) => answer(task, index === 3 ? 'maybe' : 'approve'));
    const results = await submitAll(submitting, worker.id, requests);
    expect(results.map((result) => (result.ok ? result.result.status : result.status))).toEqual([
      'accepted',
      'accepted',
      'accepted',
      400,
      'accepted',
      'accepted',
    ]);
    // The first answer found the queue idle and went alone; the other five went together.
    expect(submitting.totals).toEqual({ batches: 2, calls: 6 });
    const again = await submitAll(submitting, worker.id, requests);
    expect(again.filter((result) => result.ok && result.result.replay)).toHaveLength(5);
  });

  it('refuses a bad answer in a batch on its own, and stores the others', async () => {
    const q = queue();
    const project = await q.project(4, { reviewRate: 0 });
    const people = await workers(q, 4);
    const leased = await oneTaskEach(q, people, project.id);
    const submitting = createSubmitCombiner(q.server.db, q.server.services.settings, ONE_AT_A_TIME);
    const [p0, p1, p2, p3] = people as [Worker, Worker, Worker, Worker];
    const [t0, t1, t2, t3] = leased as [LeasedTask, LeasedTask, LeasedTask, LeasedTask];
    const results = await outcomes([
      submitting.call({ workerId: p0.id, request: answer(t0) }),
      submitting.call({ workerId: p1.id, request: answer(t1, 'maybe') }),
      submitting.call({ workerId: p2.id, request: answer({ ...t2, leaseEpoch: 7 }) }),
      submitting.call({ workerId: p3.id, request: answer(t1) }),
      submitting.call({ workerId: p3.id, request: answer(t3) }),
    ]);
    expect(results.map((result) => (result.ok ? result.value.status : result.status))).toEqual([
      'accepted',
      400,
      403,
      403,
      'accepted',
    ]);
    const [row] = await q.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM submissions WHERE project_id = $1',
      [project.id],
    );
    expect(row?.n).toBe(2);
  });
});
