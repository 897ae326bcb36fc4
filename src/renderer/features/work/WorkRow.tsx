import { useTranslation } from 'react-i18next';
import type { WorkItem } from '../../../shared/bridge';
import { localeFromLanguages } from '../../i18n';
import { formatRelative } from '../../ui/format';
import { StateBadge } from '../inbox/StateBadge';
import { reasonLines } from '../sync/server-reason';
import { formatMoney, formatScore } from './money';

/** One submitted task: its state on the queue, the review, the quality check and the pay. */
export function WorkRow({ item, now }: { item: WorkItem; now: Date }) {
  const { t, i18n } = useTranslation('work');
  const { t: tApp } = useTranslation();
  const locale = localeFromLanguages([i18n.language]);
  const { verdict, honeypot, earning } = item;
  const reason = verdict?.reason ? (verdict.reasonLabel?.[locale] ?? verdict.reason) : null;
  const serverReason = reasonLines(tApp, item);
  // Work accepted without a review (most of it) is not "waiting for review".
  const awaitingReview =
    item.state !== 'refused' &&
    item.state !== 'superseded' &&
    (earning === null || earning.status === 'pending');
  return (
    <li className={`work-row${verdict?.verdict === 'rejected' ? ' work-row-rejected' : ''}`}>
      <div className="work-line">
        <StateBadge state={item.state} />
        <span className="task-project">{item.projectName}</span>
        <span className="task-kind">{tApp(`kinds.${item.kind}`)}</span>
        <span className="work-when">
          {t('item.submitted', { when: formatRelative(i18n.language, new Date(item.submittedAt), now) })}
        </span>
      </div>
      <p className="task-preview" dir="auto">
        {item.preview}
      </p>
      <ul className="work-feedback">
        {serverReason && (
          <li className="work-server-message">
            {serverReason.reason}
            {serverReason.detail && <span dir="auto"> {serverReason.detail}</span>}
          </li>
        )}
        {verdict ? (
          <li className={`work-verdict work-verdict-${verdict.verdict}`}>
            {t(`verdict.${verdict.verdict}`)}
            {reason && <span> — {t('verdict.reason', { reason })}</span>}
            {verdict.comment && (
              <span className="work-comment" dir="auto">
                {' '}
                {t('verdict.comment', { comment: verdict.comment })}
              </span>
            )}
          </li>
        ) : (
          awaitingReview && <li className="work-no-review">{t('item.noReview')}</li>
        )}
        {honeypot && (
          <li className={honeypot.passed ? 'work-honeypot-passed' : 'work-honeypot-failed'}>
            {t(honeypot.passed ? 'honeypot.passed' : 'honeypot.failed', {
              score: formatScore(i18n.language, honeypot.score),
            })}
          </li>
        )}
        {earning && (
          <li className={`work-earning work-earning-${earning.status}`}>
            {t(`earning.${earning.status}`, {
              amount: formatMoney(i18n.language, earning.amountCents, earning.currency),
            })}
          </li>
        )}
      </ul>
    </li>
  );
}
