import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxOrder } from '../../editor/work-run';
import { refreshTasks, useTasksStore } from '../../state/tasks-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { SessionNotice } from '../session/ReconnectPanel';
import { DownloadPanel } from './DownloadPanel';
import { LeaseWarning } from './LeaseWarning';
import { MyWorkButton } from './MyWorkButton';
import { TakeTasksForm } from './TakeTasksForm';
import './inbox-media.css';
import { TaskList } from './TaskList';

export function InboxScreen() {
  const { t } = useTranslation();
  const stored = useTasksStore((state) => state.tasks);
  const tasks = useMemo(() => (stored ? inboxOrder(stored) : null), [stored]);
  const loadError = useTasksStore((state) => state.loadError);
  const open = tasks?.filter((task) => task.state === 'todo' || task.state === 'draft').length ?? 0;
  const waiting = tasks?.filter((task) => task.state === 'pending').length ?? 0;

  return (
    <div className="screen inbox">
      <div className="screen-top">
        <ScreenHeading>{t('inbox.heading')}</ScreenHeading>
        {tasks && tasks.length > 0 && (
          <p className="inbox-summary">
            <span>{t('inbox.summary.open', { count: open })}</span>
            {waiting > 0 && <span>{t('inbox.summary.waiting', { count: waiting })}</span>}
          </p>
        )}
        <div className="inbox-top-actions">
          <MyWorkButton />
        </div>
      </div>
      <SessionNotice />
      {tasks && <LeaseWarning tasks={tasks} />}
      <TakeTasksForm />
      <DownloadPanel />
      {loadError && (
        <div className="load-error">
          <ErrorMessage error={loadError} />
          <button type="button" className="button-quiet" onClick={() => void refreshTasks()}>
            {t('inbox.retry')}
          </button>
        </div>
      )}
      {tasks === null && !loadError && <p role="status">{t('inbox.loading')}</p>}
      {tasks !== null && tasks.length === 0 && (
        <section className="empty" aria-labelledby="inbox-empty-heading">
          <h2 id="inbox-empty-heading">{t('inbox.emptyHeading')}</h2>
          <p>{t('inbox.emptyText')}</p>
        </section>
      )}
      {tasks !== null && tasks.length > 0 && <TaskList tasks={tasks} />}
    </div>
  );
}
