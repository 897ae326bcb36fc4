import type { namespaces } from './namespaces';

// Lets TypeScript check every t('…') key against the English resources (an interface, as i18next asks).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { [N in keyof typeof namespaces]: (typeof namespaces)[N]['en'] };
  }
}
