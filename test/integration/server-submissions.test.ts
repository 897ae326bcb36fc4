import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { LeasedTask } from '../../src/shared/domain/task';
import { describeOnBackends, type SignedIn, type TestQueue } from './server-harness';

async function leaseOne(queue: TestQueue, worker: SignedIn, projectId: string): Promise<LeasedTask> {
  const reply = await queue.call('leaseTasks', { token: worker.token, body: { count: 1, projectId } });
  const task = reply.data.tasks[0];
  if (!task) throw new Error(`nothing to lease: ${JSON.stringify(reply.error ?? reply.data)}`);
  return task;
}

function submission(task: LeasedTask, answer: unknown, idempotencyKey = randomUUID()) {
  return { taskId: task.taskId, leaseEpoch: task.leaseEpoch, idempotencyKey, answer };
}

async function storedFor(queue: TestQueue, taskId: string) {
  return queue.sql<{ status: string; worker_id: string; answer: unknown }>(
    `SELECT status, worker_id, answer - 'spans' AS answer FROM submissions WHERE task_id = $1 ORDER BY seq`,
    [taskId],
  );
}

describeOnBackends('submitting answers', (queue) => {
  let amina: SignedIn;
  let bruno: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    [amina, bruno, admin] = await Promise.all([
      queue().signedIn(),
      queue().signedIn(),
      queue().signedIn('admin'),
    ]);
  }, 120_000);

  it('accepts an answer under the lease and closes the task', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const reply = await q.call('submit', {
      token: amina.token,
      body: {
        ...submission(task, { decision: 'reject', reason: 'spam' }),
        startedAt: '2026-05-02T09:30:00+01:00',
        durationMs: 41_250,
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.data).toMatchObject({ status: 'accepted', replay: false });
    const rows = await q.sql<{ status: string; duration_ms: number; started_at: Date }>(
      `SELECT t.status, s.duration_ms, s.started_at FROM tasks t JOIN submissions s ON s.task_id = t.id WHERE t.id = $1`,
      [task.taskId],
    );
    expect(rows[0]?.status).toBe('done');
    expect(rows[0]?.duration_ms).toBe(41_250);
    expect(rows[0]?.started_at.toISOString()).toBe('2026-05-02T08:30:00.000Z');
  });

  it('replays a repeated submission: the first result again, stored once', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const body = submission(task, { decision: 'approve' });
    const first = await q.call('submit', { token: amina.token, body });
    const again = await q.call('submit', { token: amina.token, body });
    expect(again.status).toBe(200);
    expect(again.data).toEqual({ ...first.data, replay: true });
    expect(await storedFor(q, task.taskId)).toHaveLength(1);
  });

  it('treats the same answer written in another key order as the same payload', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const key = randomUUID();
    await q.call('submit', {
      token: amina.token,
      body: submission(task, { decision: 'reject', reason: 'insult' }, key),
    });
    const reordered = await q.call('submit', {
      token: amina.token,
      body: {
        answer: { reason: 'insult', decision: 'reject' },
        idempotencyKey: key,
        leaseEpoch: task.leaseEpoch,
        taskId: task.taskId,
      },
    });
    expect(reordered.data.replay).toBe(true);
  });

  it('refuses the same key with another payload (409)', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const key = randomUUID();
    await q.call('submit', { token: amina.token, body: submission(task, { decision: 'approve' }, key) });
    const reused = await q.call('submit', {
      token: amina.token,
      body: submission(task, { decision: 'reject', reason: 'spam' }, key),
    });
    expect(reused.status).toBe(409);
    expect(reused.error?.code).toBe('idempotency_key_reused');
    expect(await storedFor(q, task.taskId)).toEqual([
      { status: 'accepted', worker_id: amina.id, answer: { decision: 'approve' } },
    ]);
  });

  it('refuses an invalid answer, naming the field, and stores nothing', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const unknownReason = await q.call('submit', {
      token: amina.token,
      body: submission(task, { decision: 'reject', reason: 'boring' }),
    });
    expect(unknownReason.status).toBe(400);
    expect(unknownReason.error).toMatchObject({ code: 'invalid_input', field: 'answer.reason' });
    expect(unknownReason.error?.message).toMatch(/^answer\.reason: /);

    const noReason = await q.call('submit', {
      token: amina.token,
      body: submission(task, { decision: 'reject' }),
    });
    expect(noReason.error?.field).toBe('answer.reason');
    const noDecision = await q.call('submit', {
      token: amina.token,
      body: submission(task, { verdict: 'ok' }),
    });
    expect(noDecision.error?.field).toBe('answer.decision');

    expect(await storedFor(q, task.taskId)).toEqual([]);
    const [row] = await q.sql<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [task.taskId]);
    expect(row?.status).toBe('leased');
  });

  it("refuses work on someone else's task or lease (403) and on an unknown task (404)", async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const foreign = await q.call('submit', {
      token: bruno.token,
      body: submission(task, { decision: 'approve' }),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.error?.code).toBe('not_your_task');
    const wrongEpoch = await q.call('submit', {
      token: amina.token,
      body: { ...submission(task, { decision: 'approve' }), leaseEpoch: task.leaseEpoch + 1 },
    });
    expect(wrongEpoch.status).toBe(403);
    const unknown = await q.call('submit', {
      token: amina.token,
      body: { ...submission(task, { decision: 'approve' }), taskId: randomUUID() },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe('not_found');
    expect(await storedFor(q, task.taskId)).toEqual([]);
  });

  it('accepts late work while the task is open, and keeps later work as superseded', async () => {
    const q = queue();
    const project = await q.project(1);
    const first = await leaseOne(q, amina, project.id);
    await q.sql(`UPDATE tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [
      first.taskId,
    ]);
    const second = await leaseOne(q, bruno, project.id);
    expect(second.taskId).toBe(first.taskId);
    expect(second.leaseEpoch).toBe(first.leaseEpoch + 1);

    // Amina comes back online after her lease passed to Bruno, who has not finished: hers counts.
    const late = await q.call('submit', {
      token: amina.token,
      body: submission(first, { decision: 'approve' }),
    });
    expect(late.data).toMatchObject({ status: 'accepted', replay: false });
    // Bruno finishes afterwards: kept for a supervisor, flagged as superseded.
    const after = await q.call('submit', {
      token: bruno.token,
      body: submission(second, { decision: 'reject', reason: 'spam' }),
    });
    expect(after.status).toBe(200);
    expect(after.data).toMatchObject({ status: 'superseded', replay: false });
    expect((await storedFor(q, first.taskId)).map((row) => [row.worker_id, row.status])).toEqual([
      [amina.id, 'accepted'],
      [bruno.id, 'superseded'],
    ]);

    const results = await q.call('listResults', { token: admin.token, params: { projectId: project.id } });
    expect(results.data.results.map((result) => [result.worker, result.status, result.externalId])).toEqual([
      [amina.username, 'accepted', 'rev-1'],
      [bruno.username, 'superseded', 'rev-1'],
    ]);
  });

  it('accepts work sent after its own lease expired when nobody took the task', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    await q.sql(`UPDATE tasks SET lease_expires_at = now() - interval '1 hour' WHERE id = $1`, [task.taskId]);
    const reply = await q.call('submit', {
      token: amina.token,
      body: submission(task, { decision: 'approve' }),
    });
    expect(reply.data.status).toBe('accepted');
  });

  it('accepts exactly one of two holders submitting the same task at the same moment', async () => {
    const q = queue();
    const project = await q.project(8, { reviewRate: 0 });
    for (let round = 0; round < 8; round += 1) {
      const first = await leaseOne(q, amina, project.id);
      await q.sql(`UPDATE tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [
        first.taskId,
      ]);
      const second = await leaseOne(q, bruno, project.id);
      expect(second.taskId).toBe(first.taskId);
      const replies = await Promise.all([
        q.call('submit', { token: amina.token, body: submission(first, { decision: 'approve' }) }),
        q.call('submit', { token: bruno.token, body: submission(second, { decision: 'approve' }) }),
      ]);
      expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
      expect(replies.map((reply) => reply.data.status).sort()).toEqual(['accepted', 'superseded']);
      const stored = await storedFor(q, first.taskId);
      expect(stored.map((row) => row.status).sort()).toEqual(['accepted', 'superseded']);
      // Only the accepted answer is credited; the superseded one waits for a supervisor.
      const credited = await q.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ledger l JOIN submissions s ON s.id = l.submission_id
         WHERE s.task_id = $1 AND l.account = 'worker' AND l.bucket = 'accepted'`,
        [first.taskId],
      );
      expect(credited[0]?.n).toBe(1);
    }
  });

  it('takes a batch of answers, each with its own outcome in order, a refusal stopping none', async () => {
    const q = queue();
    const project = await q.project(3, { reviewRate: 0 });
    const reply = await q.call('leaseTasks', {
      token: amina.token,
      body: { count: 3, projectId: project.id },
    });
    const [first, second, third] = reply.data.tasks as [LeasedTask, LeasedTask, LeasedTask];
    const replayed = submission(first, { decision: 'approve' });
    await q.call('submit', { token: amina.token, body: replayed });
    const batch = await q.call('submitBatch', {
      token: amina.token,
      body: {
        submissions: [
          replayed,
          submission(second, { decision: 'reject', reason: 'rude' }),
          submission(third, { decision: 'reject', reason: 'spam' }),
          submission({ ...third, leaseEpoch: 9 }, { decision: 'approve' }),
        ],
      },
    });
    expect(batch.status).toBe(200);
    expect(
      batch.data.outcomes.map((outcome) => (outcome.ok ? outcome.result.status : outcome.error.code)),
    ).toEqual(['accepted', 'invalid_input', 'accepted', 'not_your_task']);
    expect(batch.data.outcomes[0]).toMatchObject({ ok: true, result: { replay: true } });
    expect(batch.data.outcomes[1]).toMatchObject({
      ok: false,
      status: 400,
      error: { field: 'answer.reason' },
    });
    expect(batch.data.outcomes[3]).toMatchObject({ ok: false, status: 403 });
    expect((await storedFor(q, first.taskId)).length).toBe(1);
    expect(await storedFor(q, second.taskId)).toEqual([]);
    expect((await storedFor(q, third.taskId)).map((row) => row.status)).toEqual(['accepted']);
  });

  it('stores concurrent copies of one submission exactly once', async () => {
    const q = queue();
    const project = await q.project(1);
    const task = await leaseOne(q, amina, project.id);
    const body = submission(task, { decision: 'approve' });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => q.call('submit', { token: amina.token, body })),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(replies.filter((reply) => !reply.data.replay)).toHaveLength(1);
    expect(new Set(replies.map((reply) => reply.data.submissionId)).size).toBe(1);
    expect(await storedFor(q, task.taskId)).toHaveLength(1);
  });

  it('lists results in pages, oldest first, for managers only', async () => {
    const q = queue();
    const project = await q.project(5);
    const leased = await q.call('leaseTasks', {
      token: bruno.token,
      body: { count: 5, projectId: project.id },
    });
    for (const task of leased.data.tasks) {
      await q.call('submit', { token: bruno.token, body: submission(task, { decision: 'approve' }) });
    }
    const seen: string[] = [];
    let after = 0;
    let pages = 0;
    for (;;) {
      const page = await q.call('listResults', {
        token: admin.token,
        params: { projectId: project.id },
        query: { limit: 2, after },
      });
      expect(page.status).toBe(200);
      pages += 1;
      seen.push(...page.data.results.map((result) => result.externalId ?? ''));
      if (page.data.nextAfter === null) break;
      after = page.data.nextAfter;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['rev-1', 'rev-2', 'rev-3', 'rev-4', 'rev-5']);
    expect(await q.server.admin.listResults(project.id)).toHaveLength(5);

    const refused = await q.call('listResults', { token: bruno.token, params: { projectId: project.id } });
    expect(refused.status).toBe(403);
    const unknown = await q.call('listResults', { token: admin.token, params: { projectId: randomUUID() } });
    expect(unknown.status).toBe(404);
  });
});
