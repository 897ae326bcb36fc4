import { useTranslation } from 'react-i18next';
import type { TextDecision, TextModerationConfig } from '../../../shared/domain/kinds/text-moderation';
import type { ListModeCommand } from '../../editor/text/list-mode';
import { LIST_SHORTCUTS } from '../../editor/text/list-mode';
import type { ModerationDoc } from '../../editor/text/moderation-draft';
import { MODERATION_SHORTCUTS } from '../../editor/text/moderation-keys';
import { BusyButton } from '../../ui/BusyButton';
import { Kbd } from '../../ui/Kbd';
import { DecisionToggles } from './DecisionToggles';

type Props = {
  config: TextModerationConfig;
  position: { number: number; total: number } | null;
  doc: ModerationDoc | null;
  /** The current review is already sent. */
  closed: boolean;
  decidedCount: number;
  openCount: number;
  sending: boolean;
  message: string;
  onCommand: (command: ListModeCommand) => void;
};

/** The current review's decision buttons (for the mouse; each has its key) and the Send button. */
export function ListPanel(props: Props) {
  const { config, doc, closed } = props;
  const { t } = useTranslation('moderation');
  const { t: tApp } = useTranslation();
  const decisions: TextDecision[] = config.allowEscalate
    ? ['approve', 'reject', 'escalate']
    : ['approve', 'reject'];
  const usable = doc !== null && !closed && !props.sending;
  return (
    <section className="card decision list-panel" aria-labelledby="list-panel-heading">
      <h2 id="list-panel-heading">{props.position ? t('list.current', props.position) : t('decision')}</h2>
      <DecisionToggles
        decisions={decisions}
        current={doc?.decision ?? null}
        labelledBy="list-panel-heading"
        usable={usable}
        onDecide={(decision) => props.onCommand({ type: decision })}
      />
      <div className="list-panel-more">
        <button
          type="button"
          className="button-quiet button-compact"
          aria-disabled={usable ? undefined : true}
          aria-keyshortcuts={LIST_SHORTCUTS.note}
          onClick={() => usable && props.onCommand({ type: 'note' })}
        >
          {t('list.addNote')}
          <span aria-hidden="true">
            <Kbd>{LIST_SHORTCUTS.note}</Kbd>
          </span>
        </button>
        <button
          type="button"
          className="button-quiet button-compact"
          aria-keyshortcuts={LIST_SHORTCUTS.open}
          onClick={() => props.onCommand({ type: 'openSingle' })}
        >
          {t('list.open')}
          <span aria-hidden="true">
            <Kbd>{LIST_SHORTCUTS.open}</Kbd>
          </span>
        </button>
      </div>
      <p className="list-progress">
        {t('list.progress', { decided: props.decidedCount, open: props.openCount })}
      </p>
      <BusyButton
        type="button"
        className="button-primary button-wide submit"
        busy={props.sending}
        blocked={props.decidedCount === 0}
        aria-describedby="list-send-why"
        aria-keyshortcuts={MODERATION_SHORTCUTS.submit}
        onClick={() => props.onCommand({ type: 'sendDecided' })}
      >
        {t('list.send', { count: props.decidedCount })}
        <span aria-hidden="true">
          <Kbd>{tApp('keys.enter')}</Kbd>
        </span>
      </BusyButton>
      <p id="list-send-why" className="submit-why" role="status">
        {props.sending
          ? t('submitting')
          : props.message || (props.decidedCount === 0 ? t('list.nothingDecided') : '')}
      </p>
    </section>
  );
}
