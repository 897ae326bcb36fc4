import { useTranslation } from 'react-i18next';
import { Kbd } from '../../ui/Kbd';

export type ShortcutRow = [key: string, action: string];

/** The keys of a screen, always on show so they are learnt by using them. */
export function ShortcutList({ rows }: { rows: readonly ShortcutRow[] }) {
  const { t } = useTranslation();
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading" className="label-heading">
        {t('task.shortcutsHeading')}
      </h2>
      <dl className="shortcut-list">
        {rows.map(([key, action]) => (
          <div key={`${key} ${action}`}>
            <dt>
              <Kbd>{key}</Kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The moderation screen's rows, for an open or a closed task, with or without span labels. */
export function useModerationShortcuts(options: {
  readOnly: boolean;
  spans: boolean;
  escalate: boolean;
}): ShortcutRow[] {
  const { t } = useTranslation('moderation');
  const { t: tApp } = useTranslation();
  const back: ShortcutRow = [tApp('keys.escape'), t('shortcut.back')];
  const guide: ShortcutRow = ['? / F1', t('shortcut.guidelines')];
  if (options.readOnly) return [back, guide];
  return [
    ['A', t('shortcut.approve')],
    ['R', t('shortcut.reject')],
    ...(options.escalate ? [['E', t('shortcut.escalate')] as ShortcutRow] : []),
    ['1–9', t('shortcut.reasons')],
    ...(options.spans
      ? [
          [t('keys.shiftArrows'), t('shortcut.select')] as ShortcutRow,
          ['1–9', t('shortcut.label')] as ShortcutRow,
          [t('keys.delete'), t('shortcut.removeSpan')] as ShortcutRow,
        ]
      : []),
    [t('keys.undo'), t('shortcut.undo')],
    [t('keys.redo'), t('shortcut.redo')],
    ['L', t('shortcut.list')],
    [tApp('keys.enter'), t('shortcut.submit')],
    back,
    guide,
  ];
}

/** List mode's rows. */
export function useListShortcuts(escalate: boolean): ShortcutRow[] {
  const { t } = useTranslation('moderation');
  const { t: tApp } = useTranslation();
  return [
    ['J / K', t('shortcut.move')],
    ['A', t('shortcut.approve')],
    ['R', t('shortcut.rejectPick')],
    ...(escalate ? [['E', t('shortcut.escalate')] as ShortcutRow] : []),
    ['1–9', t('shortcut.reasons')],
    ['N', t('shortcut.note')],
    [t('keys.undo'), t('shortcut.undo')],
    [tApp('keys.enter'), t('shortcut.send')],
    ['O', t('shortcut.open')],
    [tApp('keys.escape'), t('shortcut.back')],
    ['? / F1', t('shortcut.guidelines')],
  ];
}
