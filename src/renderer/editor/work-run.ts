import type { TaskState, TaskSummary } from '../../shared/bridge';

/**
 * A "run" is the list of tasks a HITer works through after opening one from the inbox: the open
 * tasks in inbox order at that moment. It gives a steady "Task 2 of 5" and the next task after a
 * submission, even while sync changes the states underneath.
 */
export type WorkRun = readonly string[];

export function isOpenState(state: TaskState): boolean {
  return state === 'todo' || state === 'draft';
}

export function startRun(tasks: readonly TaskSummary[], openedId: string): WorkRun {
  const open = tasks.filter((task) => isOpenState(task.state)).map((task) => task.taskId);
  return open.includes(openedId) ? open : [];
}

export function positionInRun(run: WorkRun, taskId: string): { position: number; total: number } | null {
  const index = run.indexOf(taskId);
  return index < 0 ? null : { position: index + 1, total: run.length };
}

/** The next still-open task of the run after `currentId`, wrapping round; null when none is left. */
export function nextInRun(run: WorkRun, currentId: string, tasks: readonly TaskSummary[]): string | null {
  const stateOf = new Map(tasks.map((task) => [task.taskId, task.state]));
  const from = run.indexOf(currentId);
  const order = from < 0 ? run : [...run.slice(from + 1), ...run.slice(0, from)];
  for (const id of order) {
    const state = stateOf.get(id);
    if (id !== currentId && state !== undefined && isOpenState(state)) return id;
  }
  return null;
}

const STATE_RANK: Record<TaskState, number> = {
  draft: 0,
  todo: 0,
  pending: 1,
  refused: 2,
  superseded: 2,
  accepted: 3,
};

/** The inbox's order: work to do first, then what waits to be sent, then what is settled; stable. */
export function inboxOrder(tasks: readonly TaskSummary[]): TaskSummary[] {
  return tasks
    .map((task, index) => ({ task, index }))
    .sort((a, b) => STATE_RANK[a.task.state] - STATE_RANK[b.task.state] || a.index - b.index)
    .map(({ task }) => task);
}
