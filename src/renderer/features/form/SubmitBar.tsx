import { useTranslation } from 'react-i18next';
import type { FieldProblem, Locale } from '../../../shared/domain/common';
import type { FormConfig } from '../../../shared/domain/kinds/form';
import { FORM_SHORTCUTS } from '../../editor/form/form-keys';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Kbd } from '../../ui/Kbd';

type Props = {
  config: FormConfig;
  problems: ReadonlyMap<string, FieldProblem>;
  locale: Locale;
  submitting: boolean;
  submitError: unknown;
  onGoTo: (code: string) => void;
  /** Submit pressed while unusable: show every problem and go to the first. */
  onBlockedAttempt: () => void;
};

/**
 * Submit, unusable while any field has a problem, and why: the fields still to complete, each a
 * button that takes the HITer to it (where its problem is said).
 */
export function SubmitBar(props: Props) {
  const { config, problems, locale, submitting, submitError, onGoTo } = props;
  const { t } = useTranslation('form');
  const blocked = problems.size > 0;
  return (
    <div
      className="form-submit"
      // The blocked button refuses the click (BusyButton); the HITer is still shown what is missing.
      onClickCapture={(event) => {
        if (blocked && !submitting && event.target instanceof Element && event.target.closest('.submit'))
          props.onBlockedAttempt();
      }}
    >
      {submitError !== null && <ErrorMessage error={submitError} />}
      <BusyButton
        type="submit"
        className="button-primary button-wide submit"
        busy={submitting}
        blocked={blocked}
        aria-describedby="form-submit-why"
        aria-keyshortcuts={FORM_SHORTCUTS.submit}
      >
        {t('submit')}
        <span aria-hidden="true">
          <Kbd>{t('keys.ctrlEnter')}</Kbd>
        </span>
      </BusyButton>
      <div id="form-submit-why" className={`submit-why${blocked ? '' : ' submit-ready'}`}>
        {submitting ? (
          <p>{t('submitting')}</p>
        ) : blocked ? (
          <>
            <p>{t('blocked', { count: problems.size })}</p>
            <ul className="form-problems">
              {config.fields
                .filter((field) => problems.has(field.code))
                .map((field) => (
                  <li key={field.code}>
                    <button
                      type="button"
                      className="form-link"
                      aria-label={t('goTo', { field: field.label[locale] })}
                      onClick={() => onGoTo(field.code)}
                    >
                      {field.label[locale]}
                    </button>
                  </li>
                ))}
            </ul>
          </>
        ) : (
          <p>{t('ready')}</p>
        )}
      </div>
    </div>
  );
}
