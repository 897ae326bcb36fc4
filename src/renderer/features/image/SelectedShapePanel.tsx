import { useTranslation } from 'react-i18next';
import type { ImageEditor, ImageEditorView } from '../../editor/image/image-editor';
import { indexOfShape, labelOf } from '../../editor/image/doc';
import { IMAGE_SHORTCUTS } from '../../editor/image/keys';
import { currentLocale } from '../../i18n';
import { Kbd } from '../../ui/Kbd';
import { shapeDetails, shapeName } from './shape-text';

/** The selected shape: its label, its attributes, and what can be done to it. */
export function SelectedShapePanel({
  editor,
  view,
  duplicateOffset,
}: {
  editor: ImageEditor;
  view: ImageEditorView;
  duplicateOffset: () => number;
}) {
  const { t } = useTranslation('image');
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const config = editor.config;
  const index = view.selectedId === null ? -1 : indexOfShape(view.doc, view.selectedId);
  const shape = view.doc.shapes[index];
  return (
    <section className="side-section selected-shape" aria-labelledby="selected-heading">
      <h2 id="selected-heading" className="side-heading">
        {t('selected.heading')}
      </h2>
      {!shape ? <p className="hint">{t('selected.none')}</p> : body()}
    </section>
  );

  // A function, not a component: a component declared here would remount (and lose the focus)
  // at every change.
  function body() {
    if (!shape) return null;
    const label = labelOf(config, shape.label);
    const editable = editor.canEdit(shape);
    const lockedShape = view.lockedShapes.has(shape.id);
    const choices = config.labels.filter((entry) => entry.shapes.includes(shape.type));
    return (
      <>
        <p className="selected-name">
          <span className="swatch" style={{ background: label?.color ?? '#8a93a3' }} aria-hidden="true" />
          <strong>{shapeName(t, config, shape, index, locale)}</strong>
          <span className="hint"> · {shapeDetails(t, shape)}</span>
        </p>
        {!editable && <p className="hint">{t('selected.locked')}</p>}
        <div className="field">
          <label htmlFor="selected-label">{t('selected.label')}</label>
          <select
            id="selected-label"
            value={shape.label}
            disabled={!editable}
            onChange={(event) => editor.run({ type: 'chooseLabel', code: event.target.value })}
          >
            {choices.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.label[locale]}
              </option>
            ))}
          </select>
        </div>
        {label && label.attributes.length > 0 && (
          <fieldset className="attributes" disabled={!editable}>
            <legend>{t('selected.attributes')}</legend>
            {label.attributes.map((attribute) => {
              const id = `attribute-${attribute.code}`;
              const value = shape.attributes[attribute.code];
              if (attribute.type === 'boolean')
                return (
                  <label key={attribute.code} className="checkbox attribute-row" htmlFor={id}>
                    <input
                      id={id}
                      type="checkbox"
                      checked={value === true}
                      onChange={(event) =>
                        editor.run({
                          type: 'setAttribute',
                          id: shape.id,
                          code: attribute.code,
                          value: event.target.checked,
                        })
                      }
                    />
                    {attribute.label[locale]}
                  </label>
                );
              return (
                <div key={attribute.code} className="field attribute-row">
                  <label htmlFor={id}>{attribute.label[locale]}</label>
                  <select
                    id={id}
                    value={typeof value === 'string' ? value : ''}
                    onChange={(event) =>
                      editor.run({
                        type: 'setAttribute',
                        id: shape.id,
                        code: attribute.code,
                        value: event.target.value === '' ? undefined : event.target.value,
                      })
                    }
                  >
                    <option value="">{t('selected.choose')}</option>
                    {attribute.options.map((option) => (
                      <option key={option.code} value={option.code}>
                        {option.label[locale]}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </fieldset>
        )}
        <div className="selected-actions">
          <button
            type="button"
            className="button-quiet button-small"
            aria-keyshortcuts={IMAGE_SHORTCUTS.hide}
            onClick={() => editor.run({ type: 'toggleShapeHidden', id: shape.id })}
          >
            {t('selected.hide')} <Kbd>H</Kbd>
          </button>
          <button
            type="button"
            className="button-quiet button-small"
            aria-pressed={lockedShape}
            aria-keyshortcuts={IMAGE_SHORTCUTS.lock}
            onClick={() => editor.run({ type: 'toggleShapeLocked', id: shape.id })}
          >
            {lockedShape ? t('selected.unlock') : t('selected.lock')} <Kbd>L</Kbd>
          </button>
          <button
            type="button"
            className="button-quiet button-small"
            aria-keyshortcuts={IMAGE_SHORTCUTS.duplicate}
            onClick={() => editor.run({ type: 'duplicate', offset: duplicateOffset() })}
          >
            {t('actions.duplicate')}
          </button>
          <button
            type="button"
            className="button-quiet button-small button-danger"
            aria-disabled={!editable}
            aria-keyshortcuts={IMAGE_SHORTCUTS.delete}
            onClick={() => editable && editor.run({ type: 'delete' })}
          >
            {t('actions.delete')} <Kbd>{tc('keys.delete')}</Kbd>
          </button>
        </div>
      </>
    );
  }
}
