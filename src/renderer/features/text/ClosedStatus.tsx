import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import { StateBadge } from '../inbox/StateBadge';

/** Under a closed task's answer: where it stands, what the queue said, and that it cannot change. */
export function ClosedStatus({ summary }: { summary: TaskSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <StateBadge state={summary.state} />
      </p>
      {summary.serverMessage && (
        <p className="task-message" dir="auto">
          {t('inbox.serverMessage', { message: summary.serverMessage })}
        </p>
      )}
      <p className="hint">{t('task.closed')}</p>
    </>
  );
}
