import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { printedKey, useKeyboardLayout } from '../task/key-caps';
import { ShortcutTable } from './ShortcutTable';

/** The transcription keys: all but zoom work while typing a transcript. */
export const TranscriptionShortcuts = memo(function TranscriptionShortcuts({
  readOnly,
}: {
  readOnly: boolean;
}) {
  const { t } = useTranslation('audio');
  const layout = useKeyboardLayout();
  const ctrl = t('keys.ctrl');
  const shift = t('keys.shift');
  const listen: [string, string][] = [
    [`${ctrl}+${t('keys.space')}`, t('shortcut.playPause')],
    [`${ctrl}+← →`, t('shortcut.skip2')],
    [`${ctrl}+${shift}+← →`, t('shortcut.skip5')],
    [`${ctrl}+↓ ↑`, t('shortcut.speed')],
    [`+ / ${printedKey(layout, 'Minus', '−')}`, t('shortcut.zoom')],
  ];
  const edit: [string, string][] = [
    [t('keys.tab'), t('shortcut.nextSegment')],
    [`${ctrl}+I`, t('shortcut.insert')],
    [`${ctrl}+K`, t('shortcut.split')],
    [`${ctrl}+M`, t('shortcut.merge')],
    [`${ctrl}+D`, t('shortcut.delete')],
    [`${ctrl}+B / ${ctrl}+E`, t('shortcut.setEdges')],
    ['1–9', t('shortcut.label')],
    [`${ctrl}+Z / ${ctrl}+${shift}+Z`, t('shortcut.undoRedo')],
    [`${ctrl}+${t('keys.enter')}`, t('shortcut.submit')],
    [t('keys.escape'), t('shortcut.leaveField')],
  ];
  return <ShortcutTable rows={readOnly ? listen : [...listen, ...edit]} />;
});
