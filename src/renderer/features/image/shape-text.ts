import type { TFunction } from 'i18next';
import type { ImageConfig } from '../../../shared/domain/kinds/image';
import type { Locale } from '../../../shared/domain/common';
import type { Shape } from '../../editor/image/doc';
import { shapeFacts } from '../../editor/image/presentation';

/** A label's name in the HITer's language (its code if the project no longer has it). */
export function labelName(config: ImageConfig, code: string, locale: Locale): string {
  return config.labels.find((label) => label.code === code)?.label[locale] ?? code;
}

/** "3. Car (box)": how a shape is named in the list, the panels and for screen readers. */
export function shapeName(
  t: TFunction<'image'>,
  config: ImageConfig,
  shape: Shape,
  index: number,
  locale: Locale,
) {
  return t('shapes.name', {
    number: index + 1,
    label: labelName(config, shape.label, locale),
    kind: t(`kinds.${shape.type}`),
  });
}

/** "120 × 80 px", "12 corners", "at 40, 52". */
export function shapeDetails(t: TFunction<'image'>, shape: Shape): string {
  return t(`shapes.${shape.type}`, shapeFacts(shape));
}
