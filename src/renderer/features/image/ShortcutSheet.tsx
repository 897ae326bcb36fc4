import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../../ui/Kbd';

type Row = [keys: string[], action: string];

/** Every shortcut of the image tool, grouped, in a modal dialog (`?` opens it, Esc closes it). */
export function ShortcutSheet({
  open,
  onClose,
  readOnly,
}: {
  open: boolean;
  onClose: () => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation('image');
  const { t: tc } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const groups: Array<[string, Row[]]> = [
    [
      t('sheet.tools'),
      [
        [['V'], t('sheet.select')],
        [['B'], t('sheet.box')],
        [['P'], t('sheet.polygon')],
        [['K'], t('sheet.point')],
        [['1', '…', '9'], t('sheet.labels')],
      ],
    ],
    [
      t('sheet.drawing'),
      [
        [['A'], t('sheet.place')],
        [[tc('keys.enter')], t('sheet.closePolygon')],
        [['⌫'], t('sheet.backspace')],
        [[t('sheet.altClick')], t('sheet.alt')],
        [[tc('keys.escape')], t('sheet.cancel')],
      ],
    ],
    [
      t('sheet.editing'),
      [
        [['N'], t('sheet.next')],
        [['Del'], t('sheet.delete')],
        [['Ctrl', 'D'], t('sheet.duplicate')],
        [[t('sheet.altArrows')], t('sheet.nudge')],
        [['H'], t('sheet.hide')],
        [['L'], t('sheet.lock')],
        [['Ctrl', 'Z'], t('sheet.undo')],
        [['Ctrl', 'Shift', 'Z'], t('sheet.redo')],
      ],
    ],
    [
      t('sheet.view'),
      [
        [[t('sheet.arrows')], t('sheet.pan')],
        [[t('sheet.spaceKey')], t('sheet.panDrag')],
        [['+', '−'], t('sheet.zoom')],
        [['F'], t('sheet.fit')],
        [['0'], t('sheet.actual')],
      ],
    ],
    [
      t('sheet.task'),
      [
        [['Ctrl', tc('keys.enter')], t('sheet.submit')],
        [['I'], t('sheet.instructions')],
        [['?'], t('sheet.shortcuts')],
      ],
    ],
  ];
  const shown = readOnly ? groups.filter(([name]) => name === t('sheet.view')) : groups;

  return (
    <dialog
      ref={dialog}
      className="shortcut-sheet"
      aria-labelledby="sheet-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <div className="sheet-head">
        <h2 id="sheet-title">{t('sheet.title')}</h2>
        <button type="button" className="button-quiet" onClick={onClose} autoFocus>
          {t('sheet.close')} <Kbd>{tc('keys.escape')}</Kbd>
        </button>
      </div>
      <div className="sheet-groups">
        {shown.map(([name, rows]) => (
          <section key={name} className="sheet-group">
            <h3>{name}</h3>
            <dl className="sheet-list">
              {rows.map(([keys, action]) => (
                <div key={action}>
                  <dt>
                    {keys.map((key, index) => (
                      <Kbd key={index}>{key}</Kbd>
                    ))}
                  </dt>
                  <dd>{action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
