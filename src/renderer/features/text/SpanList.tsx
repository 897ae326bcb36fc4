import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/common';
import type { SpanLabel, TextSpan } from '../../../shared/domain/kinds/text-moderation';

type Props = {
  spans: readonly TextSpan[];
  labels: readonly SpanLabel[];
  locale: Locale;
  /** Null on a closed task. */
  onAdjust: ((index: number) => void) | null;
  onRemove: ((index: number) => void) | null;
};

/**
 * Every marked passage in words (not only in colour): its label, its text, and buttons to adjust
 * (selects it in the text, to be re-selected and labelled again) or remove it.
 */
export function SpanList({ spans, labels, locale, onAdjust, onRemove }: Props) {
  const { t } = useTranslation('moderation');
  const labelOf = (code: string) => labels.find((label) => label.code === code);
  return (
    <section className="card span-list-card" aria-labelledby="span-list-heading">
      <h2 id="span-list-heading" className="label-heading">
        {t('spans.heading', { count: spans.length })}
      </h2>
      {spans.length === 0 ? (
        <p className="hint">{t('spans.empty')}</p>
      ) : (
        <ul className="span-list">
          {spans.map((span, index) => {
            const label = labelOf(span.label);
            const name = label?.label[locale] ?? span.label;
            return (
              <li key={`${span.label}-${span.start}-${span.end}`} className="span-item">
                <span
                  className="span-swatch"
                  style={{ '--c1': label?.color } as CSSProperties}
                  aria-hidden="true"
                />
                <span className="span-item-label">
                  {name}
                  {label?.redact && <span className="masked-tag">{t('labels.masked')}</span>}
                </span>
                <q className="span-item-text" dir="auto">
                  {span.text}
                </q>
                {onAdjust && (
                  <button
                    type="button"
                    className="button-quiet button-compact"
                    aria-label={t('spans.adjustLabel', { text: span.text, label: name })}
                    onClick={() => onAdjust(index)}
                  >
                    {t('spans.adjust')}
                  </button>
                )}
                {onRemove && (
                  <button
                    type="button"
                    className="button-quiet button-compact"
                    aria-label={t('spans.removeLabel', { text: span.text, label: name })}
                    onClick={() => onRemove(index)}
                  >
                    {t('spans.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
