import type { StringsOf } from './en';

/** Messages of the `work` namespace: `useTranslation('work')`. French is typed against English. */
const en = {
  title: 'My work',
};

const fr: StringsOf<typeof en> = {
  title: 'Mon travail',
};

export const work = { en, fr };
