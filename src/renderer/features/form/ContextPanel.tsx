import { useTranslation } from 'react-i18next';
import type { FormItem } from '../../../shared/domain/kinds/form';
import { imageSources } from '../../../shared/domain/media';
import { ImageView } from '../../canvas/ImageView';

/**
 * What the form is about: a page to research (opened in the system browser, never inside the
 * app: in Electron the window's open handler passes http/https links to the system browser and
 * refuses anything else), a text to read, or an image to transcribe with zoom and pan.
 */
export function ContextPanel({
  context,
  imageKept,
}: {
  context: FormItem['context'];
  /** False once the answer is received: the laptop then frees the image's space. */
  imageKept: boolean;
}) {
  const { t } = useTranslation('form');
  return (
    <>
      {context.url && (
        <section className="card form-context" aria-labelledby="context-url-heading">
          <h2 id="context-url-heading" className="label-heading">
            {t('context.url')}
          </h2>
          <p className="context-url" dir="ltr">
            {context.url}
          </p>
          <a
            className="button-link"
            href={context.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-describedby="context-url-hint"
          >
            {t('context.open')}
            <span aria-hidden="true"> ↗</span>
          </a>
          <p id="context-url-hint" className="hint">
            {t('context.openHint')}
          </p>
        </section>
      )}
      {context.text && (
        <section className="card form-context" aria-labelledby="context-text-heading">
          <h2 id="context-text-heading" className="label-heading">
            {t('context.text')}
          </h2>
          <p className="context-text" dir="auto">
            {context.text}
          </p>
        </section>
      )}
      {context.image && (
        <section className="card form-context form-context-image" aria-labelledby="context-image-heading">
          <h2 id="context-image-heading" className="label-heading">
            {t('context.image')}
          </h2>
          {imageKept ? (
            <ImageView
              {...imageSources(context.image)}
              width={context.image.width}
              height={context.image.height}
              label={t('context.imageLabel')}
            />
          ) : (
            <p className="hint">{t('context.imageGone')}</p>
          )}
        </section>
      )}
    </>
  );
}
