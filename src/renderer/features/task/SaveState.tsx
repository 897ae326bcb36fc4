import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../../editor/autosaver';

/**
 * "Draft saved" beside the task's position. Saving is not read out (it happens on every click);
 * only a failure is, through the polite region that stays empty otherwise.
 */
export function SaveState({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <>
      {status !== 'idle' && status !== 'failed' && (
        <span className={`save-state save-${status}`}>
          {status === 'saved' && <span aria-hidden="true">✓ </span>}
          {t(`task.save.${status}`)}
        </span>
      )}
      <span className="save-state save-failed" role="status">
        {status === 'failed' ? t('task.save.failed') : ''}
      </span>
    </>
  );
}
