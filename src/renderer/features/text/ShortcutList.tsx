import { useTranslation } from 'react-i18next';
import { Kbd } from '../../ui/Kbd';

/** The keys of this screen, always on show so they are learnt by using them. */
export function ShortcutList({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const rows: [string, string][] = readOnly
    ? [
        [t('keys.escape'), t('task.shortcut.back')],
        ['?', t('task.shortcut.instructions')],
      ]
    : [
        ['A', t('task.shortcut.approve')],
        ['R', t('task.shortcut.reject')],
        ['1–9', t('task.shortcut.reasons')],
        [t('keys.enter'), t('task.shortcut.submit')],
        [t('keys.escape'), t('task.shortcut.back')],
        ['?', t('task.shortcut.instructions')],
      ];
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading" className="label-heading">
        {t('task.shortcutsHeading')}
      </h2>
      <dl className="shortcut-list">
        {rows.map(([key, action]) => (
          <div key={key}>
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
