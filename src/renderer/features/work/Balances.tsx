import { useTranslation } from 'react-i18next';
import type { WorkHistory } from '../../../shared/bridge';
import { formatRelative } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { formatMoney } from './money';

/** Earnings as the queue last reported them: waiting for review, accepted, paid. */
export function Balances({ balances }: { balances: WorkHistory['balances'] }) {
  const { t, i18n } = useTranslation('work');
  const now = useNow(60_000);
  return (
    <section className="card balances" aria-labelledby="balances-heading">
      <h2 id="balances-heading">{t('balances.heading')}</h2>
      {balances === null ? (
        <p>{t('balances.none')}</p>
      ) : (
        <>
          <dl className="balance-list">
            {(['pending', 'accepted', 'paid'] as const).map((kind) => (
              <div key={kind} className={`balance balance-${kind}`}>
                <dt>{t(`balances.${kind}`)}</dt>
                <dd>{formatMoney(i18n.language, balances[`${kind}Cents`], balances.currency)}</dd>
              </div>
            ))}
          </dl>
          <p className="balances-as-of">
            {t('balances.asOf', { when: formatRelative(i18n.language, new Date(balances.at), now) })}
          </p>
        </>
      )}
    </section>
  );
}
