import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../../shared/bridge';
import { previousTaskId, shapesOfStored, shapesToCopy } from './previous';
import { testConfig } from './test-fixtures';

const summary = (
  taskId: string,
  state: TaskSummary['state'],
  updatedAt: string,
  projectName = 'Cars',
): TaskSummary => ({
  taskId,
  kind: 'image',
  projectName,
  state,
  preview: '',
  updatedAt,
  leaseExpiresAt: '2030-01-01T00:00:00Z',
  serverMessage: null,
});

describe('copy the previous task', () => {
  it('takes the task before this one in the run, else the latest worked task of the project', () => {
    const tasks = [
      summary('a', 'pending', '2026-01-01T10:00:00Z'),
      summary('b', 'draft', '2026-01-01T11:00:00Z'),
      summary('c', 'todo', '2026-01-01T12:00:00Z'),
      summary('d', 'accepted', '2026-01-01T13:00:00Z', 'Other project'),
    ];
    expect(previousTaskId(['b', 'c'], tasks, tasks[2]!)).toBe('b');
    expect(previousTaskId(['c', 'b'], tasks, tasks[2]!)).toBe('b');
    expect(previousTaskId([], tasks, tasks[0]!)).toBe('b');
    expect(previousTaskId([], [tasks[2]!, tasks[3]!], tasks[2]!)).toBeNull();
  });

  it('reads shapes from an answer, a bare draft or a draft envelope', () => {
    const doc = { shapes: [{ id: 'x', type: 'point', label: 'eye', x: 1, y: 2 }], classes: [] };
    expect(shapesOfStored(doc)).toHaveLength(1);
    expect(shapesOfStored({ v: 1, doc, history: { undo: [], redo: [] } })).toHaveLength(1);
    expect(shapesOfStored('garbage')).toEqual([]);
  });

  it('keeps what fits this project and this image, with fresh ids', () => {
    let n = 0;
    const copied = shapesToCopy(
      [
        {
          id: 'a',
          type: 'box',
          label: 'car',
          attributes: { occluded: true, gone: true },
          x: 900,
          y: 700,
          width: 300,
          height: 300,
        },
        { id: 'b', type: 'box', label: 'car', attributes: {}, x: 998, y: 10, width: 50, height: 50 },
        { id: 'c', type: 'box', label: 'road', attributes: {}, x: 0, y: 0, width: 50, height: 50 },
        { id: 'd', type: 'box', label: 'bus', attributes: {}, x: 0, y: 0, width: 50, height: 50 },
        { id: 'e', type: 'point', label: 'eye', attributes: {}, x: 1200, y: 10 },
        {
          id: 'f',
          type: 'polygon',
          label: 'road',
          attributes: {},
          points: [
            [-10, 0],
            [50, 0],
            [50, 900],
          ],
        },
      ],
      testConfig,
      { width: 1000, height: 800 },
      () => `new${(n += 1)}`,
    );
    expect(copied).toEqual([
      {
        id: 'new1',
        type: 'box',
        label: 'car',
        attributes: { occluded: true },
        x: 900,
        y: 700,
        width: 100,
        height: 100,
      },
      {
        id: 'new2',
        type: 'polygon',
        label: 'road',
        attributes: {},
        points: [
          [0, 0],
          [50, 0],
          [50, 800],
        ],
      },
    ]);
  });
});
