import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/domain/common';
import { localeFromLanguages, switchLanguage } from '../i18n';
import { saveLocale } from '../state/app-store';

/** English / Français, each named in its own language; one click switches and remembers. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = localeFromLanguages([i18n.language]);
  const choose = (locale: Locale) => {
    if (locale === current) return;
    void switchLanguage(locale);
    void saveLocale(locale);
  };
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
