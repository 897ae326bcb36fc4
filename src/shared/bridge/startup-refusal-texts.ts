import type { BridgeErrorCode } from './errors';

type StartupRefusal = Extract<
  BridgeErrorCode,
  'sqlite_too_old' | 'storage_damaged' | 'storage_too_new' | 'storage_migration_failed'
>;

/**
 * Why HITdesk refuses to start, in the HITer's words: one source for the renderer's messages and for
 * the Electron dialog shown when start-up fails before any window (and its i18n) exists.
 */
export const STARTUP_REFUSAL_TEXTS: Record<'en' | 'fr', Record<StartupRefusal, string>> = {
  en: {
    sqlite_too_old:
      'HITdesk cannot safely store your work on this laptop: a part of it (SQLite) is too old. Ask your supervisor to reinstall HITdesk.',
    storage_damaged:
      'HITdesk’s saved data on this laptop is damaged. Nothing was changed or deleted. Do not reinstall: ask your supervisor to copy the HITdesk folder for support.',
    storage_too_new:
      'The saved data on this laptop was made by a newer HITdesk. Nothing was changed. Ask your supervisor to update HITdesk.',
    storage_migration_failed:
      'HITdesk could not update its saved data on this laptop. Nothing was lost: the data stays as it was. Restart HITdesk; if it happens again, tell your supervisor.',
  },
  fr: {
    sqlite_too_old:
      'HITdesk ne peut pas enregistrer votre travail en sécurité sur cet ordinateur : un de ses composants (SQLite) est trop ancien. Demandez à votre superviseur de réinstaller HITdesk.',
    storage_damaged:
      'Les données enregistrées de HITdesk sur cet ordinateur sont endommagées. Rien n’a été modifié ni supprimé. Ne réinstallez pas : demandez à votre superviseur de copier le dossier de HITdesk pour l’assistance.',
    storage_too_new:
      'Les données de cet ordinateur ont été créées par une version plus récente de HITdesk. Rien n’a été modifié. Demandez à votre superviseur de mettre HITdesk à jour.',
    storage_migration_failed:
      'HITdesk n’a pas pu mettre à jour ses données sur cet ordinateur. Rien n’est perdu : les données restent telles quelles. Redémarrez HITdesk ; si cela se reproduit, prévenez votre superviseur.',
  },
};
