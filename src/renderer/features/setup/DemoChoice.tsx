import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startDemo } from '../../state/app-store';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';

export function DemoChoice() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await startDemo(); // moves on to sign-in
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <section className="card choice" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('setup.demo.heading')}</h2>
      <p>{t('setup.demo.text')}</p>
      <BusyButton type="button" className="button-primary" busy={busy} onClick={() => void start()}>
        {t('setup.demo.button')}
      </BusyButton>
      <p className="progress" role="status">
        {busy ? t('setup.demo.starting') : ''}
      </p>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
