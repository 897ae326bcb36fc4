import { useTranslation } from 'react-i18next';
import { showInbox } from '../../state/app-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { useNow } from '../../ui/useNow';
import { useEscapeToInbox } from '../task/useEscapeToInbox';
import { Balances } from './Balances';
import { useWorkHistory } from './useWorkHistory';
import { WorkRow } from './WorkRow';
import './work.css';

/**
 * "My work": everything the HITer submitted from this laptop, newest first, with what the queue
 * said about it (received, refused, reviewed, quality checks) and what it pays, and the balances.
 */
export function WorkScreen() {
  const { t } = useTranslation('work');
  const history = useWorkHistory();
  const now = useNow(60_000);
  useEscapeToInbox(true, showInbox);

  return (
    <div className="screen work">
      <nav className="task-nav" aria-label={t('title')}>
        <button type="button" className="button-quiet" onClick={() => showInbox()}>
          <span aria-hidden="true">← </span>
          {t('back')}
        </button>
      </nav>
      <ScreenHeading>{t('title')}</ScreenHeading>
      <Balances balances={history.balances} />
      <section aria-labelledby="work-history-heading" className="work-history">
        <h2 id="work-history-heading">{t('history.heading')}</h2>
        {history.status === 'loading' && <p role="status">{t('history.loading')}</p>}
        {history.status === 'failed' && (
          <div className="load-error">
            <ErrorMessage error={history.error} />
            <button type="button" className="button-quiet" onClick={() => void history.reload()}>
              {t('history.retry')}
            </button>
          </div>
        )}
        {history.status === 'ready' && history.items.length === 0 && (
          <p className="empty">{t('history.empty')}</p>
        )}
        {history.items.length > 0 && (
          <ul className="work-list" aria-label={t('history.label')}>
            {history.items.map((item) => (
              <WorkRow key={item.taskId} item={item} now={now} />
            ))}
          </ul>
        )}
        {history.nextBefore && (
          <button type="button" className="button-quiet" onClick={() => void history.more()}>
            {t('history.more')}
          </button>
        )}
      </section>
    </div>
  );
}
