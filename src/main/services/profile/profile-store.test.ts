import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leasedTask, steppingClock, tempDir } from '../../../../test/helpers/workstation/fixtures';
import { profileDbPath } from './profile-paths';
import { ProfileStore } from './profile-store';

let dir: ReturnType<typeof tempDir>;
let userId: string;
let store: ProfileStore;

beforeEach(() => {
  dir = tempDir('hitdesk-profile-');
  userId = randomUUID();
  store = ProfileStore.open(dir.path, userId, steppingClock());
});
afterEach(() => {
  store.close();
  dir.remove();
});

/** A second, independent connection to the same file: what a crash-restart would see. */
function rawDb(): Database.Database {
  return new Database(profileDbPath(dir.path, userId));
}

describe('profile database', () => {
  it('lives under profiles/<userId>/ with WAL and the current schema', () => {
    const db = rawDb();
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(3);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(
        expect.arrayContaining(['meta', 'tasks', 'outbox', 'media', 'task_media', 'feedback']),
      );
    } finally {
      db.close();
    }
  });

  it('refuses a user id that is not a uuid before touching the disk', () => {
    expect(() => profileDbPath(dir.path, '../../etc')).toThrow(/must be a uuid/);
    expect(() => ProfileStore.open(dir.path, 'x/../y')).toThrow(/must be a uuid/);
  });

  it('keeps the token across reopening, and forgets it on request', () => {
    store.setToken('tok-1');
    store.close();
    store = ProfileStore.open(dir.path, userId);
    expect(store.getToken()).toBe('tok-1');
    store.setToken(null);
    expect(store.getToken()).toBeNull();
  });
});

describe('leased tasks', () => {
  it('caches a batch as todo, in lease order', () => {
    const [a, b] = [leasedTask(), leasedTask()];
    expect(store.storeLeasedTasks([a, b])).toEqual([a.taskId, b.taskId]);
    const rows = store.listTasks();
    expect(rows.map((row) => [row.taskId, row.state, row.leaseOrder])).toEqual([
      [a.taskId, 'todo', 1],
      [b.taskId, 'todo', 2],
    ]);
    expect(store.getTask(a.taskId)?.task).toEqual(a);
  });

  it('a task leased again takes the new epoch and expiry and keeps its draft', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.saveDraft(task.taskId, JSON.stringify({ decision: 'reject', reason: null }));
    const again = { ...task, leaseEpoch: 2, leaseExpiresAt: '2026-03-09T12:00:00.000Z' };
    store.storeLeasedTasks([again]);
    const row = store.getTask(task.taskId);
    expect(row?.state).toBe('draft');
    expect(row?.draft).toEqual({ decision: 'reject', reason: null });
    expect(row?.leaseEpoch).toBe(2);
    expect(row?.leaseOrder).toBe(1);
    expect(row?.task).toEqual(again);
  });

  it('a refused task leased again is open again, its draft kept', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.submit(task.taskId, { decision: 'approve' });
    const pending = store.nextPending();
    store.settle(pending!.id, { outcome: 'refused', message: 'not your task' });
    expect(store.getTask(task.taskId)?.state).toBe('refused');
    store.storeLeasedTasks([{ ...task, leaseEpoch: 3 }]);
    expect(store.getTask(task.taskId)).toMatchObject({ state: 'todo', serverMessage: null, leaseEpoch: 3 });
  });
});

describe('drafts', () => {
  it('moves todo to draft, and refuses closed tasks', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.saveDraft(task.taskId, '{"decision":"approve","reason":null}');
    expect(store.getTask(task.taskId)?.state).toBe('draft');
    store.submit(task.taskId, { decision: 'approve' });
    expect(() => store.saveDraft(task.taskId, '{}')).toThrow(
      expect.objectContaining({ code: 'task_closed' }),
    );
    expect(() => store.saveDraft(randomUUID(), '{}')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('has a saved draft in the database file itself (not only the WAL) 100 ms after the save', () => {
    // The main process's share of "an edit is on disk within 500 ms": the rest is the renderer's debounce.
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.close();
    vi.useFakeTimers();
    try {
      store = ProfileStore.open(dir.path, userId, steppingClock());
      store.saveDraft(task.taskId, '{"n":1}');
      store.saveDraft(task.taskId, '{"n":2}');
      vi.advanceTimersByTime(100);
      // What a power cut right now leaves if the WAL had not reached the disk: the main file alone.
      const copy = join(dir.path, 'copy.db');
      copyFileSync(profileDbPath(dir.path, userId), copy);
      const db = new Database(copy, { readonly: true });
      try {
        const draft = db.prepare('SELECT draft_json FROM tasks WHERE task_id = ?').pluck().get(task.taskId);
        expect(draft).toBe('{"n":2}');
      } finally {
        db.close();
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('submit', () => {
  it('writes the answer, the pending state and the outbox row together', () => {
    const task = leasedTask({ leaseEpoch: 4 });
    store.storeLeasedTasks([task]);
    store.markOpened(task.taskId);
    const row = store.submit(task.taskId, { decision: 'reject', reason: 'spam' });
    expect(row).toMatchObject({ state: 'pending', answer: { decision: 'reject', reason: 'spam' } });
    const [outbox] = store.outbox();
    expect(outbox).toMatchObject({
      taskId: task.taskId,
      leaseEpoch: 4,
      answer: { decision: 'reject', reason: 'spam' },
      startedAt: row.openedAt,
      attempts: 0,
      state: 'pending',
    });
    expect(outbox?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.pendingCount()).toBe(1);
  });

  it('gives every submission its own idempotency key, in submission order', () => {
    const tasks = [leasedTask(), leasedTask(), leasedTask()];
    store.storeLeasedTasks(tasks);
    for (const task of [...tasks].reverse()) store.submit(task.taskId, { decision: 'approve' });
    const outbox = store.outbox();
    expect(outbox.map((row) => row.taskId)).toEqual([...tasks].reverse().map((task) => task.taskId));
    expect(new Set(outbox.map((row) => row.idempotencyKey)).size).toBe(3);
    expect(store.nextPending()?.taskId).toBe(tasks[2]?.taskId);
  });

  it('a failing outbox insert leaves neither the row nor the new task state', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.saveDraft(task.taskId, '{"decision":"approve","reason":null}');
    const db = rawDb();
    try {
      db.exec(
        "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      );
    } finally {
      db.close();
    }
    expect(() => store.submit(task.taskId, { decision: 'approve' })).toThrow(/disk full/);
    const row = store.getTask(task.taskId);
    expect(row).toMatchObject({ state: 'draft', answer: null });
    expect(store.outbox()).toEqual([]);
    expect(store.pendingCount()).toBe(0);
  });

  it('restores synchronous=NORMAL after the FULL-sync transaction, even when it fails', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.submit(task.taskId, { decision: 'approve' });
    expect(() => store.submit(task.taskId, { decision: 'approve' })).toThrow(
      expect.objectContaining({ code: 'task_closed' }),
    );
    const db = store as unknown as { db: Database.Database };
    expect(db.db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('survives a reopen: what was submitted is still pending', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.submit(task.taskId, { decision: 'approve' });
    store.close();
    store = ProfileStore.open(dir.path, userId);
    expect(store.pendingCount()).toBe(1);
    expect(store.getTask(task.taskId)?.state).toBe('pending');
  });
});

describe('settling the outbox', () => {
  it('accepted and superseded close the row; refused fails it; the answer is always kept', () => {
    const tasks = [leasedTask(), leasedTask(), leasedTask()];
    store.storeLeasedTasks(tasks);
    for (const task of tasks) store.submit(task.taskId, { decision: 'approve' });
    const [a, b, c] = store.outbox();
    store.settle(a!.id, { outcome: 'accepted' });
    store.settle(b!.id, { outcome: 'superseded', message: 'someone else finished first' });
    store.settle(c!.id, { outcome: 'refused', message: 'answer.reason: unknown reason' });
    expect(store.outbox().map((row) => row.state)).toEqual(['done', 'done', 'failed']);
    expect(store.outbox()[2]?.lastError).toBe('answer.reason: unknown reason');
    expect(tasks.map((task) => store.getTask(task.taskId))).toMatchObject([
      { state: 'accepted', serverMessage: null, answer: { decision: 'approve' } },
      { state: 'superseded', serverMessage: 'someone else finished first' },
      { state: 'refused', serverMessage: 'answer.reason: unknown reason', answer: { decision: 'approve' } },
    ]);
    expect(store.pendingCount()).toBe(0);
    expect(store.nextPending()).toBeNull();
  });

  it('counts attempts and keeps the last error while a row waits', () => {
    const task = leasedTask();
    store.storeLeasedTasks([task]);
    store.submit(task.taskId, { decision: 'approve' });
    const row = store.nextPending()!;
    store.recordAttempt(row.id, 'ECONNREFUSED');
    store.recordAttempt(row.id, 'timeout');
    expect(store.nextPending()).toMatchObject({ id: row.id, attempts: 2, lastError: 'timeout' });
  });
});
