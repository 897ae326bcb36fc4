import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../../shared/domain/common-labels';
import { pickerCommandFor } from '../../editor/text/list-mode';
import { reasonHotkey } from '../../editor/text/moderation-keys';
import { currentLocale } from '../../i18n';
import { Kbd } from '../../ui/Kbd';

type Props = {
  id: string;
  reasons: readonly Option[];
  current: string | null;
  onChoose: (code: string) => void;
  onClose: () => void;
};

/**
 * The reasons of a review being rejected in list mode, as a list box that takes the focus: ↑/↓
 * (or J/K) and Enter, or the reason's number at once; Esc closes it without choosing.
 */
export function ReasonPicker({ id, reasons, current, onChoose, onClose }: Props) {
  const { t } = useTranslation('moderation');
  const locale = currentLocale();
  const list = useRef<HTMLUListElement>(null);
  const [highlighted, setHighlighted] = useState(() =>
    Math.max(
      reasons.findIndex((reason) => reason.code === current),
      0,
    ),
  );

  useEffect(() => {
    list.current?.focus({ preventScroll: true });
    list.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const choose = (index: number) => {
    const reason = reasons[index];
    if (reason) onChoose(reason.code);
  };

  return (
    <ul
      ref={list}
      id={id}
      className="reason-picker"
      role="listbox"
      tabIndex={0}
      aria-label={t('list.pickerLabel')}
      aria-activedescendant={`${id}-${highlighted}`}
      onKeyDown={(event) => {
        const command = pickerCommandFor(event, { highlighted, count: reasons.length });
        if (!command) return;
        event.preventDefault();
        if (command.type === 'highlight') setHighlighted(command.index);
        else if (command.type === 'choose') choose(command.index);
        else onClose();
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onClose();
      }}
    >
      {reasons.map((reason, index) => {
        const hotkey = reasonHotkey(index);
        return (
          <li
            key={reason.code}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === highlighted}
            className={`reason-option${index === highlighted ? ' is-highlighted' : ''}`}
            // Keep the focus on the list: a click chooses, it does not blur first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span className="reason-key" aria-hidden="true">
              {hotkey && <Kbd>{hotkey}</Kbd>}
            </span>
            <span lang={locale}>{reason.label[locale]}</span>
          </li>
        );
      })}
    </ul>
  );
}
