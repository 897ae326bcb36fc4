import { describe, expect, it } from 'vitest';
import type { TaskState, TaskSummary } from '../../shared/bridge';
import { inboxOrder, nextInRun, positionInRun, startRun } from './work-run';

const task = (taskId: string, state: TaskState): TaskSummary => ({
  taskId,
  state,
  kind: 'text_moderation',
  projectName: 'Reviews',
  preview: '…',
  updatedAt: '2025-03-10T12:00:00Z',
  leaseExpiresAt: '2025-03-13T12:00:00Z',
  serverMessage: null,
});

describe('work run', () => {
  const inbox = [
    task('a', 'accepted'),
    task('b', 'todo'),
    task('c', 'draft'),
    task('d', 'pending'),
    task('e', 'todo'),
  ];

  it('holds the open tasks in inbox order and places the opened one in it', () => {
    const run = startRun(inbox, 'c');
    expect(run).toEqual(['b', 'c', 'e']);
    expect(positionInRun(run, 'c')).toEqual({ position: 2, total: 3 });
  });

  it('is empty when a closed task is opened, so no position is shown', () => {
    expect(startRun(inbox, 'a')).toEqual([]);
    expect(positionInRun([], 'a')).toBeNull();
  });

  it('goes to the next open task, wrapping round and skipping those now done', () => {
    const run = ['b', 'c', 'e'];
    expect(nextInRun(run, 'c', inbox)).toBe('e');
    const afterE = [task('b', 'todo'), task('c', 'pending'), task('e', 'pending')];
    expect(nextInRun(run, 'e', afterE)).toBe('b');
  });

  it('returns null when every task of the run is done or gone', () => {
    expect(nextInRun(['b', 'c'], 'b', [task('b', 'pending'), task('c', 'accepted')])).toBeNull();
    expect(nextInRun(['b', 'x'], 'b', [task('b', 'pending')])).toBeNull();
  });
});

describe('inbox order', () => {
  it('puts work to do first, then what waits to be sent, then the rest, keeping order within each', () => {
    const tasks = [
      task('a', 'accepted'),
      task('b', 'pending'),
      task('c', 'todo'),
      task('d', 'refused'),
      task('e', 'draft'),
    ];
    expect(inboxOrder(tasks).map((t) => t.taskId)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});
