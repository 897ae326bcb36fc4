import type { StringsOf } from './en';

/** Messages of the `image` namespace: `useTranslation('image')`. French is typed against English. */
const en = {
  title: 'Image annotation',
};

const fr: StringsOf<typeof en> = {
  title: 'Annotation d’image',
};

export const image = { en, fr };
