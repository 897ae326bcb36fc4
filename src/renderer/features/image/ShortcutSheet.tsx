import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../../ui/Kbd';
import { printedKey, useKeyboardLayout } from '../task/key-caps';

type Row = [keys: string[], action: string];

/**
 * Every shortcut of the image tool, grouped, in a modal dialog (`?` opens it, Esc closes it). Key
 * names are in the HITer's language, label digits are the current ones (after a remap), and the
 * zoom-out key is shown as this keyboard prints it.
 */
export function ShortcutSheet({
  open,
  onClose,
  readOnly,
  labels = [],
}: {
  open: boolean;
  onClose: () => void;
  readOnly: boolean;
  /** The labels that have a digit now, in the label list's order. */
  labels?: ReadonlyArray<{ name: string; digit: string }>;
}) {
  const { t } = useTranslation('image');
  const { t: tc } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const layout = useKeyboardLayout();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const ctrl = tc('keys.ctrl');
  const shift = tc('keys.shift');
  const groups: Array<[string, Row[]]> = [
    [
      t('sheet.tools'),
      [
        [['V'], t('sheet.select')],
        [['B'], t('sheet.box')],
        [['P'], t('sheet.polygon')],
        [['K'], t('sheet.point')],
      ],
    ],
    [
      t('sheet.labelKeys'),
      labels.length > 0
        ? labels.map(({ name, digit }): Row => [[digit], t('sheet.labelKey', { name })])
        : [[['1', '…', '9'], t('sheet.labels')]],
    ],
    [
      t('sheet.drawing'),
      [
        [['A'], t('sheet.place')],
        [[tc('keys.enter')], t('sheet.closePolygon')],
        [['⌫'], t('sheet.backspace')],
        [[`${tc('keys.alt')} + ${t('sheet.click')}`], t('sheet.alt')],
        [[tc('keys.escape')], t('sheet.cancel')],
      ],
    ],
    [
      t('sheet.editing'),
      [
        [['N'], t('sheet.next')],
        [[tc('keys.delete')], t('sheet.delete')],
        [[ctrl, 'D'], t('sheet.duplicate')],
        [[t('sheet.arrows')], t('sheet.nudge')],
        [[`${tc('keys.alt')} + ${t('sheet.arrows')}`], t('sheet.resize')],
        [['E'], t('sheet.nextVertex')],
        [[tc('keys.insert')], t('sheet.insertVertex')],
        [['H'], t('sheet.hide')],
        [['L'], t('sheet.lock')],
        [[ctrl, 'Z'], t('sheet.undo')],
        [[ctrl, shift, 'Z'], t('sheet.redo')],
      ],
    ],
    [
      t('sheet.view'),
      [
        [[t('sheet.arrows')], t('sheet.pan')],
        [[`${tc('keys.space')} + ${t('sheet.drag')}`], t('sheet.panDrag')],
        [['+', printedKey(layout, 'Minus', '−'), `${tc('keys.numpad')} −`], t('sheet.zoom')],
        [['F'], t('sheet.fit')],
        [['0'], t('sheet.actual')],
      ],
    ],
    [
      t('sheet.task'),
      [
        [[ctrl, tc('keys.enter')], t('sheet.submit')],
        [['F1', 'I'], t('sheet.instructions')],
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
