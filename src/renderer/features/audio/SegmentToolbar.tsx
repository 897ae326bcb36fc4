import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentLabel } from '../../../shared/domain/kinds/audio';
import { currentLocale } from '../../i18n';

export type ToolbarCommand =
  'insert' | 'split' | 'merge' | 'delete' | 'setStart' | 'setEnd' | 'undo' | 'redo';

type Props = {
  labels: readonly SegmentLabel[];
  hotkeys: ReadonlyMap<string, string>;
  newLabel: string;
  onNewLabel: (code: string) => void;
  hasSelection: boolean;
  canUndo: boolean;
  canRedo: boolean;
  loop: boolean;
  onLoop: (loop: boolean) => void;
  onCommand: (command: ToolbarCommand) => void;
  /** The last refused edit, in words (announced politely). */
  notice: string | null;
};

/** Segment commands as buttons, each with its key: the keyboard and the mouse can do the same. */
export const SegmentToolbar = memo(function SegmentToolbar(props: Props) {
  const { t } = useTranslation('audio');
  const locale = currentLocale();
  const ctrl = t('keys.ctrl');
  const button = (
    command: Parameters<Props['onCommand']>[0],
    text: string,
    key: string,
    shortcut: string,
    blocked = false,
  ) => (
    <button
      type="button"
      className="button-quiet"
      aria-keyshortcuts={shortcut}
      aria-disabled={blocked || undefined}
      title={`${text} (${key})`}
      onClick={() => !blocked && props.onCommand(command)}
    >
      {text}
    </button>
  );
  return (
    <div className="segment-toolbar">
      <div className="segment-tools" role="toolbar" aria-label={t('transcription.segmentsHeading')}>
        <label className="new-label">
          {t('transcription.newLabel')}
          <select value={props.newLabel} onChange={(event) => props.onNewLabel(event.target.value)}>
            {props.labels.map((label) => (
              <option key={label.code} value={label.code}>
                {props.hotkeys.has(label.code) ? `${props.hotkeys.get(label.code)} · ` : ''}
                {label.label[locale]}
              </option>
            ))}
          </select>
        </label>
        {button('insert', t('transcription.insert'), `${ctrl}+I`, 'Control+I')}
        {button('split', t('transcription.split'), `${ctrl}+K`, 'Control+K', !props.hasSelection)}
        {button('merge', t('transcription.merge'), `${ctrl}+M`, 'Control+M', !props.hasSelection)}
        {button('delete', t('transcription.delete'), `${ctrl}+D`, 'Control+D', !props.hasSelection)}
        {button('setStart', t('transcription.setStart'), `${ctrl}+B`, 'Control+B', !props.hasSelection)}
        {button('setEnd', t('transcription.setEnd'), `${ctrl}+E`, 'Control+E', !props.hasSelection)}
        {button('undo', t('transcription.undo'), `${ctrl}+Z`, 'Control+Z', !props.canUndo)}
        {button(
          'redo',
          t('transcription.redo'),
          `${ctrl}+${t('keys.shift')}+Z`,
          'Control+Shift+Z',
          !props.canRedo,
        )}
        <label className="loop-choice">
          <input
            type="checkbox"
            checked={props.loop}
            onChange={(event) => props.onLoop(event.target.checked)}
          />
          {t('transcription.loop')}
        </label>
      </div>
      <p className="segment-notice" role="status">
        {props.notice ?? ''}
      </p>
    </div>
  );
});
