import { useTranslation } from 'react-i18next';
import type { AudioValidationConfig } from '../../../shared/domain/kinds/audio';
import type { ValidationAction, ValidationDoc } from '../../editor/audio/validation';
import { currentLocale } from '../../i18n';
import { DECISION_ZONE_ATTRIBUTE } from '../../ui/focus';
import { Kbd } from '../../ui/Kbd';

type Props = {
  config: AudioValidationConfig;
  doc: ValidationDoc;
  dispatch: (action: ValidationAction) => void;
};

/** Valid / Invalid and the reasons: locked (but readable) until the whole clip was heard. */
export function VerdictForm({ config, doc, dispatch }: Props) {
  const { t } = useTranslation('audio');
  const locale = currentLocale();
  const locked = !doc.heard;
  const zone = { [DECISION_ZONE_ATTRIBUTE]: '' };
  const lockedProps = locked ? { 'aria-disabled': true, 'aria-describedby': 'verdict-locked-why' } : {};
  return (
    <div className={locked ? 'verdict-locked' : undefined} {...zone}>
      {locked && (
        <p id="verdict-locked-why" className="hint">
          {t('validation.listenFirst')}
        </p>
      )}
      <div className="decision-buttons" role="group" aria-labelledby="audio-submit-heading">
        <button
          type="button"
          className="toggle toggle-approve"
          aria-pressed={doc.verdict === 'valid'}
          aria-keyshortcuts="V"
          onClick={() => dispatch({ type: 'valid' })}
          {...lockedProps}
        >
          <span aria-hidden="true" className="toggle-mark">
            ✓
          </span>
          {t('validation.valid')}
          <span aria-hidden="true">
            <Kbd>V</Kbd>
          </span>
        </button>
        <button
          type="button"
          className="toggle toggle-reject"
          aria-pressed={doc.verdict === 'invalid'}
          aria-keyshortcuts="I"
          onClick={() => dispatch({ type: 'invalid' })}
          {...lockedProps}
        >
          <span aria-hidden="true" className="toggle-mark">
            ✕
          </span>
          {t('validation.invalid')}
          <span aria-hidden="true">
            <Kbd>I</Kbd>
          </span>
        </button>
      </div>
      <fieldset className={`reasons${doc.verdict === 'valid' ? ' reasons-quiet' : ''}`} disabled={locked}>
        <legend>{t('validation.reasons')}</legend>
        {config.reasons.map((reason, index) => {
          const hotkey = index < 9 ? String(index + 1) : null;
          return (
            <label key={reason.code} className="reason">
              <input
                type="radio"
                name="validation-reason"
                value={reason.code}
                checked={doc.verdict === 'invalid' && doc.reason === reason.code}
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
    </div>
  );
}
