import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageAnswer, ImageConfig } from '../../../shared/domain/kinds/image';
import { imageSources, type ImageRef } from '../../../shared/domain/media';
import { ImageView, type ViewShape } from '../../canvas/ImageView';
import { UNKNOWN_LABEL_COLOR } from '../../canvas/colors';
import { currentLocale } from '../../i18n';
import { labelName } from './shape-text';

/** An answer drawn over its image, read-only: for closed tasks, and later for review and training. */
export function ImageAnswerView({
  config,
  image,
  answer,
  label,
}: {
  config: ImageConfig;
  image: ImageRef;
  answer: ImageAnswer | null;
  label: string;
}) {
  const { t } = useTranslation('image');
  const locale = currentLocale();
  const shapes: ViewShape[] = useMemo(
    () =>
      (answer?.shapes ?? []).map((shape) => ({
        shape,
        color: config.labels.find((entry) => entry.code === shape.label)?.color ?? UNKNOWN_LABEL_COLOR,
      })),
    [answer, config.labels],
  );
  if (!answer) return <p className="hint">{t('answer.unreadable')}</p>;
  const counts = new Map<string, number>();
  for (const shape of answer.shapes) counts.set(shape.label, (counts.get(shape.label) ?? 0) + 1);
  return (
    <div className="image-answer">
      <ImageView
        {...imageSources(image)}
        width={image.width}
        height={image.height}
        label={label}
        shapes={shapes}
      />
      <div className="answer-summary">
        <p>
          <strong>{t('shapes.count', { count: answer.shapes.length })}</strong>
          {counts.size > 0 && ': '}
          {[...counts].map(([code, count]) => `${labelName(config, code, locale)} × ${count}`).join(', ')}
        </p>
        {config.classification && (
          <p>
            {answer.classes.length === 0
              ? t('answer.noClasses')
              : t('answer.classes', {
                  classes: answer.classes
                    .map(
                      (code) =>
                        config.classification?.options.find((o) => o.code === code)?.label[locale] ?? code,
                    )
                    .join(', '),
                })}
          </p>
        )}
      </div>
    </div>
  );
}
