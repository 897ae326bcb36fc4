import { useTranslation } from 'react-i18next';
import type { ImageEditor, ImageEditorView } from '../../editor/image/image-editor';
import { currentLocale } from '../../i18n';

/** The image-level question: one answer (radios) or several (checkboxes). */
export function ClassificationPanel({ editor, view }: { editor: ImageEditor; view: ImageEditorView }) {
  const { t } = useTranslation('image');
  const classification = editor.config.classification;
  if (!classification) return null;
  const locale = currentLocale();
  const multiple = classification.multiple;
  return (
    <section className="side-section">
      <fieldset className="classification">
        <legend className="side-heading">
          {classification.question[locale]}{' '}
          {!classification.required && <span className="hint">{t('classification.optional')}</span>}
        </legend>
        <p className="hint">{multiple ? t('classification.multiple') : t('classification.single')}</p>
        {classification.options.map((option) => (
          <label key={option.code} className="checkbox class-option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name="image-class"
              value={option.code}
              checked={view.doc.classes.includes(option.code)}
              onChange={() => editor.run({ type: 'toggleClass', code: option.code })}
            />
            {option.label[locale]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
