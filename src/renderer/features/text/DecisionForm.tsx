import { useTranslation } from 'react-i18next';
import type { TextDecision, TextModerationConfig } from '../../../shared/domain/kinds/text-moderation';
import type { DraftAction, DraftProblem, ModerationDoc } from '../../editor/text/moderation-draft';
import { MODERATION_SHORTCUTS, reasonHotkey } from '../../editor/text/moderation-keys';
import { currentLocale } from '../../i18n';
import { BusyButton } from '../../ui/BusyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DECISION_ZONE_ATTRIBUTE } from '../../ui/focus';
import { Kbd } from '../../ui/Kbd';
import { DecisionToggles } from './DecisionToggles';

type Props = {
  config: TextModerationConfig;
  doc: ModerationDoc;
  problem: DraftProblem | null;
  submitting: boolean;
  /** Why the last submission failed, shown right above the Submit button. */
  submitError: unknown;
  dispatch: (action: DraftAction) => void;
  /** Typing in the note: one undo step per burst, closed when the note loses the focus. */
  onNoteInput: (text: string) => void;
  onNoteDone: () => void;
  onSubmit: () => void;
};

/**
 * Approve / Reject / Escalate as large toggle buttons, the project's reasons as radios (1–9), a
 * note for the supervisor, and Submit, which says why it cannot be used yet. Enter in here submits.
 */
export function DecisionForm(props: Props) {
  const { config, doc, problem, submitting, submitError, dispatch } = props;
  const { t } = useTranslation('moderation');
  const { t: tApp } = useTranslation();
  const locale = currentLocale();
  const zone = { [DECISION_ZONE_ATTRIBUTE]: '' };
  const decisions: TextDecision[] = config.allowEscalate
    ? ['approve', 'reject', 'escalate']
    : ['approve', 'reject'];
  return (
    <form
      className="card decision"
      aria-labelledby="decision-heading"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
      {...zone}
    >
      <h2 id="decision-heading">{t('decision')}</h2>
      <DecisionToggles
        decisions={decisions}
        current={doc.decision}
        labelledBy="decision-heading"
        onDecide={(decision) => dispatch({ type: decision })}
      />
      <fieldset
        className={`reasons${doc.decision === 'reject' || doc.decision === null ? '' : ' reasons-quiet'}`}
      >
        <legend>{t('reasons')}</legend>
        {config.reasons.map((reason, index) => {
          const hotkey = reasonHotkey(index);
          return (
            <label key={reason.code} className="reason">
              <input
                type="radio"
                name="reason"
                value={reason.code}
                checked={doc.decision === 'reject' && doc.reason === reason.code}
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
      <div className="field note-field">
        <label htmlFor="moderation-note">{t('note')}</label>
        <textarea
          id="moderation-note"
          rows={2}
          maxLength={2000}
          value={doc.note}
          aria-describedby="moderation-note-hint"
          onChange={(event) => props.onNoteInput(event.target.value)}
          onBlur={props.onNoteDone}
        />
        <p id="moderation-note-hint" className="hint">
          {doc.decision === 'escalate' ? t('noteHintEscalate') : t('noteHint')}
        </p>
      </div>
      {submitError !== null && <ErrorMessage error={submitError} />}
      <BusyButton
        type="submit"
        className="button-primary button-wide submit"
        busy={submitting}
        blocked={problem !== null}
        aria-describedby="submit-why"
        aria-keyshortcuts={MODERATION_SHORTCUTS.submit}
      >
        {t('submit')}
        <span aria-hidden="true">
          <Kbd>{tApp('keys.enter')}</Kbd>
        </span>
      </BusyButton>
      <p id="submit-why" className={`submit-why${problem ? '' : ' submit-ready'}`}>
        {submitting ? t('submitting') : problem ? t(`problem.${problem}`) : t('ready')}
      </p>
    </form>
  );
}
