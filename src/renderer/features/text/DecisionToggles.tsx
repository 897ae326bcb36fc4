import { useTranslation } from 'react-i18next';
import type { TextDecision } from '../../../shared/domain/kinds/text-moderation';
import { MODERATION_SHORTCUTS } from '../../editor/text/moderation-keys';
import { Kbd } from '../../ui/Kbd';

const MARKS: Record<TextDecision, string> = { approve: '✓', reject: '✕', escalate: '↑' };

/**
 * Approve / Reject (/ Escalate) as large toggle buttons, each with a mark (not only a colour)
 * and its key. Used by the single view and by list mode's panel.
 */
export function DecisionToggles(props: {
  decisions: readonly TextDecision[];
  current: TextDecision | null;
  labelledBy: string;
  /** False while the decision cannot change (nothing selected, already sent, sending). */
  usable?: boolean;
  onDecide: (decision: TextDecision) => void;
}) {
  const { t } = useTranslation('moderation');
  const usable = props.usable ?? true;
  return (
    <div
      className={`decision-buttons decision-buttons-${props.decisions.length}`}
      role="group"
      aria-labelledby={props.labelledBy}
    >
      {props.decisions.map((decision) => (
        <button
          key={decision}
          type="button"
          className={`toggle toggle-${decision}`}
          aria-pressed={props.current === decision}
          aria-disabled={usable ? undefined : true}
          aria-keyshortcuts={MODERATION_SHORTCUTS[decision]}
          onClick={() => usable && props.onDecide(decision)}
        >
          <span className="toggle-label">
            <span aria-hidden="true" className="toggle-mark">
              {MARKS[decision]}
            </span>{' '}
            {t(decision)}
          </span>
          <span aria-hidden="true">
            <Kbd>{MODERATION_SHORTCUTS[decision]}</Kbd>
          </span>
        </button>
      ))}
    </div>
  );
}
