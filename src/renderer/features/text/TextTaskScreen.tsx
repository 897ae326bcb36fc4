import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/bridge';
import { call } from '../../api';
import { showInbox } from '../../state/app-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { ModerationWorkspace } from './ModerationWorkspace';
import { TaskNav } from './TaskNav';
import { useModerationKeys } from './useModerationKeys';

type Loading =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; detail: TaskDetail };

/** Opens a task from the local store (fast, offline) and hands it to the workspace of its kind. */
export function TextTaskScreen({ taskId }: { taskId: string }) {
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
  // Until the workspace (with its own shortcuts) is up, Esc still leads back to the inbox.
  useModerationKeys({ readOnly: true, enabled: loading.status !== 'ready' }, (command) => {
    if (command.type === 'back') showInbox();
  });

  if (loading.status === 'loading') {
    return (
      <div className="screen task-screen">
        <TaskNav position={null} />
        <p role="status">{t('task.loading')}</p>
      </div>
    );
  }
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
  if (detail.task.kind !== 'text_moderation') {
    return (
      <div className="screen task-screen">
        <TaskNav position={null} />
        <ScreenHeading>{detail.task.projectName}</ScreenHeading>
        <p>{t('moderation.unsupported')}</p>
      </div>
    );
  }
  return <ModerationWorkspace detail={detail} task={detail.task} />;
}
