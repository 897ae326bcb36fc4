import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Kbd } from '../../ui/Kbd';

type Props = {
  heading: string;
  /** Why the answer cannot go yet (already in words), or null when it can. */
  problem: string | null;
  submitting: boolean;
  submitError: unknown;
  onSubmit: () => void;
  /** The key shown on the button, e.g. "Enter" or "Ctrl+Enter". */
  keyLabel: string;
  keyShortcut: string;
  children?: ReactNode;
};

/** The Submit button of an audio task, saying why it cannot be used yet. */
export function SubmitPanel({
  heading,
  problem,
  submitting,
  submitError,
  onSubmit,
  keyLabel,
  keyShortcut,
  children,
}: Props) {
  const { t } = useTranslation('audio');
  return (
    <section className="card audio-submit" aria-labelledby="audio-submit-heading">
      <h2 id="audio-submit-heading">{heading}</h2>
      {children}
      {submitError !== null && <ErrorMessage error={submitError} />}
      <BusyButton
        type="button"
        className="button-primary button-wide submit"
        busy={submitting}
        blocked={problem !== null}
        aria-describedby="audio-submit-why"
        aria-keyshortcuts={keyShortcut}
        onClick={onSubmit}
      >
        {t('submit.submit')}
        <span aria-hidden="true">
          <Kbd>{keyLabel}</Kbd>
        </span>
      </BusyButton>
      <p id="audio-submit-why" className={`submit-why${problem ? '' : ' submit-ready'}`}>
        {submitting ? t('submit.submitting') : (problem ?? t('submit.ready'))}
      </p>
    </section>
  );
}
