import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { signOut, useAppStore } from '../state/app-store';
import { BusyButton } from '../ui/BusyButton';
import { LanguageSwitch } from './LanguageSwitch';

function Account({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const leave = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch {
      setBusy(false); // still signed in: the button stays usable
    }
  };
  return (
    <div className="account">
      {/* The name alone fits the header; screen readers get the whole sentence. */}
      <span className="account-name" title={t('account.signedInAs', { name: displayName })}>
        <span className="visually-hidden">{t('account.signedInAs', { name: displayName })}</span>
        <span aria-hidden="true">{displayName}</span>
      </span>
      <BusyButton type="button" className="button-quiet" busy={busy} onClick={() => void leave()}>
        {t('account.signOut')}
      </BusyButton>
    </div>
  );
}

/** The band on every screen: the app's name, the language switch, and once signed in, sync and account. */
export function AppHeader() {
  const { t } = useTranslation();
  const session = useAppStore((state) => state.session);
  return (
    <header className="app-header">
      <span className="brand">{t('app.name')}</span>
      {session && <SyncIndicator />}
      <div className="header-end">
        <LanguageSwitch />
        {session && <Account displayName={session.displayName} />}
      </div>
    </header>
  );
}
