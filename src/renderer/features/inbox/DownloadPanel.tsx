import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/bridge';
import { useSyncStore } from '../../state/sync-store';
import { formatBytes, percentOf } from '../sync/bytes';

type Download = NonNullable<SyncStatus['download']>;

/** What to say about the files of the open tasks: all here, coming, stopped, failed or out of room. */
export function downloadMessage(status: SyncStatus, download: Download) {
  const complete = download.tasksReady >= download.tasks && download.failed === 0;
  if (complete) return { key: 'done' as const, tone: 'ok' as const };
  if (download.failed > 0) return { key: 'failed' as const, tone: 'error' as const };
  const storage = status.storage;
  const left = download.bytes - download.doneBytes;
  if (storage && storage.usedBytes + left > storage.budgetBytes)
    return { key: 'full' as const, tone: 'error' as const };
  if (status.online === false) return { key: 'offline' as const, tone: 'warn' as const };
  return { key: 'waiting' as const, tone: 'info' as const };
}

/**
 * The files of the tasks on this laptop (images, audio, their waveforms): a progress bar in bytes
 * and tasks while they download, and the storage the HITer's profile uses out of its budget.
 */
export function DownloadPanel() {
  const { t, i18n } = useTranslation();
  const status = useSyncStore((state) => state.status);
  const download = status?.download;
  if (!status || !download || !status.storage) return null;
  const size = (bytes: number) => formatBytes(i18n.language, bytes);
  const storage = t('inbox.download.storage', {
    used: size(status.storage.usedBytes),
    budget: size(status.storage.budgetBytes),
  });
  if (download.tasks === 0) {
    return <p className="storage-line">{storage}</p>;
  }
  const message = downloadMessage(status, download);
  const percent = percentOf(download.doneBytes, download.bytes);
  const complete = message.key === 'done';
  return (
    <section className={`download card download-${message.tone}`} aria-labelledby="download-heading">
      <h2 id="download-heading">{t('inbox.download.heading')}</h2>
      {!complete && (
        <div className="download-bar">
          <progress
            max={100}
            value={percent}
            aria-label={t('inbox.download.label')}
            aria-valuetext={`${percent} %`}
          />
          <span className="download-figures">
            <span>{t('inbox.download.tasks', { ready: download.tasksReady, total: download.tasks })}</span>
            <span>
              {t('inbox.download.bytes', { done: size(download.doneBytes), total: size(download.bytes) })}
            </span>
          </span>
        </div>
      )}
      <p className="download-message" role="status">
        {message.key === 'failed'
          ? t('inbox.download.failed', { count: download.failed })
          : t(`inbox.download.${message.key}`)}
      </p>
      <p className="storage-line">{storage}</p>
    </section>
  );
}
