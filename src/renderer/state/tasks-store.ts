import { create } from 'zustand';
import type { TaskSummary } from '../../shared/bridge';
import { call } from '../api';
import { BridgeError } from '../api';
import { asBridgeError } from '../api/transport';

type TasksState = {
  /** null until the first list arrives. */
  tasks: TaskSummary[] | null;
  loadError: BridgeError | null;
};

export const useTasksStore = create<TasksState>(() => ({ tasks: null, loadError: null }));

let latestRequest = 0;

/** Reloads the inbox; a slower, older answer never overwrites a newer one. */
export async function refreshTasks(): Promise<void> {
  const request = ++latestRequest;
  try {
    const tasks = await call('tasks.list');
    if (request === latestRequest) useTasksStore.setState({ tasks, loadError: null });
  } catch (error) {
    if (request === latestRequest) useTasksStore.setState({ loadError: asBridgeError(error) });
  }
}

/** Leases a batch; resolves with how many came (0 when the queue had none). */
export async function takeTasks(count: number): Promise<number> {
  try {
    const { taken } = await call('batch.take', { count });
    return taken;
  } catch (error) {
    if (error instanceof BridgeError && error.code === 'no_tasks') return 0;
    throw error;
  } finally {
    await refreshTasks();
  }
}

/** Puts a task's new summary in the list at once, before the next full refresh confirms it. */
export function replaceTask(summary: TaskSummary): TaskSummary[] {
  const tasks = (useTasksStore.getState().tasks ?? []).map((task) =>
    task.taskId === summary.taskId ? summary : task,
  );
  useTasksStore.setState({ tasks });
  return tasks;
}

export function forgetTasks(): void {
  latestRequest += 1;
  useTasksStore.setState({ tasks: null, loadError: null });
}
