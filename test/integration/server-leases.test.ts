import { beforeAll, expect, it } from 'vitest';
import type { LeasedTask } from '../../src/shared/domain/task';
import { describeOnBackends, type SignedIn, type TestQueue } from './server-harness';

async function lease(
  queue: TestQueue,
  worker: SignedIn,
  count: number,
  projectId?: string,
): Promise<LeasedTask[]> {
  const reply = await queue.call('leaseTasks', { token: worker.token, body: { count, projectId } });
  if (reply.status !== 200) throw new Error(`lease failed: ${JSON.stringify(reply.error)}`);
  return reply.data.tasks;
}

/** Moves the lease of these tasks into the past, as if days had gone by. */
async function expire(queue: TestQueue, taskIds: string[]) {
  await queue.sql(
    `UPDATE tasks SET lease_expires_at = now() - interval '1 second'
     WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
    [JSON.stringify(taskIds)],
  );
}

describeOnBackends('leasing tasks', (queue) => {
  let workers: SignedIn[] = [];
  beforeAll(async () => {
    workers = await Promise.all(Array.from({ length: 10 }, () => queue().signedIn()));
  }, 120_000);
  const worker = (index: number) => workers[index] as SignedIn;

  it('hands out at most count tasks, complete for offline work, in import order', async () => {
    const q = queue();
    const project = await q.project(5);
    const tasks = await lease(q, worker(0), 3, project.id);
    expect(tasks).toHaveLength(3);
    expect(tasks.map((task) => task.data)).toMatchObject(
      [1, 2, 3].map((n) => ({ text: `Review number ${n}` })),
    );
    // The client's own ids stay on the server: they could tell a honeypot from a regular task.
    expect(tasks.every((task) => task.externalId === null)).toBe(true);
    const first = tasks[0] as LeasedTask;
    expect(first).toMatchObject({
      projectId: project.id,
      kind: 'text_moderation',
      leaseEpoch: 1,
      priceCents: 3,
      data: { text: 'Review number 1', rating: 4 },
    });
    if (first.kind !== 'text_moderation')
      throw new Error(`expected a text_moderation task, got ${first.kind}`);
    expect(first.config.reasons.map((reason) => reason.code)).toEqual(['insult', 'spam']);
    const hours = (Date.parse(first.leaseExpiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71);
    expect(hours).toBeLessThanOrEqual(72);

    const rest = await lease(q, worker(0), 10, project.id);
    expect(rest.map((task) => task.data)).toMatchObject([4, 5].map((n) => ({ text: `Review number ${n}` })));
    expect(await lease(q, worker(0), 10, project.id)).toEqual([]);

    const history = await q.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM leases l JOIN tasks t ON t.id = l.task_id WHERE t.project_id = $1',
      [project.id],
    );
    expect(history[0]?.n).toBe(5);
  });

  it('hands back the same tasks when a request key is asked again, and no more', async () => {
    const q = queue();
    const project = await q.project(8, { honeypotRate: 0 });
    const take = (requestKey: string, count = 3, replayOnly?: boolean) =>
      q.call('leaseTasks', {
        token: worker(9).token,
        body: { count, projectId: project.id, requestKey, ...(replayOnly ? { replayOnly } : {}) },
      });
    // Recovering a key the queue never saw (the request never arrived) leases nothing.
    expect((await take('take-key-never-arrived', 3, true)).data.tasks).toEqual([]);
    const first = await take('take-key-0000000001');
    expect(first.data.tasks).toHaveLength(3);
    // The answer was lost on the way: asked again, the same tasks and epochs, nothing new leased.
    const again = await take('take-key-0000000001');
    expect(again.data.tasks.map((task) => [task.taskId, task.leaseEpoch])).toEqual(
      first.data.tasks.map((task) => [task.taskId, task.leaseEpoch]),
    );
    const held = await q.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE project_id = $1 AND status = 'leased'`,
      [project.id],
    );
    expect(held[0]?.n).toBe(3);
    // A new key is a new batch.
    const second = await take('take-key-0000000002');
    expect(second.data.tasks.map((task) => task.taskId)).not.toContain(first.data.tasks[0]?.taskId);
    expect((await take('take-key-0000000001', 3, true)).data.tasks).toHaveLength(3);
    // A task whose lease ran out since is not handed back.
    await expire(q, [first.data.tasks[0]?.taskId as string]);
    const late = await take('take-key-0000000001');
    expect(late.data.tasks.map((task) => task.taskId)).toEqual(
      first.data.tasks.slice(1).map((task) => task.taskId),
    );
  });

  it('answers 404 for an unknown project', async () => {
    const reply = await queue().call('leaseTasks', {
      token: worker(0).token,
      body: { count: 1, projectId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(reply.status).toBe(404);
    expect(reply.error?.code).toBe('not_found');
  });

  it('never leases one task twice to concurrent callers', async () => {
    const q = queue();
    const project = await q.project(24);
    const batches = await Promise.all(workers.map((each) => lease(q, each, 3, project.id)));
    const taskIds = batches.flat().map((task) => task.taskId);
    expect(taskIds).toHaveLength(24);
    expect(new Set(taskIds).size).toBe(24);
    const rows = await q.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE project_id = $1 AND status = 'leased' AND lease_epoch = 1`,
      [project.id],
    );
    expect(rows[0]?.n).toBe(24);
  });

  it('re-leases an expired lease with a higher epoch, and keeps the history', async () => {
    const q = queue();
    const project = await q.project(1);
    const [first] = await lease(q, worker(1), 1, project.id);
    expect(first?.leaseEpoch).toBe(1);
    expect(await lease(q, worker(2), 1, project.id)).toEqual([]); // still held

    await expire(q, [first?.taskId ?? '']);
    const [second] = await lease(q, worker(2), 1, project.id);
    expect(second?.taskId).toBe(first?.taskId);
    expect(second?.leaseEpoch).toBe(2);

    const history = await q.sql<{ epoch: number; worker_id: string }>(
      'SELECT epoch, worker_id FROM leases WHERE task_id = $1 ORDER BY epoch',
      [first?.taskId],
    );
    expect(history).toEqual([
      { epoch: 1, worker_id: worker(1).id },
      { epoch: 2, worker_id: worker(2).id },
    ]);
  });

  it('never gives a worker the same item twice, whatever the overlap', async () => {
    const q = queue();
    const project = await q.project(3, { overlap: 3 });
    const mine = await lease(q, worker(3), 50, project.id);
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((task) => task.itemId)).size).toBe(3);
    expect(await lease(q, worker(3), 50, project.id)).toEqual([]);

    // Once the lease runs out the worker may get that same task back, never another replica of the item.
    await expire(
      q,
      mine.map((task) => task.taskId),
    );
    const again = await lease(q, worker(3), 50, project.id);
    expect(again.map((task) => task.taskId).sort()).toEqual(mine.map((task) => task.taskId).sort());
    expect(again.every((task) => task.leaseEpoch === 2)).toBe(true);

    // Other workers share the remaining replicas, one per item each.
    const other = await lease(q, worker(4), 50, project.id);
    expect(other).toHaveLength(3);
    expect(new Set(other.map((task) => task.itemId)).size).toBe(3);
    expect(other.some((task) => mine.some((taken) => taken.taskId === task.taskId))).toBe(false);
  });

  it('does not hand an answered item to its worker again', async () => {
    const q = queue();
    const project = await q.project(1, { overlap: 2 });
    const [task] = await lease(q, worker(5), 1, project.id);
    if (!task) throw new Error('no task');
    const submitted = await q.call('submit', {
      token: worker(5).token,
      body: {
        taskId: task.taskId,
        leaseEpoch: task.leaseEpoch,
        idempotencyKey: `key-${task.taskId}`,
        answer: { decision: 'approve' },
      },
    });
    expect(submitted.data.status).toBe('accepted');
    expect(await lease(q, worker(5), 5, project.id)).toEqual([]);
    const forOther = await lease(q, worker(6), 5, project.id);
    expect(forOther).toHaveLength(1);
    expect(forOther[0]?.itemId).toBe(task.itemId);
  });

  it('leases across projects when no project is named', async () => {
    const q = queue();
    const one = await q.project(1);
    const two = await q.project(1);
    const fresh = await q.signedIn();
    const tasks = await lease(q, fresh, 50);
    const projects = new Set(tasks.map((task) => task.projectId));
    expect(projects.has(one.id) && projects.has(two.id)).toBe(true);
    // Counted in each project, honeypots or not: the counts also open its example images.
    const counts = await q.sql<{ project_id: string; tasks_leased: number }>(
      `SELECT project_id, tasks_leased FROM worker_project_stats WHERE worker_id = $1 AND project_id IN ($2, $3)
       ORDER BY project_id`,
      [fresh.id, one.id, two.id],
    );
    expect(counts).toEqual(
      [one.id, two.id].sort().map((projectId) => ({ project_id: projectId, tasks_leased: 1 })),
    );
  });
});
