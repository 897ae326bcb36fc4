import { describe, expect, it } from 'vitest';
import { compareInbox, inboxOf, previewText, toSummary } from './inbox';
import type { TaskRow } from './profile/profile-schema';
import { leasedTask } from '../../../test/helpers/workstation/fixtures';

function row(name: string, state: TaskRow['state'], leaseOrder: number, updatedAt: string): TaskRow {
  const task = leasedTask({ data: { text: `review ${name}` } });
  return {
    taskId: name,
    kind: task.kind,
    projectId: task.projectId,
    projectName: task.projectName,
    task,
    leaseEpoch: 1,
    leaseExpiresAt: task.leaseExpiresAt,
    leaseOrder,
    state,
    draft: null,
    answer: null,
    serverMessage: null,
    openedAt: null,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt,
    preview: null,
    leaseLost: false,
    mediaFiles: 0,
    mediaMissing: 0,
    submittedAt: null,
  };
}

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('inbox order', () => {
  it('puts work to do first by lease order, then pending by submission, then the rest newest first', () => {
    const rows = [
      row('accepted-old', 'accepted', 1, at(5)),
      row('pending-second', 'pending', 2, at(31)),
      row('draft', 'draft', 5, at(40)),
      row('refused-new', 'refused', 3, at(50)),
      row('todo-first', 'todo', 4, at(1)),
      row('pending-first', 'pending', 6, at(30)),
      row('superseded-mid', 'superseded', 7, at(20)),
      row('todo-last', 'todo', 9, at(2)),
    ];
    expect(inboxOf(rows).map((summary) => summary.taskId)).toEqual([
      'todo-first',
      'draft',
      'todo-last',
      'pending-first',
      'pending-second',
      'refused-new',
      'superseded-mid',
      'accepted-old',
    ]);
  });

  it('is a total order: sorting is stable whatever the input order', () => {
    const rows = [row('b', 'accepted', 1, at(5)), row('a', 'accepted', 2, at(5)), row('c', 'todo', 3, at(5))];
    const once = [...rows].sort(compareInbox).map((r) => r.taskId);
    const reversed = [...rows]
      .reverse()
      .sort(compareInbox)
      .map((r) => r.taskId);
    expect(once).toEqual(['c', 'a', 'b']);
    expect(reversed).toEqual(once);
  });
});

describe('preview', () => {
  it('keeps short texts whole, with whitespace collapsed', () => {
    expect(previewText('  Great   shoes,\n\nfast delivery. ')).toBe('Great shoes, fast delivery.');
  });

  it('cuts long texts near 140 characters on a word, with an ellipsis', () => {
    const text = 'Le colis est arrivé en retard mais bien emballé. '.repeat(10);
    const preview = previewText(text);
    expect(preview.length).toBeLessThanOrEqual(140);
    expect(preview.length).toBeGreaterThan(100);
    expect(preview.endsWith('…')).toBe(true);
    expect(text.startsWith(preview.slice(0, -1))).toBe(true);
  });

  it('cuts a text with no spaces at the limit', () => {
    expect(previewText('x'.repeat(500))).toBe(`${'x'.repeat(139)}…`);
  });

  it('is what the summary shows', () => {
    expect(toSummary(row('t', 'todo', 1, at(1))).preview).toBe('review t');
  });
});
