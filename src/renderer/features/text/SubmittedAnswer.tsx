import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import type { TextModerationConfig } from '../../../shared/domain/kinds/text-moderation';
import { readAnswer } from '../../editor/moderation-draft';
import { currentLocale } from '../../i18n';
import { StateBadge } from '../inbox/StateBadge';

/** A closed task: what was answered and where it stands; nothing can be changed. */
export function SubmittedAnswer({
  summary,
  config,
  stored,
}: {
  summary: TaskSummary;
  config: TextModerationConfig;
  stored: unknown;
}) {
  const { t } = useTranslation();
  const answer = readAnswer(stored);
  const locale = currentLocale();
  const reasonLabel = (code: string) =>
    config.reasons.find((reason) => reason.code === code)?.label[locale] ?? code;
  return (
    <section className="card decision decision-closed" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('moderation.yourAnswer')}</h2>
      <p className="closed-answer">
        {answer === null
          ? t('moderation.unreadableAnswer')
          : answer.decision === 'approve'
            ? t('moderation.approved')
            : t('moderation.rejected', { reason: reasonLabel(answer.reason ?? '') })}
      </p>
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
