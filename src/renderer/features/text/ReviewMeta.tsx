import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextModerationItem } from '../../../shared/domain/kinds/text-moderation';
import { calendarDate } from '../../editor/time';
import { formatDate, languageName } from '../../ui/format';
import { Stars } from '../../ui/Stars';

/** What is known about a review, on one line: rating, language, product, date, author. */
export function ReviewMeta({ data, compact = false }: { data: TextModerationItem; compact?: boolean }) {
  const { t, i18n } = useTranslation('moderation');
  const date = data.date ? calendarDate(data.date) : null;
  const rows: Array<[string, ReactNode, boolean]> = [];
  if (data.rating !== undefined) rows.push([t('rating'), <Stars rating={data.rating} />, false]);
  if (data.language) rows.push([t('language'), languageName(i18n.language, data.language), false]);
  if (data.product) rows.push([t('product'), data.product, true]);
  if (date && !compact) rows.push([t('date'), formatDate(i18n.language, date), false]);
  if (data.author && !compact) rows.push([t('author'), data.author, true]);
  if (rows.length === 0) return null;
  return (
    <dl className={`meta-line${compact ? ' meta-line-compact' : ''}`}>
      {rows.map(([term, value, auto]) => (
        <div key={term}>
          <dt className={compact ? 'visually-hidden' : undefined}>{term}</dt>
          <dd dir={auto ? 'auto' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
