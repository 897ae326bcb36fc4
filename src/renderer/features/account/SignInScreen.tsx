import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showSetup, signIn, useAppStore } from '../../state/app-store';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../../ui/Notice';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { ProfileChoices } from './ProfileChoices';

type Missing = { username: boolean; password: boolean };

export function SignInScreen() {
  const { t } = useTranslation();
  const id = useId();
  const serverUrl = useAppStore((state) => state.settings?.serverUrl ?? null);
  const prefill = useAppStore((state) => state.prefill);
  const [username, setUsername] = useState(prefill?.username ?? '');
  const [password, setPassword] = useState(prefill?.password ?? '');
  const [showPassword, setShowPassword] = useState(false);
  const [missing, setMissing] = useState<Missing>({ username: false, password: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    setError(null);
    if (nowMissing.username) return usernameRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    setBusy(true);
    try {
      await signIn(username.trim(), password); // moves on to the inbox
    } catch (failure) {
      setBusy(false);
      setError(failure);
    }
  };

  const chooseProfile = (name: string) => {
    setUsername(name);
    setMissing((current) => ({ ...current, username: false }));
    passwordRef.current?.focus();
  };

  return (
    <div className="screen screen-narrow">
      <ScreenHeading>{t('signIn.heading')}</ScreenHeading>
      {serverUrl && (
        <p className="current-server">
          <span>{t('signIn.server', { url: serverUrl })}</span>
          <button type="button" className="button-quiet" onClick={showSetup}>
            {t('signIn.changeServer')}
          </button>
        </p>
      )}
      {prefill && <Notice>{t('signIn.demoNote')}</Notice>}
      <ProfileChoices serverUrl={serverUrl} onChoose={chooseProfile} />
      <form className="card sign-in" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
          <input
            ref={usernameRef}
            id={`${id}-username`}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={missing.username}
            aria-describedby={missing.username ? `${id}-username-missing` : undefined}
          />
          {missing.username && (
            <p className="field-error" id={`${id}-username-missing`}>
              {t('signIn.missingUsername')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={missing.password}
            aria-describedby={missing.password ? `${id}-password-missing` : undefined}
          />
          {missing.password && (
            <p className="field-error" id={`${id}-password-missing`}>
              {t('signIn.missingPassword')}
            </p>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.target.checked)}
            />
            {t('signIn.showPassword')}
          </label>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <BusyButton type="submit" className="button-primary button-wide" busy={busy}>
          {t('signIn.submit')}
        </BusyButton>
        <p className="progress" role="status">
          {busy ? t('signIn.submitting') : ''}
        </p>
      </form>
    </div>
  );
}
