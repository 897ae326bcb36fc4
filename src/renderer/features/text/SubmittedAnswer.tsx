import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import type {
  TextModerationAnswer,
  TextModerationConfig,
} from '../../../shared/domain/kinds/text-moderation';
import { currentLocale } from '../../i18n';
import { ClosedStatus } from './ClosedStatus';

/** A closed task: what was answered and where it stands; nothing can be changed. */
export function SubmittedAnswer({
  summary,
  config,
  answer,
}: {
  summary: TaskSummary;
  config: TextModerationConfig;
  answer: TextModerationAnswer | null;
}) {
  const { t } = useTranslation('moderation');
  const locale = currentLocale();
  const reasonLabel = (code: string) =>
    config.reasons.find((reason) => reason.code === code)?.label[locale] ?? code;
  return (
    <section className="card decision decision-closed" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('closed.heading')}</h2>
      <p className="closed-answer">
        {answer === null
          ? t('closed.unreadable')
          : answer.decision === 'reject'
            ? t('closed.rejected', { reason: reasonLabel(answer.reason ?? '') })
            : t(`closed.${answer.decision}`)}
      </p>
      {answer?.note && (
        <p className="closed-note" dir="auto">
          {t('closed.note', { note: answer.note })}
        </p>
      )}
      <ClosedStatus summary={summary} />
    </section>
  );
}
