import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import { isOpenState } from '../../editor/work-run';
import { useSyncStore } from '../../state/sync-store';
import { Notice } from '../../ui/Notice';
import { useNow } from '../../ui/useNow';

/** Open tasks due within this long get a warning at the top of the inbox. */
export const DUE_SOON_MS = 12 * 60 * 60 * 1000;

export function leaseCounts(tasks: readonly TaskSummary[], now: Date) {
  const open = tasks.filter((task) => isOpenState(task.state));
  const lost = open.filter((task) => task.leaseLost).length;
  const soon = open.filter(
    (task) => !task.leaseLost && Date.parse(task.leaseExpiresAt) - now.getTime() <= DUE_SOON_MS,
  ).length;
  return { lost, soon };
}

/**
 * A batch about to run out, or tasks whose lease passed to someone else: said at the top of the
 * inbox, with what to do (connect so HITdesk renews the leases, or finish those tasks first).
 */
export function LeaseWarning({ tasks }: { tasks: readonly TaskSummary[] }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const online = useSyncStore((state) => state.status?.online ?? null);
  const { lost, soon } = leaseCounts(tasks, now);
  if (lost === 0 && soon === 0) return null;
  return (
    <div className="lease-warning">
      {soon > 0 && (
        <Notice tone="warning">
          {online === true
            ? t('inbox.leaseWarning.soon', { count: soon })
            : t('inbox.leaseWarning.soonOffline', { count: soon })}
        </Notice>
      )}
      {lost > 0 && <Notice tone="warning">{t('inbox.leaseWarning.lost', { count: lost })}</Notice>}
    </div>
  );
}
