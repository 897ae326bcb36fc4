import { useTranslation } from 'react-i18next';
import { showWork } from '../../state/app-store';
import { useWorkStore } from '../../state/work-store';

/** Opens "My work"; says how many updates (verdicts, pay) arrived since the HITer last looked. */
export function MyWorkButton() {
  const { t } = useTranslation();
  const unseen = useWorkStore((state) => state.unseen);
  return (
    <button type="button" className="button-quiet my-work-button" onClick={showWork}>
      {t('inbox.myWork')}
      {unseen > 0 && <span className="unseen-count">{t('inbox.myWorkNew', { count: unseen })}</span>}
    </button>
  );
}
