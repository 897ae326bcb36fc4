import type { StringsOf } from './en';

/** Messages of the `audio` namespace: `useTranslation('audio')`. French is typed against English. */
const en = {
  title: 'Audio',
};

const fr: StringsOf<typeof en> = {
  title: 'Audio',
};

export const audio = { en, fr };
