import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { reasonLines } from './server-reason';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
  });
});

describe('reasonLines', () => {
  it('says a known refusal in the HITer’s language, with the server’s words as detail', () => {
    const t = i18n.getFixedT('fr');
    const lines = reasonLines(t, {
      state: 'refused',
      serverCode: 'not_your_task',
      serverMessage: 'task 42 is leased to someone else',
    });
    expect(lines?.reason).toBe(fr.serverReasons.not_your_task);
    expect(lines?.detail).toContain('task 42 is leased to someone else');
    expect(lines?.detail).toMatch(/^Message du serveur/);
  });

  it('says "someone else finished first" in French, without the English text', () => {
    const t = i18n.getFixedT('fr');
    const lines = reasonLines(t, {
      state: 'superseded',
      serverMessage: 'Someone else finished this task first after your lease ran out.',
    });
    expect(lines).toEqual({ reason: fr.serverReasons.superseded, detail: null });
  });

  it('falls back to a generic refusal for an unknown code, and says nothing for other states', () => {
    const t = i18n.getFixedT('en');
    expect(reasonLines(t, { state: 'refused', serverCode: 'made_up', serverMessage: 'x' })?.reason).toBe(
      en.serverReasons.other,
    );
    expect(reasonLines(t, { state: 'refused', serverMessage: null })).toEqual({
      reason: en.serverReasons.other,
      detail: null,
    });
    expect(reasonLines(t, { state: 'accepted', serverMessage: null })).toBeNull();
  });
});
