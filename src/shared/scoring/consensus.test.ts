import { describe, expect, it } from 'vitest';
import type { ImageItem, Shape } from '../domain/kinds/image';
import { aggregateAnswers, majoritySpans } from './consensus';

const item: ImageItem = {
  image: { sha256: 'a'.repeat(64), mime: 'image/png', bytes: 1, width: 1000, height: 800 },
};
const box = (x: number, label = 'cat'): Shape => ({
  id: `b${x}`,
  type: 'box',
  label,
  attributes: {},
  x,
  y: 10,
  width: 100,
  height: 50,
});

describe('aggregateAnswers', () => {
  it('takes the majority decision and reason for moderation, with majority spans', () => {
    const text = 'Call me at 555 1234 now';
    const phone = { start: 11, end: 19, label: 'personal_data', text: '555 1234' };
    const consensus = aggregateAnswers(
      'text_moderation',
      [
        { decision: 'reject', reason: 'personal_data', spans: [phone] },
        { decision: 'reject', reason: 'spam', spans: [{ ...phone, start: 11, end: 14, text: '555' }] },
        { decision: 'reject', reason: 'personal_data', spans: [phone] },
        { decision: 'approve', spans: [] },
      ],
      { text },
    );
    // "555" was marked by three of four workers; " 1234" by two, not a majority.
    expect(consensus?.answer).toEqual({
      decision: 'reject',
      reason: 'personal_data',
      spans: [{ start: 11, end: 14, label: 'personal_data', text: '555' }],
    });
    expect(consensus?.answers).toBe(4);
    expect(consensus?.agreement).toBeGreaterThan(0);
    expect(consensus?.agreement).toBeLessThan(1);
  });

  it('fuses boxes matched by IoU that a majority drew, and drops the rest', () => {
    const consensus = aggregateAnswers(
      'image',
      [
        { shapes: [box(100), box(600, 'rocket')], classes: ['outdoor'] },
        { shapes: [box(110)], classes: ['outdoor'] },
        { shapes: [box(90), box(400)], classes: ['indoor'] },
      ],
      item,
    );
    const answer = consensus?.answer as { shapes: Shape[]; classes: string[] };
    expect(answer.classes).toEqual(['outdoor']);
    expect(answer.shapes).toHaveLength(1);
    expect(answer.shapes[0]).toMatchObject({
      type: 'box',
      label: 'cat',
      x: 100,
      y: 10,
      width: 100,
      height: 50,
    });
  });

  it('picks the transcript closest to the others, and majority form values and verdicts', () => {
    const segment = (text: string) => ({
      segments: [{ id: 's', startMs: 0, endMs: 1000, label: 'speech', text }],
    });
    const transcripts = [
      segment('le train part à huit heures'),
      segment('le train part à huit heure'),
      segment('le bus part'),
    ];
    expect(aggregateAnswers('audio_transcription', transcripts)?.answer).toEqual(transcripts[0]);
    expect(
      aggregateAnswers('form', [
        { values: { title: 'Report' } },
        { values: { title: ' report ' } },
        { values: { title: 'Other' } },
      ])?.answer,
    ).toEqual({ values: { title: 'Report' } });
    expect(
      aggregateAnswers('audio_validation', [
        { verdict: 'invalid', reason: 'noisy' },
        { verdict: 'invalid', reason: 'noisy' },
        { verdict: 'valid' },
      ])?.answer,
    ).toEqual({
      verdict: 'invalid',
      reason: 'noisy',
    });
    expect(aggregateAnswers('audio_recording', [{}])?.answer).toBeNull();
    expect(aggregateAnswers('form', [])).toBeNull();
  });

  it('keeps the characters a majority marked, per label', () => {
    const spans = majoritySpans(
      [
        [{ start: 0, end: 5, label: 'insult', text: '' }],
        [{ start: 2, end: 8, label: 'insult', text: '' }],
        [],
      ],
      'abcdefghij',
    );
    expect(spans).toEqual([{ start: 2, end: 5, label: 'insult', text: 'cde' }]);
  });
});
