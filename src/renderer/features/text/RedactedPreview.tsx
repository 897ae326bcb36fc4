import { useTranslation } from 'react-i18next';

/** The text as the client will receive it, passages with a masking label hidden, as it changes. */
export function RedactedPreview({ text, lang }: { text: string; lang: string | undefined }) {
  const { t } = useTranslation('moderation');
  return (
    <section className="card redacted" aria-labelledby="redacted-heading">
      <h2 id="redacted-heading" className="label-heading">
        {t('redacted.heading')}
      </h2>
      <p className="redacted-text" lang={lang} dir="auto" aria-describedby="redacted-hint">
        {text}
      </p>
      <p id="redacted-hint" className="hint">
        {t('redacted.hint')}
      </p>
    </section>
  );
}
