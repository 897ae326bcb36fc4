import type { en } from './en';

// Lets TypeScript check every t('…') key against the English resources (an interface, as i18next asks).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
