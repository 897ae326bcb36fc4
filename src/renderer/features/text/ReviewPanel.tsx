import { useTranslation } from 'react-i18next';
import type { TextModerationItem } from '../../../shared/domain/kinds/text-moderation';
import { calendarDate } from '../../editor/time';
import { formatDate, languageName } from '../../ui/format';
import { Stars } from '../../ui/Stars';

/** The text to judge, large and in its own language and direction, with what is known about it. */
export function ReviewPanel({ data }: { data: TextModerationItem }) {
  const { t, i18n } = useTranslation();
  const date = data.date ? calendarDate(data.date) : null;
  const paragraphs = data.text.split(/\n\s*\n/);
  return (
    <div className="review">
      <section className="card review-card" aria-labelledby="review-heading">
        <h2 id="review-heading" className="label-heading">
          {t('moderation.textLabel')}
        </h2>
        <blockquote className="review-text" lang={data.language} dir="auto">
          {paragraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </blockquote>
      </section>
      <section className="card review-meta" aria-labelledby="meta-heading">
        <h2 id="meta-heading" className="label-heading">
          {t('moderation.about')}
        </h2>
        <dl className="meta-list">
          {data.rating !== undefined && (
            <div>
              <dt>{t('moderation.rating')}</dt>
              <dd>
                <Stars rating={data.rating} />
              </dd>
            </div>
          )}
          {data.language && (
            <div>
              <dt>{t('moderation.language')}</dt>
              <dd>{languageName(i18n.language, data.language)}</dd>
            </div>
          )}
          {data.product && (
            <div>
              <dt>{t('moderation.product')}</dt>
              <dd dir="auto">{data.product}</dd>
            </div>
          )}
          {date && (
            <div>
              <dt>{t('moderation.date')}</dt>
              <dd>{formatDate(i18n.language, date)}</dd>
            </div>
          )}
          {data.author && (
            <div>
              <dt>{t('moderation.author')}</dt>
              <dd dir="auto">{data.author}</dd>
            </div>
          )}
        </dl>
      </section>
    </div>
  );
}
