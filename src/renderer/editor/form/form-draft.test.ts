import { describe, expect, it } from 'vitest';
import { formConfigSchema, formItemSchema } from '../../../shared/domain/kinds/form';
import { checkAnswer } from '../../../shared/domain/task-kinds';
import { toDraft } from '../draft-envelope';
import { commit, undo } from '../history';
import { answerOf, formProblems, initialDoc, restoreEditor, setInput, toggleOption } from './form-draft';

const label = (en: string) => ({ en, fr: en });
const config = formConfigSchema.parse({
  fields: [
    { code: 'shop', label: label('Shop'), type: 'short_text', required: true },
    { code: 'total', label: label('Total'), type: 'number', required: true, min: 0, max: 10000 },
    { code: 'site', label: label('Website'), type: 'url' },
    { code: 'paid', label: label('Paid'), type: 'checkbox' },
    {
      code: 'means',
      label: label('Means'),
      type: 'multiple_choice',
      options: [
        { code: 'cash', label: label('Cash') },
        { code: 'card', label: label('Card') },
        { code: 'mobile', label: label('Mobile money') },
      ],
    },
  ],
});
const item = formItemSchema.parse({ prefill: { total: 1250.5, means: ['card', 'gone'] } });

describe('form draft', () => {
  it('starts from the prefilled values, numbers written the HITer’s way, unknown options dropped', () => {
    expect(initialDoc(config, item, 'fr').values).toEqual({
      shop: null,
      total: '1250,5',
      site: null,
      paid: null,
      means: ['card'],
    });
  });

  it('names the problem of each field as the HITer types', () => {
    let doc = initialDoc(config, item, 'en');
    expect([...formProblems(config, doc).entries()].map(([code, p]) => [code, p.code])).toEqual([
      ['shop', 'required'],
    ]);
    doc = setInput(doc, 'shop', '   ');
    doc = setInput(doc, 'total', '12 000');
    doc = setInput(doc, 'site', 'www.example.com');
    expect([...formProblems(config, doc).values()].map((p) => p.code)).toEqual([
      'required',
      'too_large',
      'not_url',
    ]);
    expect(answerOf(config, doc)).toBeNull();
    doc = setInput(doc, 'total', '12,3.4');
    expect(formProblems(config, doc).get('total')?.code).toBe('not_a_number');
  });

  it('makes a typed answer the queue accepts: numbers parsed, text trimmed, empty as null', () => {
    let doc = initialDoc(config, item, 'fr');
    doc = setInput(doc, 'shop', '  Boutique Élodie  ');
    doc = setInput(doc, 'total', '1 250,50');
    doc = setInput(doc, 'means', toggleOption(config.fields[4]!, doc.values.means ?? null, 'cash'));
    const answer = answerOf(config, doc);
    expect(answer).toEqual({
      values: { shop: 'Boutique Élodie', total: 1250.5, site: null, paid: false, means: ['cash', 'card'] },
    });
    expect(checkAnswer('form', config, item, answer)).toMatchObject({ ok: true });
  });

  it('returns the same doc for the same value, so nothing is saved or undone for nothing', () => {
    const doc = initialDoc(config, item, 'en');
    expect(setInput(doc, 'means', ['card'])).toBe(doc);
    expect(setInput(doc, 'shop', null)).toBe(doc);
  });

  it('restores its undo history, and fits a stored draft to the form as it is now', () => {
    const base = restoreEditor(null, config, item, 'en');
    const edited = commit(base, setInput(base.doc, 'shop', 'Kiosque'));
    const restored = restoreEditor(JSON.parse(JSON.stringify(toDraft(edited))), config, item, 'en');
    expect(restored.doc.values.shop).toBe('Kiosque');
    expect(undo(restored).doc.values.shop).toBeNull();
    const odd = restoreEditor(
      { v: 1, doc: { values: { shop: 4, paid: 'yes', extra: 'x' } }, history: {} },
      config,
      item,
      'en',
    );
    expect(odd.doc.values).toEqual({ shop: null, total: null, site: null, paid: null, means: null });
    expect(restoreEditor('garbage', config, item, 'en').doc).toEqual(initialDoc(config, item, 'en'));
  });
});
