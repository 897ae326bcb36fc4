import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/bridge';
import { isWithinLastMinute } from '../../editor/time';
import { useAppStore } from '../../state/app-store';
import { syncNow, useSyncStore } from '../../state/sync-store';
import { BusyButton } from '../../ui/BusyButton';
import { formatRelative } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { formatBytes } from './bytes';
import './sync.css';

type Connection = 'online' | 'offline' | 'connecting' | 'sending';

function connectionOf(status: SyncStatus | null): Connection {
  if (status === null || status.online === null) return 'connecting';
  if (status.syncing) return 'sending';
  return status.online ? 'online' : 'offline';
}

/** An error still worth showing: one newer than the last successful send. */
function currentError(status: SyncStatus | null) {
  const error = status?.lastError;
  if (!error) return null;
  if (status.lastSyncAt && Date.parse(status.lastSyncAt) >= Date.parse(error.at)) return null;
  return error;
}

/**
 * Whether the laptop reaches the queue, how many answers wait, when the last went out, what is
 * left to download or send, the last problem in plain words, and a "Sync now" button. The status part is a polite live region; the ticking clock is not, so it is
 * not read out every minute.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const status = useSyncStore((state) => state.status);
  const requested = useSyncStore((state) => state.requested);
  const now = useNow();
  const connection = connectionOf(status);
  const pending = status?.pendingCount ?? 0;
  const error = currentError(status);
  // Truthful about what can be sent: with the token refused, "waiting" would promise too much.
  const needsSignIn = useAppStore((state) => state.session?.needsSignIn ?? false);
  const refused = status?.refusedCount ?? 0;
  const superseded = status?.supersededCount ?? 0;
  const lastSyncAt = status?.lastSyncAt ? new Date(status.lastSyncAt) : null;
  const downloadLeft = status?.download ? status.download.bytes - status.download.doneBytes : 0;
  const uploadLeft = status?.upload ? status.upload.bytes - status.upload.doneBytes : 0;
  const lastSent =
    lastSyncAt === null
      ? t('sync.neverSent')
      : isWithinLastMinute(lastSyncAt, now)
        ? t('sync.lastSentJustNow')
        : t('sync.lastSent', { when: formatRelative(i18n.language, lastSyncAt, now) });

  return (
    <section className="sync" aria-label={t('sync.regionLabel')}>
      <div className="sync-text">
        <p className="sync-status" role="status">
          <span className={`sync-dot sync-dot-${connection}`} aria-hidden="true" />
          <strong>{t(`sync.${connection}`)}</strong>
          <span className="sync-sep" aria-hidden="true">
            ·
          </span>
          <span>
            {pending > 0
              ? needsSignIn
                ? t('sync.needsSignIn', { count: pending })
                : t('sync.waiting', { count: pending })
              : t('sync.allSent')}
          </span>
          {refused > 0 && <span className="sync-flagged">{t('sync.refused', { count: refused })}</span>}
          {superseded > 0 && (
            <span className="sync-flagged">{t('sync.superseded', { count: superseded })}</span>
          )}
        </p>
        <p className="sync-sub">
          <span>{lastSent}</span>
          {uploadLeft > 0 && (
            <span className="sync-transfer">
              {t('sync.uploadLeft', { size: formatBytes(i18n.language, uploadLeft) })}
            </span>
          )}
          {downloadLeft > 0 && (
            <span className="sync-transfer">
              {t('sync.downloadLeft', { size: formatBytes(i18n.language, downloadLeft) })}
            </span>
          )}
          {/* Mounted even when empty, so a new error is read out when it appears. */}
          <span className="sync-error" role="status">
            {error ? t('sync.lastError', { message: t(`errorsShort.${error.code}`) }) : ''}
          </span>
        </p>
      </div>
      <BusyButton
        type="button"
        className="button-quiet"
        busy={requested || connection === 'sending'}
        onClick={() => void syncNow()}
      >
        {t('sync.syncNow')}
      </BusyButton>
    </section>
  );
}
