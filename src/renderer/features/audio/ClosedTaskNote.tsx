import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import { StateBadge } from '../inbox/StateBadge';

/** A submitted task: where it stands and what the queue said; nothing can be changed. */
export function ClosedTaskNote({ summary, children }: { summary: TaskSummary; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card audio-closed" aria-labelledby="audio-closed-heading">
      <h2 id="audio-closed-heading">{t('moderation.yourAnswer')}</h2>
      {children}
      <p>
        <StateBadge state={summary.state} />
      </p>
      {summary.serverMessage && (
        <p className="task-message" dir="auto">
          {t('inbox.serverMessage', { message: summary.serverMessage })}
        </p>
      )}
      <p className="hint">{t('task.closed')}</p>
    </section>
  );
}
