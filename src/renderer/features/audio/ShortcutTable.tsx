import { useTranslation } from 'react-i18next';
import { Kbd } from '../../ui/Kbd';

/** The keys of an audio screen, always on show so they are learnt by using them. */
export function ShortcutTable({
  rows: own,
}: {
  rows: ReadonlyArray<readonly [keys: string, action: string]>;
}) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('audio');
  // Every tool: ? (outside a text field) or F1 (anywhere) opens the instructions.
  const rows = [...own, ['? / F1', ta('shortcut.instructions')] as const];
  return (
    <section className="shortcuts audio-shortcuts" aria-labelledby="audio-shortcuts-heading">
      <h2 id="audio-shortcuts-heading" className="label-heading">
        {t('task.shortcutsHeading')}
      </h2>
      <dl className="shortcut-list">
        {rows.map(([keys, action]) => (
          <div key={`${keys} ${action}`}>
            <dt>
              <Kbd>{keys}</Kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
