import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import { leaseUrgency } from '../../editor/time';
import { isOpenState } from '../../editor/work-run';
import { formatRelative } from '../../ui/format';
import { reasonLines } from '../sync/server-reason';
import { StateBadge } from './StateBadge';

type Props = {
  task: TaskSummary;
  now: Date;
  active: boolean;
  buttonRef: Ref<HTMLButtonElement>;
  onOpen: () => void;
  onFocus: () => void;
};

/** One task of the inbox: a single button, so the whole row opens it. */
export function TaskRow({ task, now, active, buttonRef, onOpen, onFocus }: Props) {
  const { t, i18n } = useTranslation();
  const expires = new Date(task.leaseExpiresAt);
  const urgency = isOpenState(task.state) && !task.leaseLost ? leaseUrgency(expires, now) : null;
  const reason = reasonLines(t, task);
  const open = isOpenState(task.state);
  const media = open && task.media && task.media.ready < task.media.files ? task.media : null;
  return (
    <li className={`task-row task-row-${task.state}`}>
      <button
        ref={buttonRef}
        type="button"
        className="task-button"
        tabIndex={active ? 0 : -1}
        onClick={onOpen}
        onFocus={onFocus}
      >
        <span className="task-line">
          <StateBadge state={task.state} />
          <span className="task-project">{task.projectName}</span>
          <span className="task-kind">{t(`kinds.${task.kind}`)}</span>
          {urgency && (
            <span className={`lease lease-${urgency}`}>
              {urgency === 'expired'
                ? t('inbox.leaseExpired')
                : t('inbox.leaseSoon', { when: formatRelative(i18n.language, expires, now) })}
            </span>
          )}
        </span>
        <span className="task-preview" dir="auto">
          {task.preview}
        </span>
        {media && (
          <span className="task-media">
            {t('inbox.notReady', { ready: media.ready, total: media.files })}
          </span>
        )}
        {open && task.leaseLost && <span className="task-lost">{t('inbox.leaseLost')}</span>}
        {reason && (
          <span className="task-message">
            {reason.reason}
            {reason.detail && (
              <span className="task-message-detail" dir="auto">
                {' '}
                {reason.detail}
              </span>
            )}
          </span>
        )}
      </button>
    </li>
  );
}
