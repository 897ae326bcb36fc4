import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/domain/common';
import { NAMESPACES, resources } from './namespaces';

export { resources };

/** The first of the browser's preferred languages that we speak, else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LOCALES.find((locale) => locale === base);
    if (match) return match;
  }
  return 'en';
}

export function currentLocale(): Locale {
  return localeFromLanguages([i18next.language ?? 'en']);
}

function showLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = i18next.t('app.name');
}

/** Synchronous start (resources are bundled), so the first paint is already in the right language. */
export function initI18n(locale: Locale): void {
  void i18next.use(initReactI18next).init({
    resources,
    ns: NAMESPACES,
    defaultNS: 'translation',
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; to the HITer.
    interpolation: { escapeValue: false },
  });
  showLanguage(locale);
  i18next.on('languageChanged', (language) => showLanguage(localeFromLanguages([language])));
}

export async function switchLanguage(locale: Locale): Promise<void> {
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}
