import { useState } from 'react';
import type { TaskDetail } from '../../../shared/bridge';
import { call } from '../../api';
import { isOpenState } from '../../editor/work-run';
import { openTask } from '../../state/app-store';
import type { WorkspaceProps } from '../task/workspaces';
import { ModerationList } from './ModerationList';
import { setModerationMode, useModerationMode } from './moderation-mode';
import { SingleModeration } from './SingleModeration';
import './moderation.css';

type Opened = { detail: TaskDetail & { task: WorkspaceProps<'text_moderation'>['task'] }; version: number };

/**
 * A text moderation task, in the view the HITer chose: one review at a time (spans, redaction,
 * full text) or list mode (the batch's short reviews decided in a row). A closed task is shown on
 * its own, read-only. Switching saves every draft first, so neither view reads a stale one.
 */
export function ModerationWorkspace({ detail, task }: WorkspaceProps<'text_moderation'>) {
  const mode = useModerationMode((state) => state.mode);
  const taskId = detail.summary.taskId;
  const [opened, setOpened] = useState<Opened>({ detail: { ...detail, task }, version: 0 });
  const open = isOpenState(opened.detail.summary.state);

  const toList = async (flush: () => Promise<void>) => {
    await flush();
    setModerationMode('list');
  };

  const toSingle = async (target: string) => {
    if (target !== taskId) {
      setModerationMode('single');
      return openTask(target);
    }
    // The same task: read its draft back, as list mode left it.
    const fresh = await call('tasks.open', { taskId });
    const freshTask = fresh.task;
    if (freshTask.kind !== 'text_moderation') return;
    setOpened((previous) => ({ detail: { ...fresh, task: freshTask }, version: previous.version + 1 }));
    setModerationMode('single');
  };

  if (mode === 'list' && open) {
    return (
      <ModerationList
        screenTaskId={taskId}
        projectId={task.projectId}
        projectName={task.projectName}
        instructions={task.instructions}
        config={task.config}
        onOpenSingle={(target) => void toSingle(target)}
      />
    );
  }
  return (
    <SingleModeration
      key={opened.version}
      detail={opened.detail}
      task={opened.detail.task}
      onListMode={open ? (flush) => void toList(flush) : null}
    />
  );
}
