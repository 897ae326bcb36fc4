import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { LeasedTask } from '../../src/shared/domain/task';
import type { FeedbackEvent } from '../../src/shared/protocol/endpoints';
import { describeOnBackends, reviewLines, type SignedIn, type TestQueue } from './server-harness';

async function lease(
  q: TestQueue,
  worker: SignedIn,
  count: number,
  projectId?: string,
): Promise<LeasedTask[]> {
  const reply = await q.call('leaseTasks', { token: worker.token, body: { count, projectId } });
  if (reply.status !== 200) throw new Error(`lease failed: ${JSON.stringify(reply.error)}`);
  return reply.data.tasks;
}

async function submit(
  q: TestQueue,
  worker: SignedIn,
  task: LeasedTask,
  answer: unknown,
  durationMs = 60_000,
) {
  const reply = await q.call('submit', {
    token: worker.token,
    body: {
      taskId: task.taskId,
      leaseEpoch: task.leaseEpoch,
      idempotencyKey: randomUUID(),
      answer,
      durationMs,
    },
  });
  if (reply.status !== 200) throw new Error(`submit failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

async function feedback(q: TestQueue, worker: SignedIn, after = 0) {
  const reply = await q.call('feedback', { token: worker.token, query: { after } });
  return reply.data;
}

/** Which tasks are honeypots: only the server knows (nothing the worker receives tells). */
async function honeypotIds(q: TestQueue, projectId: string): Promise<Set<string>> {
  const rows = await q.sql<{ id: string }>('SELECT id FROM tasks WHERE project_id = $1 AND honeypot', [
    projectId,
  ]);
  return new Set(rows.map((row) => row.id));
}

const APPROVE = { decision: 'approve' };
const SPAM = { decision: 'reject', reason: 'spam' };

function goldLines(count: number): string {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `gold-${index + 1}`,
      data: { text: `Buy now at spam.example ${index}` },
      gold: SPAM,
    }),
  ).join('\n');
}

describeOnBackends('honeypots, review, consensus, pay and impact', (queue) => {
  let admin: SignedIn;
  let supervisor: SignedIn;
  let workers: SignedIn[];
  let centreId: string;
  beforeAll(async () => {
    const q = queue();
    centreId = await q.centre('TG');
    [admin, supervisor, ...workers] = await Promise.all([
      q.signedIn('admin'),
      q.signedIn('supervisor', { centreId }),
      ...Array.from({ length: 5 }, () => q.signedIn('hitter', { centreId })),
    ]);
  }, 180_000);
  const worker = (index: number) => workers[index] as SignedIn;

  it('mixes honeypots in at the rate, indistinguishable, and scores them on submission', async () => {
    const q = queue();
    const project = await q.project(8, { honeypotRate: 0.2, reviewRate: 0, priceCents: 100 });
    const report = await q.server.admin.importFile(project.id, goldLines(5));
    expect(report).toMatchObject({ imported: 5, honeypots: 5, tasksCreated: 0 });

    const batch = await lease(q, worker(0), 10, project.id);
    expect(batch).toHaveLength(10);
    const gold = await honeypotIds(q, project.id);
    const honeypots = batch.filter((task) => gold.has(task.taskId));
    expect(honeypots).toHaveLength(2);
    const regular = batch.find((task) => !gold.has(task.taskId)) as LeasedTask;
    expect(Object.keys(honeypots[0] as object).sort()).toEqual(Object.keys(regular).sort());
    expect(honeypots[0]).toMatchObject({
      leaseEpoch: regular.leaseEpoch,
      externalId: null,
      priceCents: 100,
      kind: 'text_moderation',
    });
    expect(batch.every((task) => task.externalId === null)).toBe(true);

    const [pass, fail] = honeypots as [LeasedTask, LeasedTask];
    await submit(q, worker(0), pass, SPAM);
    await submit(q, worker(0), fail, APPROVE);
    const events = (await feedback(q, worker(0))).events.filter((event) => event.type === 'honeypot');
    expect(events.map((event) => [event.taskId, event.passed, event.score])).toEqual([
      [pass.taskId, true, 1],
      [fail.taskId, false, 0],
    ]);
    expect(events[1]).toMatchObject({ expected: { decision: 'reject', reason: 'spam' } });

    const stats = await q.call('projectWorkers', {
      token: supervisor.token,
      params: { projectId: project.id },
    });
    expect(stats.data.workers).toEqual([
      expect.objectContaining({
        workerId: worker(0).id,
        tasksLeased: 10,
        honeypotsScored: 2,
        honeypotsPassed: 1,
        accuracy: 0.5,
      }),
    ]);
    // A failed honeypot waits in the review queue; a passed one was accepted.
    const queueReply = await q.call('reviewQueue', {
      token: supervisor.token,
      query: { projectId: project.id },
    });
    expect(queueReply.data.submissions.map((entry) => [entry.taskId, entry.reviewReason])).toEqual([
      [fail.taskId, 'honeypot_failed'],
    ]);
    expect(queueReply.data.submissions[0]?.honeypot).toMatchObject({ passed: false, score: 0 });
    // Honeypots are never the client's results.
    const results = await q.call('listResults', { token: admin.token, params: { projectId: project.id } });
    expect(results.data.results).toHaveLength(0);
    // Nor the client's tasks in the impact report: a regular answer counts, the passed honeypot not.
    await submit(q, worker(0), regular, APPROVE);
    const impact = await q.call('projectImpact', { token: admin.token, params: { projectId: project.id } });
    expect(impact.data.tasksAccepted).toBe(1);
  });

  it('never hands the same honeypot twice to one worker, nor a batch of honeypots alone', async () => {
    const q = queue();
    const project = await q.project(2, { honeypotRate: 0.5, reviewRate: 0 });
    await q.server.admin.importFile(project.id, goldLines(1));
    const first = await lease(q, worker(1), 4, project.id);
    const gold = await honeypotIds(q, project.id);
    expect(first.filter((task) => gold.has(task.taskId))).toHaveLength(1);
    expect(first).toHaveLength(3);
    expect(await lease(q, worker(1), 4, project.id)).toEqual([]);
  });

  it('leases one task at a time on a honeypot project: a task every time, honeypots among them', async () => {
    const q = queue();
    const project = await q.project(6, { honeypotRate: 0.5, reviewRate: 0 });
    await q.server.admin.importFile(project.id, goldLines(2));
    const taken: LeasedTask[] = [];
    for (let call = 0; call < 8; call += 1) {
      const batch = await lease(q, worker(4), 1, project.id);
      expect(batch, `lease call ${call + 1}`).toHaveLength(1);
      taken.push(...batch);
    }
    const gold = await honeypotIds(q, project.id);
    // Both gold items came (at the rate, 0.5), then regular work filled the rest: 2 + 6 = 8.
    expect(taken.filter((task) => gold.has(task.taskId))).toHaveLength(2);
    expect(new Set(taken.map((task) => task.itemId)).size).toBe(8);
    // A task every time, and an empty answer only once nothing regular is left.
    expect(await lease(q, worker(4), 1, project.id)).toEqual([]);
    // Gold epochs look like regular ones (first leases: epoch 1 everywhere).
    expect(new Set(taken.map((task) => task.leaseEpoch))).toEqual(new Set([1]));
  });

  it('routes a sample to review and applies verdicts: accept, reject with a reason, correct as a new version', async () => {
    const q = queue();
    const project = await q.project(4, { reviewRate: 1, priceCents: 100, overlap: 1 });
    const tasks = await lease(q, worker(2), 4, project.id);
    const submitted = [];
    for (const task of tasks) submitted.push(await submit(q, worker(2), task, APPROVE));
    const pending = await q.call('reviewQueue', {
      token: supervisor.token,
      query: { projectId: project.id, reason: 'sample' },
    });
    expect(pending.data.submissions).toHaveLength(4);
    expect(pending.data.submissions[0]?.autoAcceptAt).not.toBeNull();
    const balance = await q.call('workerBalances', {
      token: worker(2).token,
      params: { userId: worker(2).id },
    });
    expect(balance.data).toEqual({ currency: 'EUR', pendingCents: 240, acceptedCents: 0, paidCents: 0 });

    const [a, b, c] = submitted.map((entry) => entry.submissionId) as [string, string, string];
    const verdict = (submissionId: string, body: Record<string, unknown>, token = supervisor.token) =>
      q.call('reviewSubmission', { token, params: { submissionId }, body: body as never });
    expect((await verdict(a, { verdict: 'accept' })).data.reviewStatus).toBe('accepted');
    const noReason = await verdict(b, { verdict: 'reject' });
    expect(noReason.error).toMatchObject({ code: 'invalid_input', field: 'reason' });
    const rejected = await verdict(b, {
      verdict: 'reject',
      reason: 'wrong_decision',
      comment: 'Read the whole review',
    });
    expect(rejected.data).toMatchObject({ reviewStatus: 'rejected', verdict: { reason: 'wrong_decision' } });
    const badCorrection = await verdict(c, {
      verdict: 'correct',
      correctedAnswer: { decision: 'reject', reason: 'nope' },
    });
    expect(badCorrection.error).toMatchObject({ code: 'invalid_input', field: 'correctedAnswer.reason' });
    const corrected = await verdict(c, { verdict: 'correct', correctedAnswer: SPAM });
    expect(corrected.data).toMatchObject({
      reviewStatus: 'corrected',
      version: 2,
      answer: { decision: 'approve' },
      currentAnswer: SPAM,
    });
    expect((await verdict(a, { verdict: 'reject', reason: 'late' })).status).toBe(409);
    const own = await verdict(a, { verdict: 'accept' }, worker(2).token);
    expect(own.status).toBe(403);

    const after = await q.call('workerBalances', {
      token: worker(2).token,
      params: { userId: worker(2).id },
    });
    expect(after.data).toMatchObject({ pendingCents: 60, acceptedCents: 120 });
    const events = (await feedback(q, worker(2))).events;
    const verdicts = events.filter(
      (event): event is Extract<FeedbackEvent, { type: 'verdict' }> => event.type === 'verdict',
    );
    expect(verdicts.map((event) => [event.submissionId, event.verdict, event.reason ?? null])).toEqual([
      [a, 'accepted', null],
      [b, 'rejected', 'wrong_decision'],
      [c, 'corrected', null],
    ]);
    expect(verdicts[2]?.correctedAnswer).toMatchObject(SPAM);
    expect(
      events.filter((event) => event.type === 'earning').map((event) => (event as { status: string }).status),
    ).toEqual(['pending', 'pending', 'pending', 'pending', 'accepted', 'cancelled', 'accepted']);
    // The rejected answer no longer counts: its item gets a new task for someone else.
    const reopened = await lease(q, worker(3), 10, project.id);
    expect(reopened.map((task) => task.itemId)).toEqual([tasks[1]?.itemId]);
    const results = await q.call('listResults', { token: admin.token, params: { projectId: project.id } });
    const byId = new Map(results.data.results.map((result) => [result.submissionId, result]));
    expect(byId.get(c)).toMatchObject({ reviewStatus: 'corrected', version: 2, answer: SPAM });
  });

  it('accepts unreviewed work after the delay, and keeps late work for review', async () => {
    const q = queue();
    const project = await q.project(1, { reviewRate: 1, priceCents: 100, autoAcceptHours: 1 });
    const [task] = await lease(q, worker(0), 1, project.id);
    if (!task) throw new Error('no task');
    // The lease ran out and someone else finished first: the late answer is kept and flagged.
    await q.sql(`UPDATE tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [
      task.taskId,
    ]);
    const [again] = await lease(q, worker(1), 1, project.id);
    if (!again) throw new Error('no re-lease');
    const first = await submit(q, worker(1), again, APPROVE);
    const late = await submit(q, worker(0), task, SPAM);
    expect([first.status, late.status]).toEqual(['accepted', 'superseded']);
    const flagged = await q.call('reviewQueue', {
      token: supervisor.token,
      query: { projectId: project.id, reason: 'late_work' },
    });
    expect(flagged.data.submissions.map((entry) => entry.submissionId)).toEqual([late.submissionId]);

    await q.sql(`UPDATE submissions SET auto_accept_at = now() - interval '1 second' WHERE project_id = $1`, [
      project.id,
    ]);
    const swept = await q.server.admin.sweep();
    expect(swept.autoAccepted).toBe(2);
    const events = (await feedback(q, worker(0))).events.filter(
      (event) => event.submissionId === late.submissionId,
    );
    expect(events.map((event) => event.type)).toEqual(['earning', 'verdict', 'earning']);
    expect(events[1]).toMatchObject({ verdict: 'accepted', reason: 'auto_accepted' });
  });

  it('exports and aggregates only reviewed answers: accepted, and corrected as corrected; never pending or rejected', async () => {
    const q = queue();
    const project = await q.project(4, { reviewRate: 1, overlap: 1 });
    const tasks = await lease(q, worker(4), 4, project.id);
    expect(tasks).toHaveLength(4);
    const submitted = [];
    for (const task of tasks) submitted.push(await submit(q, worker(4), task, APPROVE));
    const [accepted, rejected, corrected, pending] = submitted.map((entry) => entry.submissionId) as [
      string,
      string,
      string,
      string,
    ];
    const verdict = (submissionId: string, body: Record<string, unknown>) =>
      q.call('reviewSubmission', { token: supervisor.token, params: { submissionId }, body: body as never });
    expect((await verdict(accepted, { verdict: 'accept' })).status).toBe(200);
    expect((await verdict(rejected, { verdict: 'reject', reason: 'wrong_decision' })).status).toBe(200);
    expect((await verdict(corrected, { verdict: 'correct', correctedAnswer: SPAM })).status).toBe(200);

    const exported = await q.call('exportProject', {
      token: admin.token,
      params: { projectId: project.id },
      query: { format: 'jsonl' },
    });
    const lines = Buffer.from(exported.data as unknown as Uint8Array)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { submissionId: string; answer: unknown });
    expect(lines.map((line) => line.submissionId)).toEqual([accepted, corrected]);
    expect(lines.map((line) => line.answer)).toEqual([
      { ...APPROVE, spans: [] },
      { ...SPAM, spans: [] },
    ]);
    expect(lines.map((line) => line.submissionId)).not.toContain(pending);

    const consensus = await q.call('getConsensus', { token: admin.token, params: { projectId: project.id } });
    expect(consensus.data.items.map((item) => item.answer)).toMatchObject([APPROVE, SPAM]);
  });

  it('aggregates overlapping answers into a consensus with an agreement', async () => {
    const q = queue();
    const project = await q.project(2, { overlap: 3, reviewRate: 0 });
    const answers = [APPROVE, APPROVE, SPAM];
    for (const [index, answer] of answers.entries()) {
      for (const task of await lease(q, worker(index), 2, project.id))
        await submit(q, worker(index), task, answer);
    }
    const consensus = await q.call('getConsensus', { token: admin.token, params: { projectId: project.id } });
    expect(consensus.data.items).toHaveLength(2);
    for (const item of consensus.data.items) {
      expect(item).toMatchObject({ answers: 3, answer: { decision: 'approve' } });
      expect(item.agreement).toBeCloseTo(1 / 3, 3);
    }
  });

  it('splits pay 60/35/5 in an append-only ledger, pays out, and reports the impact', async () => {
    const q = queue();
    const project = await q.project(3, { reviewRate: 0, priceCents: 100 });
    const tasks = await lease(q, worker(3), 3, project.id);
    for (const task of tasks) await submit(q, worker(3), task, APPROVE, 30 * 60_000);
    await q.call('recordTraining', {
      token: supervisor.token,
      body: {
        projectId: project.id,
        heldOn: '2026-03-02',
        hours: 2,
        attendees: 5,
        topic: 'Moderation basics',
      },
    });
    const before = await q.call('workerBalances', { token: admin.token, params: { userId: worker(3).id } });
    expect(before.data.acceptedCents).toBeGreaterThanOrEqual(180);
    const payout = await q.call('createPayout', { token: admin.token, body: { workerId: worker(3).id } });
    expect(payout.status).toBe(201);
    expect(payout.data.amountCents).toBe(before.data.acceptedCents);
    const again = await q.call('createPayout', { token: admin.token, body: { workerId: worker(3).id } });
    expect(again.data).toMatchObject({ amountCents: 0, submissions: 0 });
    const after = await q.call('workerBalances', {
      token: worker(3).token,
      params: { userId: worker(3).id },
    });
    expect(after.data).toMatchObject({ acceptedCents: 0, paidCents: before.data.acceptedCents });

    const impact = await q.call('projectImpact', { token: admin.token, params: { projectId: project.id } });
    expect(impact.data).toMatchObject({
      workers: 1,
      countries: [{ country: 'TG', workers: 1 }],
      tasksAccepted: 3,
      activeHours: 1.5,
      paidToWorkersCents: 180,
      paidOutCents: 180,
      platformCents: 105,
      helpProgrammeCents: 15,
      trainingHours: 2,
      trainingPersonHours: 10,
    });
    await expect(
      q.sql(`UPDATE ledger SET amount_cents = 0 WHERE project_id = $1`, [project.id]),
    ).rejects.toThrow(/append-only/);
    await expect(q.sql(`DELETE FROM ledger WHERE project_id = $1`, [project.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('leases only to eligible workers: skills and data residency', async () => {
    const q = queue();
    const elsewhere = await q.centre('FR');
    const skilled = await q.project(2, { requiredSkills: ['french'], reviewRate: 0 });
    const resident = await q.project(2, { residency: { countries: ['FR'], centreIds: [] }, reviewRate: 0 });
    const refused = await q.call('leaseTasks', {
      token: worker(1).token,
      body: { count: 5, projectId: skilled.id },
    });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain('needs the skill french');
    const notHere = await q.call('leaseTasks', {
      token: worker(1).token,
      body: { count: 5, projectId: resident.id },
    });
    expect(notHere.status).toBe(403);
    const anything = await lease(q, worker(1), 50);
    expect(anything.some((task) => task.projectId === skilled.id || task.projectId === resident.id)).toBe(
      false,
    );

    await q.call('updateUser', {
      token: supervisor.token,
      params: { userId: worker(1).id },
      body: { skills: ['french'] },
    });
    expect((await lease(q, worker(1), 5, skilled.id)).length).toBe(2);
    const parisian = await q.signedIn('hitter', { centreId: elsewhere });
    expect((await lease(q, parisian, 5, resident.id)).length).toBe(2);
  });

  it('imports gold answers checked like answers, and refuses bad ones by line', async () => {
    const q = queue();
    const project = await q.project(0);
    const report = await q.server.admin.importFile(
      project.id,
      [
        reviewLines(1, 'ok'),
        JSON.stringify({ id: 'g1', data: { text: 'x' }, gold: { decision: 'reject', reason: 'boring' } }),
      ].join('\n'),
    );
    expect(report).toMatchObject({ imported: 1, rejectedCount: 1 });
    expect(report.rejected[0]).toMatchObject({ line: 2, field: 'gold.reason' });
  });
});

describeOnBackends(
  'the per-worker cap of outstanding leases',
  (queue) => {
    it('hands out no more than the cap, and says why when it is reached', async () => {
      const q = queue();
      const project = await q.project(10);
      const hitter = await q.signedIn();
      expect(await lease(q, hitter, 50, project.id)).toHaveLength(3);
      const full = await q.call('leaseTasks', {
        token: hitter.token,
        body: { count: 1, projectId: project.id },
      });
      expect(full.status).toBe(409);
      expect(full.error?.message).toContain('you already hold 3 tasks');
    });
  },
  { settings: { maxOutstandingLeases: 3 } },
);

describeOnBackends(
  'pay in the deployment currency',
  (queue) => {
    it('gives every figure in the configured currency, even a payout of nothing', async () => {
      const q = queue();
      const [admin, hitter] = await Promise.all([q.signedIn('admin'), q.signedIn('hitter')]);
      const payout = await q.call('createPayout', { token: admin.token, body: { workerId: hitter.id } });
      expect(payout.data).toMatchObject({ amountCents: 0, submissions: 0, currency: 'XOF' });
      const balances = await q.call('workerBalances', { token: hitter.token, params: { userId: hitter.id } });
      expect(balances.data.currency).toBe('XOF');
    });
  },
  { settings: { currency: 'XOF' } },
);
