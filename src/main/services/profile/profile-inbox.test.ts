import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leasedTask, steppingClock, tempDir } from '../../../../test/helpers/workstation/fixtures';
import { compareInbox, inboxOf, summaryOf } from '../inbox';
import { migrate } from '../sqlite/open-database';
import { PROFILE_MIGRATIONS } from './profile-schema';
import { INBOX_LIMITS } from './profile-inbox';
import { profileDbPath } from './profile-paths';
import { DRAFT_SYNC_MS, ProfileStore } from './profile-store';

let dir: ReturnType<typeof tempDir>;
let userId: string;
let store: ProfileStore;

beforeEach(() => {
  dir = tempDir('hitdesk-inbox-');
  userId = randomUUID();
  store = ProfileStore.open(dir.path, userId, steppingClock());
});
afterEach(() => {
  store.close();
  dir.remove();
});

type Step = { kind: 'take' } | { kind: 'draft' | 'submit' | 'settle'; pick: number; outcome: number };

describe('the inbox query', () => {
  it('gives the same order as the reference comparator, whatever happened to the tasks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant<Step>({ kind: 'take' }),
            fc.record({
              kind: fc.constantFrom('draft' as const, 'submit' as const, 'settle' as const),
              pick: fc.nat(),
              outcome: fc.nat(2),
            }),
          ),
          { maxLength: 40 },
        ),
        (steps) => {
          store.close();
          store = ProfileStore.open(dir.path, randomUUID(), steppingClock());
          for (const step of steps) {
            if (step.kind === 'take') {
              store.storeLeasedTasks([leasedTask(), leasedTask()]);
              continue;
            }
            const rows = store.listTasks();
            const open = rows.filter((row) => row.state === 'todo' || row.state === 'draft');
            if (step.kind === 'draft' && open.length > 0) {
              store.saveDraft(open[step.pick % open.length]!.taskId, '{"decision":"approve"}');
            } else if (step.kind === 'submit' && open.length > 0) {
              store.submit(open[step.pick % open.length]!.taskId, { decision: 'approve' });
            } else if (step.kind === 'settle') {
              const next = store.nextPending();
              if (next) {
                const outcomes = [
                  { outcome: 'accepted' as const },
                  { outcome: 'superseded' as const, message: 'late' },
                  { outcome: 'refused' as const, message: 'no' },
                ];
                store.settle(next.id, outcomes[step.outcome]!);
              }
            }
          }
          const fromSql = store.inbox().map(summaryOf);
          const reference = inboxOf(store.listTasks());
          expect(fromSql.map((task) => task.taskId)).toEqual(reference.map((task) => task.taskId));
          expect(fromSql).toEqual(reference);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('shows every open task but only the latest settled ones', () => {
    const tasks = Array.from({ length: INBOX_LIMITS.settled + 30 }, () => leasedTask());
    store.storeLeasedTasks(tasks);
    for (const task of tasks.slice(0, INBOX_LIMITS.settled + 20))
      store.submit(task.taskId, { decision: 'approve' });
    for (let row = store.nextPending(); row; row = store.nextPending())
      store.settle(row.id, { outcome: 'accepted' });
    const inbox = store.inbox();
    expect(inbox.filter((row) => row.state === 'todo')).toHaveLength(10);
    expect(inbox.filter((row) => row.state === 'accepted')).toHaveLength(INBOX_LIMITS.settled);
    const all = [...store.listTasks()].sort(compareInbox).slice(0, 10 + INBOX_LIMITS.settled);
    expect(inbox.map((row) => row.task_id)).toEqual(all.map((row) => row.taskId));
  });
});

describe('a profile database from the first version', () => {
  it('is migrated in place, its tasks, drafts and outbox kept', () => {
    store.close();
    const file = profileDbPath(dir.path, userId);
    const old = new Database(file);
    // Start again from schema 1 alone, as the walking skeleton wrote it.
    old.exec('DROP TABLE IF EXISTS task_media; DROP TABLE IF EXISTS media; DROP TABLE IF EXISTS feedback;');
    old.exec('DROP TABLE tasks; DROP TABLE outbox; DROP TABLE meta;');
    old.pragma('user_version = 0');
    migrate(old, PROFILE_MIGRATIONS.slice(0, 1), 'v1');
    const [a, b] = [leasedTask({ data: { text: 'Old review, kept.' } }), leasedTask()];
    const insert = old.prepare(
      `INSERT INTO tasks (task_id, kind, project_id, project_name, task_json, lease_epoch, lease_expires_at,
         lease_order, state, draft_json, answer_json, created_at, updated_at)
       VALUES (?, 'text_moderation', ?, 'P', ?, 1, '2026-03-04T12:00:00.000Z', ?, ?, ?, ?, '2026-03-01T08:00:00.000Z', ?)`,
    );
    insert.run(
      a.taskId,
      a.projectId,
      JSON.stringify(a),
      1,
      'draft',
      '{"decision":"approve"}',
      null,
      '2026-03-01T09:00:00.000Z',
    );
    insert.run(
      b.taskId,
      b.projectId,
      JSON.stringify(b),
      2,
      'pending',
      null,
      '{"decision":"approve"}',
      '2026-03-01T10:00:00.000Z',
    );
    old
      .prepare(
        `INSERT INTO outbox (idempotency_key, task_id, lease_epoch, answer_json, created_at)
         VALUES ('k-0123456789abcdef', ?, 1, '{"decision":"approve"}', '2026-03-01T10:00:00.000Z')`,
      )
      .run(b.taskId);
    old.close();

    store = ProfileStore.open(dir.path, userId, steppingClock());
    expect(store.getTask(a.taskId)).toMatchObject({
      state: 'draft',
      draft: { decision: 'approve' },
      preview: 'Old review, kept.',
    });
    expect(store.getTask(b.taskId)).toMatchObject({ submittedAt: '2026-03-01T10:00:00.000Z' });
    expect(
      store
        .inbox()
        .map(summaryOf)
        .map((task) => [task.taskId, task.preview]),
    ).toEqual([
      [a.taskId, 'Old review, kept.'],
      [b.taskId, 'Great shoes, fast delivery.'],
    ]);
    expect(store.nextPending()).toMatchObject({ taskId: b.taskId, submissionId: null });
  });
});

describe('leases and the open task', () => {
  it('renews what the queue renews and flags what it says is lost', () => {
    const [a, b, c] = [leasedTask(), leasedTask(), leasedTask()];
    store.storeLeasedTasks([a, b, c]);
    store.submit(c.taskId, { decision: 'approve' });
    expect(
      store
        .leasesToRenew()
        .map((lease) => lease.taskId)
        .sort(),
    ).toEqual([a, b, c].map((t) => t.taskId).sort());
    const changed = store.applyRenewals([
      { taskId: a.taskId, leaseEpoch: 1, status: 'renewed', leaseExpiresAt: '2026-03-09T12:00:00.000Z' },
      { taskId: b.taskId, leaseEpoch: 1, status: 'lost', leaseExpiresAt: null },
      // An answer for an older epoch changes nothing.
      { taskId: c.taskId, leaseEpoch: 7, status: 'lost', leaseExpiresAt: null },
    ]);
    expect(changed).toEqual([a.taskId, b.taskId]);
    expect(store.getTask(a.taskId)?.leaseExpiresAt).toBe('2026-03-09T12:00:00.000Z');
    expect(summaryOf(store.inboxRecord(b.taskId)!)).toMatchObject({ leaseLost: true });
    expect(
      store
        .leasesToRenew()
        .map((lease) => lease.taskId)
        .sort(),
    ).toEqual([a.taskId, c.taskId].sort());
    // Leased to this HITer again, the task is theirs again.
    store.storeLeasedTasks([{ ...b, leaseEpoch: 2 }]);
    expect(store.getTask(b.taskId)?.leaseLost).toBe(false);
  });

  it('remembers the task on screen across a restart', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.setOpenTask(task.taskId);
    store.close();
    store = ProfileStore.open(dir.path, userId);
    expect(store.openTaskId()).toBe(task.taskId);
    store.setOpenTask(null);
    expect(store.openTaskId()).toBeNull();
  });

  it('flushes autosaved drafts into the database file within a second (the power-cut window)', async () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    const marker = `draft-marker-${randomUUID()}`;
    const file = profileDbPath(dir.path, userId);
    store.saveDraft(task.taskId, JSON.stringify({ decision: 'approve', note: marker }));
    // Written to the WAL only (synchronous=NORMAL): the database file does not hold it yet.
    expect(readFileSync(file).includes(marker)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, DRAFT_SYNC_MS + 300));
    expect(readFileSync(file).includes(marker)).toBe(true);
  });
});
