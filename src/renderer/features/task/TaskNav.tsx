import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MODERATION_SHORTCUTS } from '../../editor/text/moderation-keys';
import { showInbox } from '../../state/app-store';
import { Kbd } from '../../ui/Kbd';

/** Back to the inbox (Esc), where this task sits in the run, and whatever else the screen adds. */
export function TaskNav({
  position,
  children,
}: {
  position: { position: number; total: number } | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <nav className="task-nav" aria-label={t('task.navLabel')}>
      <button
        type="button"
        className="button-quiet"
        onClick={() => showInbox()}
        aria-keyshortcuts={MODERATION_SHORTCUTS.back}
      >
        <span aria-hidden="true">← </span>
        {t('task.back')}
        <span aria-hidden="true">
          <Kbd>{t('keys.escape')}</Kbd>
        </span>
      </button>
      {position && <span className="task-position">{t('task.position', position)}</span>}
      <span className="task-nav-end">{children}</span>
    </nav>
  );
}
