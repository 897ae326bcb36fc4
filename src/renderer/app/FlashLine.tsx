import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store';

/**
 * The one-off news that arrives with a new screen ("Here is the next task", "Well done"). It stays
 * mounted for the app's whole life: a live region that appears already filled is not reliably read
 * out, and one element (not a visible copy plus a hidden one) keeps the text unique on the page.
 */
export function FlashLine() {
  const { t } = useTranslation();
  const flash = useAppStore((state) => state.flash);
  const count = useAppStore((state) => state.flashCount);
  const text = flash === 'nextTask' ? t('task.next') : flash === 'allDone' ? t('inbox.allDone') : null;
  return (
    <p className="flash-line" role="status">
      {/* A new key per flash replaces the node, which screen readers announce even for the same words. */}
      {text && (
        <span key={count} className="flash-text">
          <span aria-hidden="true" className="message-icon">
            ✓
          </span>
          <span>{text}</span>
        </span>
      )}
    </p>
  );
}
