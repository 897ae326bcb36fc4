import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { BRIDGE_ERROR_CODES } from '../../shared/bridge';
import { en } from './en';
import { fr } from './fr';
import { localeFromLanguages } from './index';
import { namespaces } from './namespaces';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of leaves(value, path)) out.set(inner, text);
  }
  return out;
}

// Every namespace, keys prefixed by it, so one test covers the app and each feature's messages.
const all = (locale: 'en' | 'fr') =>
  new Map(
    Object.entries(namespaces).flatMap(([ns, messages]) =>
      [...leaves(messages[locale] as Tree)].map(([key, text]) => [
        ns === 'translation' ? key : `${ns}:${key}`,
        text,
      ]),
    ),
  );
const english = all('en');
const french = all('fr');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('have the same keys in English and French', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty message', () => {
    for (const [key, text] of [...english, ...french]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, text] of english)
      expect(placeholders(french.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('explain every bridge error code, at length and in short, in both languages', () => {
    for (const code of BRIDGE_ERROR_CODES) {
      for (const messages of [english, french]) {
        expect(messages.get(`errors.${code}`), code).toBeTruthy();
        expect(messages.get(`errorsShort.${code}`), code).toBeTruthy();
      }
    }
  });

  it('put counts through plural forms, French treating 0 and 1 alike', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en' });
    expect(i18n.t('inbox.take.taken', { count: 1 })).toBe('1 task taken.');
    expect(i18n.t('inbox.take.taken', { count: 3 })).toBe('3 tasks taken.');
    await i18n.changeLanguage('fr');
    expect(i18n.t('sync.waiting', { count: 0 })).toBe('0 réponse en attente d’envoi');
    expect(i18n.t('sync.waiting', { count: 2 })).toBe('2 réponses en attente d’envoi');
  });
});

describe('first language', () => {
  it('takes the first preferred language we speak, else English', () => {
    expect(localeFromLanguages(['fr-FR', 'en'])).toBe('fr');
    expect(localeFromLanguages(['es-VE', 'en-US'])).toBe('en');
    expect(localeFromLanguages(['ms-MY'])).toBe('en');
  });
});
