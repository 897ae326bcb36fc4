import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../task-kinds';
import { checkFormValue, formFieldSchema, type FormValue } from './form';

const field = (spec: object) => formFieldSchema.parse({ code: 'f', label: { en: 'F', fr: 'F' }, ...spec });
const codeOf = (spec: object, value: FormValue | undefined) =>
  checkFormValue(field(spec), value)?.code ?? null;

describe('form field validation', () => {
  it('treats empty, blank and unchecked as missing, required or not', () => {
    for (const value of [undefined, null, '', '   ', []] as const) {
      expect(codeOf({ type: 'short_text', required: true }, value as FormValue)).toBe('required');
      expect(codeOf({ type: 'short_text' }, value as FormValue)).toBeNull();
    }
    expect(codeOf({ type: 'checkbox', required: true }, false)).toBe('required');
    expect(codeOf({ type: 'checkbox', required: true }, true)).toBeNull();
  });

  it('counts lengths as people do: an emoji or an accented letter is one character', () => {
    const spec = { type: 'short_text', minLength: 3, maxLength: 4 };
    expect(codeOf(spec, '👍🏽')).toBe('too_short'); // 2 code points
    expect(codeOf(spec, 'Lomé')).toBeNull();
    expect(codeOf(spec, 'Lome\u0301')).toBeNull(); // the same word with a combining accent
    expect(codeOf(spec, 'Lomé!')).toBe('too_long');
    expect(checkFormValue(field(spec), 'ab')).toMatchObject({ params: { min: 3 } });
  });

  it('checks numbers against min and max, and refuses text where a number belongs', () => {
    const spec = { type: 'number', min: 0, max: 100 };
    expect(codeOf(spec, 0)).toBeNull();
    expect(codeOf(spec, -0.01)).toBe('too_small');
    expect(codeOf(spec, 100.5)).toBe('too_large');
    expect(codeOf(spec, '12')).toBe('not_a_number');
    expect(codeOf(spec, Number.NaN)).toBe('not_a_number');
  });

  it('checks web addresses, email addresses, phone numbers and real dates', () => {
    expect(codeOf({ type: 'url' }, 'https://shop.example.tg/avis')).toBeNull();
    for (const bad of ['www.example.com', 'ftp://example.com', 'javascript:alert(1)', 'http://localhost']) {
      expect(codeOf({ type: 'url' }, bad), bad).toBe('not_url');
    }
    expect(codeOf({ type: 'email' }, 'awa.mensah@example.org')).toBeNull();
    expect(codeOf({ type: 'email' }, 'awa@@example.org')).toBe('not_email');
    expect(codeOf({ type: 'phone' }, '+269 773 12 34')).toBeNull();
    expect(codeOf({ type: 'phone' }, '+58 (212) 555-0199')).toBeNull();
    expect(codeOf({ type: 'phone' }, 'call me')).toBe('not_phone');
    expect(codeOf({ type: 'date' }, '2024-02-29')).toBeNull();
    expect(codeOf({ type: 'date' }, '2025-02-29')).toBe('not_date');
    expect(codeOf({ type: 'date' }, '29/02/2024')).toBe('not_date');
  });

  it('matches a pattern against the whole value', () => {
    const spec = { type: 'short_text', pattern: '[A-Z]{2}-\\d{4}' };
    expect(codeOf(spec, 'TG-2026')).toBeNull();
    expect(codeOf(spec, 'xTG-2026')).toBe('pattern');
  });

  it('checks choices against the options, each chosen once', () => {
    const options = [
      { code: 'a', label: { en: 'A', fr: 'A' } },
      { code: 'b', label: { en: 'B', fr: 'B' } },
    ];
    expect(codeOf({ type: 'single_choice', options }, 'b')).toBeNull();
    expect(codeOf({ type: 'single_choice', options }, 'c')).toBe('not_an_option');
    expect(codeOf({ type: 'multiple_choice', options }, ['a', 'b'])).toBeNull();
    expect(codeOf({ type: 'multiple_choice', options }, ['a', 'a'])).toBe('not_an_option');
  });

  it('refuses a field spec that cannot work', () => {
    expect(
      formFieldSchema.safeParse({ code: 'f', label: { en: 'F', fr: 'F' }, type: 'single_choice' }).success,
    ).toBe(false);
    expect(
      formFieldSchema.safeParse({ code: 'f', label: { en: 'F', fr: 'F' }, type: 'short_text', pattern: '(' })
        .success,
    ).toBe(false);
    expect(
      formFieldSchema.safeParse({ code: 'f', label: { en: 'F', fr: 'F' }, type: 'number', min: 5, max: 1 })
        .success,
    ).toBe(false);
  });

  it('refuses a pattern that could take forever on a crafted answer, naming the field', () => {
    const parsed = formFieldSchema.safeParse({
      code: 'f',
      label: { en: 'F', fr: 'F' },
      type: 'short_text',
      pattern: '([a-z]+)+@',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['pattern'],
      message: expect.stringMatching(/nests repeats/),
    });
  });
});

describe('form answers', () => {
  const config = {
    fields: [
      { code: 'name', label: { en: 'Name', fr: 'Nom' }, type: 'short_text', required: true },
      { code: 'total', label: { en: 'Total', fr: 'Total' }, type: 'number', min: 0 },
    ],
  };
  it('names every field at fault, and fields the form does not have', () => {
    const result = checkAnswer('form', config, {}, { values: { total: -1, extra: 'x' } });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual([
      'values.extra',
      'values.name',
      'values.total',
    ]);
    expect(checkAnswer('form', config, {}, { values: { name: 'Awa', total: 3.5 } }).ok).toBe(true);
  });
});
