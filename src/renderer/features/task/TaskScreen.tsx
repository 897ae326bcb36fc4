import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/bridge';
import { call } from '../../api';
import { showInbox } from '../../state/app-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { TaskNav } from './TaskNav';
import { useEscapeToInbox } from './useEscapeToInbox';
import { workspaceFor, type WorkspaceProps } from './workspaces';

type Loading =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; detail: TaskDetail };

/** Opens a task from the local store (fast, offline) and hands it to the workspace of its kind. */
export function TaskScreen({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    call('tasks.open', { taskId })
      .then((detail) => current && setLoading({ status: 'ready', detail }))
      .catch((error: unknown) => current && setLoading({ status: 'failed', error }));
    return () => {
      current = false;
    };
  }, [taskId]);
  // Until a workspace (with its own shortcuts) is up, Esc still leads back to the inbox.
  useEscapeToInbox(loading.status !== 'ready', showInbox);

  if (loading.status === 'loading') return <TaskLoading />;
  if (loading.status === 'failed') {
    return (
      <div className="screen task-screen">
        <TaskNav position={null} />
        <ScreenHeading>{t('task.loadFailed')}</ScreenHeading>
        <ErrorMessage error={loading.error} />
      </div>
    );
  }
  const { detail } = loading;
  const Workspace = workspaceFor(detail.task.kind);
  if (!Workspace) {
    return (
      <div className="screen task-screen">
        <TaskNav position={null} />
        <ScreenHeading>{detail.task.projectName}</ScreenHeading>
        <p>{t('task.unsupported')}</p>
      </div>
    );
  }
  const props = { detail, task: detail.task } as WorkspaceProps<typeof detail.task.kind>;
  return (
    <Suspense fallback={<TaskLoading />}>
      <Workspace {...props} />
    </Suspense>
  );
}

function TaskLoading() {
  const { t } = useTranslation();
  return (
    <div className="screen task-screen">
      <TaskNav position={null} />
      <p role="status">{t('task.loading')}</p>
    </div>
  );
}
