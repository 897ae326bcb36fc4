import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../task-kinds';
import { checkFormValue, formFieldSchema } from './form';
import { isSelfIntersecting } from './image';

const image = { sha256: 'a'.repeat(64), mime: 'image/png', bytes: 1000, width: 600, height: 400 };
const imageConfig = {
  labels: [
    {
      code: 'cup',
      label: { en: 'Cup', fr: 'Tasse' },
      color: '#ff0000',
      hotkey: '1',
      shapes: ['box', 'polygon'],
    },
    {
      code: 'handle',
      label: { en: 'Handle', fr: 'Anse' },
      color: '#00ff00',
      shapes: ['point'],
      attributes: [{ code: 'occluded', label: { en: 'Occluded', fr: 'Caché' }, type: 'boolean' }],
    },
  ],
  classification: {
    question: { en: 'Drink?', fr: 'Boisson ?' },
    options: [
      { code: 'coffee', label: { en: 'Coffee', fr: 'Café' } },
      { code: 'tea', label: { en: 'Tea', fr: 'Thé' } },
    ],
  },
};

const fields = (result: ReturnType<typeof checkAnswer>) =>
  result.ok ? [] : result.problems.map((p) => p.field);

describe('image answers', () => {
  it('accepts shapes inside the image with known labels, and fills defaults', () => {
    const result = checkAnswer(
      'image',
      imageConfig,
      { image },
      {
        shapes: [
          { id: 'a', type: 'box', label: 'cup', x: 10, y: 10, width: 100, height: 80 },
          { id: 'b', type: 'point', label: 'handle', x: 120, y: 50, attributes: { occluded: true } },
        ],
        classes: ['coffee'],
      },
    );
    expect(result).toMatchObject({ ok: true, answer: { shapes: [{ attributes: {} }, {}] } });
  });

  it('names each problem: outside, too small, wrong shape for the label, unknown attribute, two classes', () => {
    const result = checkAnswer(
      'image',
      imageConfig,
      { image },
      {
        shapes: [
          { id: 'a', type: 'box', label: 'cup', x: 550, y: 10, width: 100, height: 80 },
          { id: 'b', type: 'box', label: 'cup', x: 1, y: 1, width: 2, height: 2 },
          { id: 'c', type: 'point', label: 'cup', x: 1, y: 1 },
          { id: 'd', type: 'point', label: 'handle', x: 1, y: 1, attributes: { colour: 'red' } },
        ],
        classes: ['coffee', 'tea'],
      },
    );
    expect(fields(result)).toEqual([
      'shapes[0]',
      'shapes[1]',
      'shapes[2].type',
      'shapes[3].attributes.colour',
      'classes',
    ]);
  });

  it('detects crossing polygon edges', () => {
    expect(
      isSelfIntersecting([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ]),
    ).toBe(false);
    expect(
      isSelfIntersecting([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ]),
    ).toBe(true);
  });
});

describe('audio answers', () => {
  const audio = { sha256: 'b'.repeat(64), mime: 'audio/wav', bytes: 1000, durationMs: 10_000 };
  const config = {
    labels: [
      { code: 'speech', label: { en: 'Speech', fr: 'Parole' }, color: '#0000ff' },
      { code: 'noise', label: { en: 'Noise', fr: 'Bruit' }, color: '#999999', transcribe: false },
    ],
  };
  it('refuses overlapping segments, missing transcripts and segments past the end', () => {
    const result = checkAnswer(
      'audio_transcription',
      config,
      { audio },
      {
        segments: [
          { id: 's1', startMs: 0, endMs: 4_000, label: 'speech', text: 'Bonjour' },
          { id: 's2', startMs: 3_500, endMs: 6_000, label: 'noise' },
          { id: 's3', startMs: 6_000, endMs: 12_000, label: 'speech', text: '' },
        ],
      },
    );
    expect(fields(result)).toEqual(['segments[2].text', 'segments[2].endMs', 'segments']);
  });

  it('checks a validation verdict and its reason', () => {
    const reasons = { reasons: [{ code: 'wrong_words', label: { en: 'Wrong words', fr: 'Mauvais mots' } }] };
    const item = { audio, sentence: 'Bonjour' };
    expect(checkAnswer('audio_validation', reasons, item, { verdict: 'valid' }).ok).toBe(true);
    expect(fields(checkAnswer('audio_validation', reasons, item, { verdict: 'invalid' }))).toEqual([
      'reason',
    ]);
  });
});

describe('text moderation answers', () => {
  const config = {
    reasons: [{ code: 'personal_data', label: { en: 'Personal data', fr: 'Données personnelles' } }],
    spanLabels: [{ code: 'phone', label: { en: 'Phone', fr: 'Téléphone' }, color: '#aa0000', redact: true }],
  };
  const item = { text: 'Appelez-moi 😀 au 0612345678' };
  it('verifies spans against the text in code points and the redacted text', () => {
    const good = { start: 17, end: 27, label: 'phone', text: '0612345678' };
    const answer = {
      decision: 'reject',
      reason: 'personal_data',
      spans: [good],
      redactedText: 'Appelez-moi 😀 au ██████████',
    };
    expect(checkAnswer('text_moderation', config, item, answer).ok).toBe(true);
    const shifted = { ...answer, spans: [{ ...good, start: 18, end: 28 }], redactedText: undefined };
    expect(fields(checkAnswer('text_moderation', config, item, shifted))).toEqual([
      'spans[0].end',
      'redactedText', // a redacting span needs the redacted text
    ]);
    expect(
      fields(checkAnswer('text_moderation', config, item, { ...answer, redactedText: 'Appelez-moi' })),
    ).toEqual(['redactedText']);
  });
});

describe('form fields', () => {
  const field = (spec: object) => formFieldSchema.parse({ code: 'f', label: { en: 'F', fr: 'F' }, ...spec });
  it('gives a code for each problem, so the renderer can say it in French or English', () => {
    expect(checkFormValue(field({ type: 'short_text', required: true }), '')).toMatchObject({
      code: 'required',
    });
    expect(checkFormValue(field({ type: 'number', min: 1, max: 5 }), 9)).toMatchObject({
      code: 'too_large',
      params: { max: 5 },
    });
    expect(checkFormValue(field({ type: 'email' }), 'awa@example')).toMatchObject({ code: 'not_email' });
    expect(checkFormValue(field({ type: 'url' }), 'javascript:alert(1)')).toMatchObject({ code: 'not_url' });
    expect(checkFormValue(field({ type: 'date' }), '2026-02-30')).toMatchObject({ code: 'not_date' });
    expect(checkFormValue(field({ type: 'short_text', pattern: '[A-Z]{2}\\d{3}' }), 'AB1234')).toMatchObject({
      code: 'pattern',
    });
    expect(checkFormValue(field({ type: 'phone' }), '+228 90 12 34 56')).toBeNull();
    expect(checkFormValue(field({ type: 'short_text' }), '')).toBeNull();
  });
});
