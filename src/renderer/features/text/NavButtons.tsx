import { useTranslation } from 'react-i18next';
import { MODERATION_SHORTCUTS } from '../../editor/text/moderation-keys';
import { Kbd } from '../../ui/Kbd';
import type { ModerationMode } from './moderation-mode';
import './nav-buttons.css';

/** Undo and redo as buttons too, for the mouse and to show they exist. */
export function HistoryButtons(props: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const { t } = useTranslation('moderation');
  return (
    <span className="history-buttons">
      <button
        type="button"
        className="button-quiet button-compact"
        aria-disabled={props.canUndo ? undefined : true}
        aria-keyshortcuts={MODERATION_SHORTCUTS.undo}
        onClick={() => props.canUndo && props.onUndo()}
      >
        <span aria-hidden="true">↶ </span>
        {t('undo')}
      </button>
      <button
        type="button"
        className="button-quiet button-compact"
        aria-disabled={props.canRedo ? undefined : true}
        aria-keyshortcuts={`${MODERATION_SHORTCUTS.redo} Control+Y`}
        onClick={() => props.canRedo && props.onRedo()}
      >
        <span aria-hidden="true">↷ </span>
        {t('redo')}
      </button>
    </span>
  );
}

/** Switches between one review at a time and the list of the batch's reviews (L). */
export function ModeButton({ to, onClick }: { to: ModerationMode; onClick: () => void }) {
  const { t } = useTranslation('moderation');
  return (
    <button type="button" className="button-quiet button-compact" aria-keyshortcuts="L" onClick={onClick}>
      {to === 'list' ? t('mode.toList') : t('mode.toSingle')}
      <span aria-hidden="true">
        <Kbd>L</Kbd>
      </span>
    </button>
  );
}
