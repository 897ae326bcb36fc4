import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageLabel } from '../../../shared/domain/kinds/image';
import type { ImageEditor, ImageEditorView } from '../../editor/image/image-editor';
import { DIGITS, isDigit, type Digit, type HotkeyOverrides } from '../../editor/image/label-hotkeys';
import { currentLocale } from '../../i18n';
import { Kbd } from '../../ui/Kbd';

/**
 * The project's labels: choosing one sets the label of new shapes and relabels the selected shape.
 * Each can be hidden or locked; keys can be remapped (kept on this laptop for this project).
 */
export function LabelPanel({
  editor,
  view,
  hotkeys,
  overrides,
  onOverrides,
}: {
  editor: ImageEditor;
  view: ImageEditorView;
  hotkeys: ReadonlyMap<string, Digit>;
  overrides: HotkeyOverrides;
  onOverrides: (next: HotkeyOverrides) => void;
}) {
  const { t } = useTranslation('image');
  const [remapping, setRemapping] = useState(false);
  const locale = currentLocale();
  const labels = editor.config.labels;
  if (labels.length === 0) return null;
  return (
    <section className="side-section" aria-labelledby="labels-heading">
      <div className="side-heading-row">
        <h2 id="labels-heading" className="side-heading">
          {t('labels.heading')}
        </h2>
        <button
          type="button"
          className="button-quiet button-small"
          aria-expanded={remapping}
          onClick={() => setRemapping(!remapping)}
        >
          {remapping ? t('labels.remapDone') : t('labels.remap')}
        </button>
      </div>
      {remapping && (
        <RemapKeys
          labels={labels}
          hotkeys={hotkeys}
          overrides={overrides}
          onOverrides={onOverrides}
          locale={locale}
        />
      )}
      <ul className="label-list" aria-label={t('labels.listLabel')}>
        {labels.map((label) => {
          const name = label.label[locale];
          const key = hotkeys.get(label.code);
          const hidden = view.hiddenLabels.has(label.code);
          const locked = view.lockedLabels.has(label.code);
          return (
            <li key={label.code} className="label-row">
              <button
                type="button"
                className="label-choice"
                aria-pressed={view.currentLabel === label.code}
                aria-keyshortcuts={key}
                onClick={() => editor.run({ type: 'chooseLabel', code: label.code })}
              >
                <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
                <span className="label-text">
                  <span className="label-name">{name}</span>
                  <span className="label-meta">
                    {label.shapes.map((shape) => t(`kinds.${shape}`)).join(', ')}
                    {hidden && ` · ${t('labels.hidden')}`}
                    {locked && ` · ${t('labels.locked')}`}
                  </span>
                </span>
                {key && (
                  <span aria-hidden="true">
                    <Kbd>{key}</Kbd>
                  </span>
                )}
              </button>
              <button
                type="button"
                className="icon-toggle"
                aria-pressed={hidden}
                aria-label={hidden ? t('labels.show', { label: name }) : t('labels.hide', { label: name })}
                title={hidden ? t('labels.show', { label: name }) : t('labels.hide', { label: name })}
                onClick={() => editor.run({ type: 'toggleLabelHidden', code: label.code })}
              >
                <EyeIcon closed={hidden} />
              </button>
              <button
                type="button"
                className="icon-toggle"
                aria-pressed={locked}
                aria-label={locked ? t('labels.unlock', { label: name }) : t('labels.lock', { label: name })}
                title={locked ? t('labels.unlock', { label: name }) : t('labels.lock', { label: name })}
                onClick={() => editor.run({ type: 'toggleLabelLocked', code: label.code })}
              >
                <LockIcon locked={locked} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RemapKeys({
  labels,
  hotkeys,
  overrides,
  onOverrides,
  locale,
}: {
  labels: readonly ImageLabel[];
  hotkeys: ReadonlyMap<string, Digit>;
  overrides: HotkeyOverrides;
  onOverrides: (next: HotkeyOverrides) => void;
  locale: 'en' | 'fr';
}) {
  const { t } = useTranslation('image');
  return (
    <div className="remap">
      <p className="hint">{t('labels.remapHint')}</p>
      {labels.map((label) => (
        <div key={label.code} className="field-inline remap-row">
          <label htmlFor={`remap-${label.code}`}>
            {t('labels.remapFor', { label: label.label[locale] })}
          </label>
          <select
            id={`remap-${label.code}`}
            value={hotkeys.get(label.code) ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onOverrides({ ...overrides, [label.code]: isDigit(value) ? value : null });
            }}
          >
            <option value="">{t('labels.noKey')}</option>
            {DIGITS.map((digit) => (
              <option key={digit} value={digit}>
                {digit}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="button" className="button-quiet button-small" onClick={() => onOverrides({})}>
        {t('labels.reset')}
      </button>
    </div>
  );
}

export function EyeIcon({ closed }: { closed: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <path
        d="M1.5 9 C4 4.5 14 4.5 16.5 9 C14 13.5 4 13.5 1.5 9 Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
      <circle cx="9" cy="9" r="2.4" fill="currentColor" />
      {closed && <path d="M3 15 L15 3" stroke="currentColor" strokeWidth="2" />}
    </svg>
  );
}

export function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect
        x="3.5"
        y="8"
        width="11"
        height="8"
        rx="1.5"
        fill={locked ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
      />
      <path
        d={locked ? 'M6 8 V5.5 a3 3 0 0 1 6 0 V8' : 'M6 8 V5.5 a3 3 0 0 1 6 0'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}
