import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../../../shared/bridge';
import { checkServerUrl, type ServerUrlCheck } from '../../editor/server-url';
import { chooseServer } from '../../state/app-store';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';

type Problem = Extract<ServerUrlCheck, { ok: false }>['problem'];

export function ServerChoice({ initialUrl }: { initialUrl: string }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initialUrl);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const checked = checkServerUrl(url);
    if (!checked.ok) {
      setProblem(checked.problem);
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await chooseServer(checked.url); // moves on to sign-in
    } catch (failure) {
      setBusy(false);
      if (failure instanceof BridgeError && failure.code === 'invalid_input') {
        setProblem('not_url');
        inputRef.current?.focus();
      } else setError(failure);
    }
  };

  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <section className="card choice" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('setup.server.heading')}</h2>
      <p id={hintId}>{t('setup.server.text')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('setup.server.label')}</label>
          <input
            ref={inputRef}
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="url"
            autoCapitalize="none"
            spellCheck={false}
            placeholder={t('setup.server.placeholder')}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
          />
          {problem && (
            <p className="field-error" id={problemId}>
              <span aria-hidden="true" className="message-icon">
                !
              </span>
              {t(`setup.server.problems.${problem}`)}
            </p>
          )}
        </div>
        <BusyButton type="submit" className="button-primary" busy={busy}>
          {t('setup.server.button')}
        </BusyButton>
        <p className="progress" role="status">
          {busy ? t('setup.server.saving') : ''}
        </p>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
