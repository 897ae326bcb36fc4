import { useTranslation } from 'react-i18next';
import type { TextModerationConfig, TextModerationDraft } from '../../../shared/domain/kinds/text-moderation';
import type { DraftAction, DraftProblem } from '../../editor/moderation-draft';
import { MODERATION_SHORTCUTS, reasonHotkey } from '../../editor/moderation-keys';
import { currentLocale } from '../../i18n';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DECISION_ZONE_ATTRIBUTE } from '../../ui/focus';
import { Kbd } from '../../ui/Kbd';

type Props = {
  config: TextModerationConfig;
  draft: TextModerationDraft;
  problem: DraftProblem | null;
  submitting: boolean;
  /** Why the last submission failed, shown right above the Submit button. */
  submitError: unknown;
  dispatch: (action: DraftAction) => void;
  onSubmit: () => void;
};

/**
 * Approve / Reject as large toggle buttons, the project's reasons as radios (1–9), and Submit, which
 * says why it cannot be used yet. Enter anywhere in here submits.
 */
export function DecisionForm({ config, draft, problem, submitting, submitError, dispatch, onSubmit }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = { [DECISION_ZONE_ATTRIBUTE]: '' };
  return (
    <form
      className="card decision"
      aria-labelledby="decision-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      {...zone}
    >
      <h2 id="decision-heading">{t('moderation.decision')}</h2>
      <div className="decision-buttons" role="group" aria-labelledby="decision-heading">
        <button
          type="button"
          className="toggle toggle-approve"
          aria-pressed={draft.decision === 'approve'}
          aria-keyshortcuts={MODERATION_SHORTCUTS.approve}
          onClick={() => dispatch({ type: 'approve' })}
        >
          <span aria-hidden="true" className="toggle-mark">
            ✓
          </span>
          {t('moderation.approve')}
          <span aria-hidden="true">
            <Kbd>{MODERATION_SHORTCUTS.approve}</Kbd>
          </span>
        </button>
        <button
          type="button"
          className="toggle toggle-reject"
          aria-pressed={draft.decision === 'reject'}
          aria-keyshortcuts={MODERATION_SHORTCUTS.reject}
          onClick={() => dispatch({ type: 'reject' })}
        >
          <span aria-hidden="true" className="toggle-mark">
            ✕
          </span>
          {t('moderation.reject')}
          <span aria-hidden="true">
            <Kbd>{MODERATION_SHORTCUTS.reject}</Kbd>
          </span>
        </button>
      </div>
      <fieldset className={`reasons${draft.decision === 'approve' ? ' reasons-quiet' : ''}`}>
        <legend>{t('moderation.reasons')}</legend>
        {config.reasons.map((reason, index) => {
          const hotkey = reasonHotkey(index);
          return (
            <label key={reason.code} className="reason">
              <input
                type="radio"
                name="reason"
                value={reason.code}
                checked={draft.decision === 'reject' && draft.reason === reason.code}
                onChange={() => dispatch({ type: 'reason', code: reason.code })}
                aria-keyshortcuts={hotkey ?? undefined}
              />
              <span className="reason-key" aria-hidden="true">
                {hotkey && <Kbd>{hotkey}</Kbd>}
              </span>
              <span lang={locale}>{reason.label[locale]}</span>
            </label>
          );
        })}
      </fieldset>
      {submitError !== null && <ErrorMessage error={submitError} />}
      <BusyButton
        type="submit"
        className="button-primary button-wide submit"
        busy={submitting}
        blocked={problem !== null}
        aria-describedby="submit-why"
        aria-keyshortcuts={MODERATION_SHORTCUTS.submit}
      >
        {t('moderation.submit')}
        <span aria-hidden="true">
          <Kbd>{t('keys.enter')}</Kbd>
        </span>
      </BusyButton>
      <p id="submit-why" className={`submit-why${problem ? '' : ' submit-ready'}`}>
        {submitting
          ? t('moderation.submitting')
          : problem
            ? t(`moderation.problem.${problem}`)
            : t('moderation.ready')}
      </p>
    </form>
  );
}
