import { useTranslation } from 'react-i18next';

/** A 1–5 rating as stars, read out as "4 out of 5". */
export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span className="stars" role="img" aria-label={t('moderation.stars', { count: filled })}>
      <span aria-hidden="true">{'★'.repeat(filled)}</span>
      <span aria-hidden="true" className="stars-empty">
        {'☆'.repeat(5 - filled)}
      </span>
    </span>
  );
}
