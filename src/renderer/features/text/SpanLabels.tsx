import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/common';
import type { SpanLabel } from '../../../shared/domain/kinds/text-moderation';
import { Kbd } from '../../ui/Kbd';

type Props = {
  labels: readonly SpanLabel[];
  locale: Locale;
  /** The selected passage, or null when nothing is selected. */
  selectedText: string | null;
  onApply: (label: SpanLabel) => void;
  /** The id of the line that says what is selected, for the text's aria-describedby. */
  statusId: string;
};

const MAX_SHOWN = 80;

/**
 * What is selected in the text, and the project's labels as buttons with their number keys.
 * The status line is polite: a screen reader hears the selection grow under Shift+arrows.
 */
export function SpanLabels({ labels, locale, selectedText, onApply, statusId }: Props) {
  const { t } = useTranslation('moderation');
  const shown =
    selectedText !== null && selectedText.length > MAX_SHOWN
      ? `${Array.from(selectedText).slice(0, MAX_SHOWN).join('')}…`
      : selectedText;
  return (
    <div className="span-labels">
      <p id={statusId} className={`span-status${shown ? ' span-status-active' : ''}`} role="status">
        {shown ? t('labels.selected', { text: shown }) : t('labels.hint')}
      </p>
      <div className="span-label-buttons" role="group" aria-label={t('labels.heading')}>
        {labels.map((label) => (
          <button
            key={label.code}
            type="button"
            className="span-label-button"
            style={{ '--c1': label.color } as CSSProperties}
            aria-disabled={shown ? undefined : true}
            aria-keyshortcuts={label.hotkey}
            onClick={() => shown && onApply(label)}
          >
            <span className="span-swatch" aria-hidden="true" />
            <span>{label.label[locale]}</span>
            {label.redact && <span className="masked-tag">{t('labels.masked')}</span>}
            {label.hotkey && (
              <span aria-hidden="true">
                <Kbd>{label.hotkey}</Kbd>
              </span>
            )}
          </button>
        ))}
      </div>
    </div>
  );
}
