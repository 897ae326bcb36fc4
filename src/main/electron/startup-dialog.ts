import { app, dialog } from 'electron';
import type { BridgeErrorCode } from '../../shared/bridge/errors';
import { startupRefusal } from '../services/startup-refusal';

type Texts = { title: string; fallback: string; detail: string } & Partial<Record<BridgeErrorCode, string>>;

/** The renderer's i18n is not loaded yet (there is no window): the few words the dialog needs. */
const TEXTS: Record<'en' | 'fr', Texts> = {
  en: {
    title: 'HITdesk cannot start',
    sqlite_too_old:
      'HITdesk cannot safely store your work on this laptop: a part of it (SQLite) is too old. Ask your supervisor to reinstall HITdesk.',
    storage_damaged:
      'HITdesk’s saved data on this laptop is damaged. Nothing was changed or deleted. Do not reinstall: ask your supervisor to copy the HITdesk folder for support.',
    storage_too_new:
      'The saved data on this laptop was made by a newer HITdesk. Nothing was changed. Ask your supervisor to update HITdesk.',
    storage_migration_failed:
      'HITdesk could not update its saved data on this laptop. Nothing was lost. Restart HITdesk; if it happens again, tell your supervisor.',
    fallback:
      'HITdesk had an unexpected problem while starting. Restart it; if it happens again, tell your supervisor.',
    detail: 'Details for support:',
  },
  fr: {
    title: 'HITdesk ne peut pas démarrer',
    sqlite_too_old:
      'HITdesk ne peut pas enregistrer votre travail en sécurité sur cet ordinateur : un de ses composants (SQLite) est trop ancien. Demandez à votre superviseur de réinstaller HITdesk.',
    storage_damaged:
      'Les données enregistrées de HITdesk sur cet ordinateur sont endommagées. Rien n’a été modifié ni supprimé. Ne réinstallez pas : demandez à votre superviseur de copier le dossier de HITdesk.',
    storage_too_new:
      'Les données de cet ordinateur ont été créées par une version plus récente de HITdesk. Rien n’a été modifié. Demandez à votre superviseur de mettre HITdesk à jour.',
    storage_migration_failed:
      'HITdesk n’a pas pu mettre à jour ses données sur cet ordinateur. Rien n’est perdu. Redémarrez HITdesk ; si cela se reproduit, prévenez votre superviseur.',
    fallback:
      'HITdesk a rencontré un problème inattendu au démarrage. Redémarrez-le ; si cela se reproduit, prévenez votre superviseur.',
    detail: 'Détails pour l’assistance :',
  },
};

/**
 * Start-up failed (a refusal of the durability checks, or anything else): tell the HITer in a
 * native dialog, in their language, with the technical detail for support, then quit (which also
 * frees the single-instance lock). Never leaves a running app with no window.
 */
export function failStartup(error: unknown): void {
  const texts = app.getLocale().toLowerCase().startsWith('fr') ? TEXTS.fr : TEXTS.en;
  const refusal = startupRefusal(error);
  const said = (refusal && texts[refusal.code]) ?? texts.fallback;
  const detail = error instanceof Error ? error.message : String(error);
  console.error('[app] start-up failed', error);
  try {
    dialog.showErrorBox(texts.title, `${said}\n\n${texts.detail}\n${detail}`);
  } finally {
    app.exit(1);
  }
}
