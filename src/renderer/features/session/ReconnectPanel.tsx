import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../../../shared/bridge';
import { reconnect, useAppStore } from '../../state/app-store';
import { useSyncStore } from '../../state/sync-store';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../../ui/Notice';

/**
 * Says truthfully whether the work done here can be sent. Signed in offline with a token kept:
 * it will go out when the line returns. The queue refused the token (or none is kept): the HITer
 * is asked for their password here, and the session is upgraded in place — nothing is lost.
 */
export function SessionNotice() {
  const session = useAppStore((state) => state.session);
  if (session === null) return null;
  if (session.needsSignIn) return <ReconnectPanel />;
  if (session.offline) return <OfflineNotice />;
  return null;
}

function OfflineNotice() {
  const { t } = useTranslation();
  return (
    <Notice tone="warning" live={false}>
      {t('signIn.offlineNotice')}
    </Notice>
  );
}

export function ReconnectPanel() {
  const { t } = useTranslation();
  const id = useId();
  const pending = useSyncStore((state) => state.status?.pendingCount ?? 0);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || password === '') return;
    setBusy(true);
    setError(null);
    try {
      const session = await reconnect(password);
      // Checked offline only: the queue is still out of reach, so nothing can be sent yet.
      if (session.needsSignIn) {
        setError(new BridgeError('server_unreachable', 'signed in offline again'));
      } else {
        setPassword('');
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card reconnect" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {pending > 0
          ? t('session.reconnect.heading', { count: pending })
          : t('session.reconnect.headingNone')}
      </h2>
      <p>{t('session.reconnect.text')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <BusyButton type="submit" busy={busy}>
          {t('session.reconnect.submit')}
        </BusyButton>
      </form>
    </section>
  );
}
