import { app, dialog } from 'electron';
import type { BridgeErrorCode } from '../../shared/bridge/errors';
import { STARTUP_REFUSAL_TEXTS } from '../../shared/bridge/startup-refusal-texts';
import { startupRefusal } from '../services/startup-refusal';

type Texts = { title: string; fallback: string; detail: string } & Partial<Record<BridgeErrorCode, string>>;

/** The renderer's i18n is not loaded yet (there is no window): the refusals, and the dialog's own words. */
const TEXTS: Record<'en' | 'fr', Texts> = {
  en: {
    ...STARTUP_REFUSAL_TEXTS.en,
    title: 'HITdesk cannot start',
    fallback:
      'HITdesk had an unexpected problem while starting. Restart it; if it happens again, tell your supervisor.',
    detail: 'Details for support:',
  },
  fr: {
    ...STARTUP_REFUSAL_TEXTS.fr,
    title: 'HITdesk ne peut pas démarrer',
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
