import type { StringsOf } from './en';

/** Messages of the `form` namespace: `useTranslation('form')`. French is typed against English. */
const en = {
  title: 'Form',
};

const fr: StringsOf<typeof en> = {
  title: 'Formulaire',
};

export const form = { en, fr };
