import { useEffect, useState } from 'react';
import type { TaskDetail } from '../../../shared/bridge';
import type { LeasedTask } from '../../../shared/domain/task';
import { call } from '../../api';
import { isOpenState } from '../../editor/work-run';
import { useAppStore } from '../../state/app-store';

export type ModerationTaskDetail = TaskDetail & { task: Extract<LeasedTask, { kind: 'text_moderation' }> };

export type ListTasks =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; details: ModerationTaskDetail[] };

const isModeration = (detail: TaskDetail): detail is ModerationTaskDetail =>
  detail.task.kind === 'text_moderation';

/**
 * The reviews list mode shows: the open tasks of the run (as the inbox ordered them when the
 * HITer started) that belong to the same moderation project, read from this laptop's store.
 */
export function useListTasks(screenTaskId: string, projectId: string): ListTasks {
  const [run] = useState(() => useAppStore.getState().run);
  const [state, setState] = useState<ListTasks>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    const ids = run.includes(screenTaskId) ? run : [screenTaskId];
    (async () => {
      const details: ModerationTaskDetail[] = [];
      // One at a time, in order: a batch is at most a few dozen short reviews.
      for (const taskId of ids) {
        const detail = await call('tasks.open', { taskId });
        if (isModeration(detail) && detail.task.projectId === projectId && isOpenState(detail.summary.state))
          details.push(detail);
      }
      if (current) setState({ status: 'ready', details });
    })().catch((error: unknown) => current && setState({ status: 'failed', error }));
    return () => {
      current = false;
    };
  }, [run, screenTaskId, projectId]);

  return state;
}
