import { useTranslation } from 'react-i18next';
import type { TaskState } from '../../../shared/bridge';

/** Each state has its own symbol as well as its colour, so colour is never the only clue. */
const SYMBOL: Record<TaskState, string> = {
  todo: '○',
  draft: '✎',
  pending: '↑',
  accepted: '✓',
  superseded: '–',
  refused: '✕',
};

export function StateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true" className="badge-symbol">
        {SYMBOL[state]}
      </span>
      {t(`states.${state}`)}
    </span>
  );
}
