import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageAnswer, ImageConfig } from '../../../shared/domain/kinds/image';
import { imageSources, type ImageRef } from '../../../shared/domain/media';
import { ImageView, type ViewShape } from '../../canvas/ImageView';
import { UNKNOWN_LABEL_COLOR } from '../../canvas/colors';
import { compareShapes } from '../../editor/image/compare';
import type { Shape } from '../../editor/image/doc';
import { currentLocale } from '../../i18n';
import { labelName } from './shape-text';

export type NamedAnswer = { name: string; answer: ImageAnswer };

/**
 * Two answers over one image (a HITer's against the gold, or against a supervisor's correction):
 * the first with solid outlines, the second dashed, and the shapes paired with their overlap.
 */
export function ImageCompareView({
  config,
  image,
  a,
  b,
  label,
}: {
  config: ImageConfig;
  image: ImageRef;
  a: NamedAnswer;
  b: NamedAnswer;
  label: string;
}) {
  const { t } = useTranslation('image');
  const locale = currentLocale();
  const comparison = useMemo(() => compareShapes(a.answer.shapes, b.answer.shapes), [a.answer, b.answer]);
  const shapes: ViewShape[] = useMemo(() => {
    const colorOf = (code: string) =>
      config.labels.find((entry) => entry.code === code)?.color ?? UNKNOWN_LABEL_COLOR;
    return [
      ...a.answer.shapes.map((shape) => ({ shape, color: colorOf(shape.label) })),
      ...b.answer.shapes.map((shape) => ({ shape, color: colorOf(shape.label), dashed: true, fill: 0 })),
    ];
  }, [a.answer, b.answer, config.labels]);
  const names = (list: Shape[]) =>
    list.length === 0
      ? t('compare.none')
      : list.map((shape) => labelName(config, shape.label, locale)).join(', ');

  return (
    <section className="image-compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('compare.heading')}</h2>
      <p className="hint">{t('compare.legend', { a: a.name, b: b.name })}</p>
      <ImageView
        {...imageSources(image)}
        width={image.width}
        height={image.height}
        label={label}
        shapes={shapes}
      />
      <h3>{t('compare.pairs')}</h3>
      <ul className="compare-pairs">
        {comparison.pairs.map((pair) => (
          <li key={`${pair.a.id}-${pair.b.id}`}>
            {t('compare.pair', {
              label: labelName(config, pair.a.label, locale),
              score:
                pair.iou !== null
                  ? t('compare.iou', { value: pair.iou.toFixed(2) })
                  : t('compare.distance', { value: (pair.distance ?? 0).toFixed(1) }),
            })}
          </li>
        ))}
        {comparison.pairs.length === 0 && <li>{t('compare.none')}</li>}
      </ul>
      <p>
        <strong>{t('compare.onlyA', { name: a.name })}</strong>: {names(comparison.onlyA)}
      </p>
      <p>
        <strong>{t('compare.onlyB', { name: b.name })}</strong>: {names(comparison.onlyB)}
      </p>
    </section>
  );
}
