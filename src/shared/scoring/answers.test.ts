import { describe, expect, it } from 'vitest';
import type { ImageAnswer, ImageItem } from '../domain/kinds/image';
import { pairwiseAgreement, scoreAnswer } from './answers';

const item: ImageItem = {
  image: { sha256: 'a'.repeat(64), mime: 'image/png', bytes: 1, width: 1000, height: 1000 },
};
const box = (id: string, x: number, label = 'cat') => ({
  id,
  type: 'box' as const,
  label,
  attributes: {},
  x,
  y: 0,
  width: 100,
  height: 100,
});

describe('scoreAnswer', () => {
  it('scores image shapes by IoU-matched soft F1, and classes by Jaccard', () => {
    const gold: ImageAnswer = { shapes: [box('a', 0), box('b', 500)], classes: ['indoor'] };
    expect(scoreAnswer('image', gold, gold, item)).toEqual({ score: 1, parts: { shapes: 1, classes: 1 } });
    const loose: ImageAnswer = { shapes: [box('x', 10)], classes: ['indoor'] };
    const scored = scoreAnswer('image', gold, loose, item);
    expect(scored.parts.shapes).toBeCloseTo(
      (2 * (0.9 / 1.1 / 1) * (0.9 / 1.1 / 2)) / (0.9 / 1.1 + 0.9 / 1.1 / 2),
      3,
    );
    expect(scoreAnswer('image', gold, { shapes: [box('y', 0, 'dog')], classes: [] }, item).score).toBe(0);
    const points: ImageAnswer = {
      shapes: [{ id: 'p', type: 'point', label: 'ear', attributes: {}, x: 100, y: 100 }],
      classes: [],
    };
    const near: ImageAnswer = {
      shapes: [{ id: 'q', type: 'point', label: 'ear', attributes: {}, x: 107, y: 100 }],
      classes: [],
    };
    expect(scoreAnswer('image', points, near, item).score).toBeCloseTo(
      1 - 7 / (Math.hypot(1000, 1000) * 0.02),
      3,
    );
  });

  it('scores moderation: a wrong decision is 0; reasons and spans count when they apply', () => {
    const gold = {
      decision: 'reject' as const,
      reason: 'spam',
      spans: [{ start: 0, end: 4, label: 'link', text: 'http' }],
    };
    expect(scoreAnswer('text_moderation', gold, { decision: 'approve', spans: [] }).score).toBe(0);
    expect(scoreAnswer('text_moderation', gold, gold).score).toBe(1);
    expect(scoreAnswer('text_moderation', gold, { ...gold, reason: 'insult' }).score).toBeCloseTo(2 / 3, 4);
    expect(
      scoreAnswer('text_moderation', { decision: 'approve', spans: [] }, { decision: 'approve', spans: [] })
        .score,
    ).toBe(1);
  });

  it('scores transcripts by WER and segments by time IoU', () => {
    const gold = {
      segments: [{ id: 's', startMs: 0, endMs: 1000, label: 'speech', text: 'le train part à huit heures' }],
    };
    const close = {
      segments: [{ id: 't', startMs: 0, endMs: 900, label: 'speech', text: 'le train part à huit heure' }],
    };
    const scored = scoreAnswer('audio_transcription', gold, close);
    expect(scored.parts.transcript).toBeCloseTo(1 - 1 / 6, 4);
    expect(scored.parts.segments).toBeCloseTo(0.9, 4);
  });

  it('scores short transcripts and scripts without spaces by CER, so one typo is not a whole word lost', () => {
    const clip = (text: string) => ({
      segments: [{ id: 's', startMs: 0, endMs: 1000, label: 'speech', text }],
    });
    const short = scoreAnswer('audio_transcription', clip('bonjour madame'), clip('bonjour madam'));
    expect(short.parts.transcript).toBeCloseTo(1 - 1 / 14, 4); // WER would give 0.5
    const unspaced = scoreAnswer('audio_transcription', clip('我们今天去北京'), clip('我们明天去北京'));
    expect(unspaced.parts.transcript).toBeCloseTo(1 - 1 / 7, 4); // WER would give 0
  });

  it('scores validation verdicts and form fields exactly (text ignoring case and spaces)', () => {
    expect(scoreAnswer('audio_validation', { verdict: 'valid' }, { verdict: 'valid' }).score).toBe(1);
    expect(
      scoreAnswer('audio_validation', { verdict: 'valid' }, { verdict: 'invalid', reason: 'noisy' }).score,
    ).toBe(0);
    const gold = { values: { title: 'Annual report', pages: 12 } };
    expect(scoreAnswer('form', gold, { values: { title: '  annual  REPORT ', pages: 12 } }).score).toBe(1);
    expect(scoreAnswer('form', gold, { values: { title: 'Annual report', pages: 13 } }).score).toBe(0.5);
  });

  it('measures agreement as the mean pairwise score', () => {
    const answers = [{ verdict: 'valid' }, { verdict: 'valid' }, { verdict: 'invalid', reason: 'noisy' }];
    expect(pairwiseAgreement('audio_validation', answers)).toBeCloseTo(1 / 3, 4);
    expect(pairwiseAgreement('audio_validation', answers.slice(0, 1))).toBe(1);
  });
});
