import { audio } from './audio';
import { en } from './en';
import { form } from './form';
import { fr } from './fr';
import { image } from './image';
import { moderation } from './moderation';
import { work } from './work';

/**
 * Every message namespace. `translation` holds the app's shared strings; each feature with many
 * strings of its own has a namespace file beside this one, so features grow without touching
 * each other's messages.
 */
export const namespaces = {
  translation: { en, fr },
  image,
  audio,
  form,
  moderation,
  work,
} as const;

export type Namespace = keyof typeof namespaces;
export const NAMESPACES = Object.keys(namespaces) as Namespace[];

type Resources = { [N in Namespace]: (typeof namespaces)[N]['en'] };

function resourcesFor(locale: 'en' | 'fr'): Resources {
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, namespaces[ns][locale]])) as Resources;
}

export const resources = { en: resourcesFor('en'), fr: resourcesFor('fr') };
