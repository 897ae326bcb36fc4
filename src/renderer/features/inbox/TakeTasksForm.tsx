import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../../../shared/bridge';
import { clearFlash } from '../../state/app-store';
import { takeTasks } from '../../state/tasks-store';
import { BusyButton } from '../../ui/BusyButton';
import { errorText } from '../../ui/errors';

export const TAKE_MIN = 1;
export const TAKE_MAX = 20;
export const TAKE_DEFAULT = 5;

type Outcome = { kind: 'taken'; count: number } | { kind: 'failed'; error: unknown } | null;

/** "How many tasks?" and "Take tasks", with progress and a result said in words. */
export function TakeTasksForm() {
  const { t } = useTranslation();
  const id = useId();
  const [count, setCount] = useState(String(TAKE_DEFAULT));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [badCount, setBadCount] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const wanted = Number(count);
    if (!Number.isInteger(wanted) || wanted < TAKE_MIN || wanted > TAKE_MAX) {
      setBadCount(true);
      setOutcome(null);
      return;
    }
    setBadCount(false);
    setBusy(true);
    setOutcome(null);
    clearFlash(); // "Well done" belongs to the batch just finished
    try {
      setOutcome({ kind: 'taken', count: await takeTasks(wanted) });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const failure = outcome?.kind === 'failed' ? outcome.error : null;
  const failureText =
    failure instanceof BridgeError && failure.code === 'server_unreachable'
      ? t('inbox.take.offline')
      : failure !== null
        ? errorText(t, failure)
        : '';
  const result =
    outcome?.kind === 'taken'
      ? outcome.count > 0
        ? t('inbox.take.taken', { count: outcome.count })
        : t('inbox.take.none')
      : '';

  return (
    <section className="take card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('inbox.take.heading')}</h2>
      <form className="take-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field field-inline">
          <label htmlFor={`${id}-count`}>{t('inbox.take.countLabel')}</label>
          <input
            id={`${id}-count`}
            className="input-count"
            type="number"
            inputMode="numeric"
            min={TAKE_MIN}
            max={TAKE_MAX}
            step={1}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            aria-invalid={badCount}
            aria-describedby={`${id}-hint`}
          />
          <span className="hint" id={`${id}-hint`}>
            {badCount ? (
              <span className="field-error">
                <span aria-hidden="true" className="message-icon">
                  !
                </span>
                {t('inbox.take.badCount')}
              </span>
            ) : (
              t('inbox.take.countHint')
            )}
          </span>
        </div>
        <BusyButton type="submit" className="button-primary" busy={busy}>
          {t('inbox.take.button')}
        </BusyButton>
      </form>
      <p
        className={`take-result${outcome?.kind === 'taken' && outcome.count > 0 ? ' take-result-ok' : ''}`}
        role="status"
      >
        {busy ? t('inbox.take.taking') : result}
      </p>
      <p className="take-error" role="alert">
        {failureText && (
          <>
            <span aria-hidden="true" className="message-icon">
              !
            </span>
            {failureText}
          </>
        )}
      </p>
    </section>
  );
}
