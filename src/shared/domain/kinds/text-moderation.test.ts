import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../task-kinds';
import { redactSpans, REDACTION_MASK, utf16ToCodePoint } from '../text-spans';
import { textModerationConfigSchema } from './text-moderation';

const label = (en: string, fr = en) => ({ en, fr });
const config = {
  reasons: [
    { code: 'personal_data', label: label('Personal data', 'Données personnelles') },
    { code: 'insult', label: label('Insult', 'Insulte') },
  ],
  spanLabels: [
    { code: 'phone', label: label('Phone', 'Téléphone'), color: '#aa0000', hotkey: '1', redact: true },
    { code: 'insult', label: label('Insult', 'Insulte'), color: '#7c3aed', hotkey: '2' },
  ],
};
const labels = textModerationConfigSchema.parse(config).spanLabels;
// Arabic (right to left), an astral emoji, a flag and a combining accent before the span.
const text = 'مرحبا 😀🇹🇬 Le café\u0301 est nul, appelez le 06 12 34 56 78 ce soir';
const item = { text };
const cp = (part: string) => utf16ToCodePoint(text, text.indexOf(part));
const phone = { start: cp('06'), end: cp('06') + 14, label: 'phone', text: '06 12 34 56 78' };
const fields = (answer: unknown) => {
  const result = checkAnswer('text_moderation', config, item, answer);
  return result.ok ? [] : result.problems.map((p) => p.field);
};

describe('text moderation answers on tricky Unicode', () => {
  it('accepts spans in code points after Arabic, emoji, a flag and a combining accent', () => {
    const answer = {
      decision: 'approve',
      spans: [phone, { start: cp('nul'), end: cp('nul') + 3, label: 'insult', text: 'nul' }],
      redactedText: redactSpans(text, [phone], labels),
    };
    expect(fields(answer)).toEqual([]);
    const mask = REDACTION_MASK.repeat(2);
    expect(answer.redactedText).toContain(`le ${mask} ${mask} ${mask} ${mask} ${mask} ce soir`);
    expect(answer.redactedText.startsWith('مرحبا 😀🇹🇬')).toBe(true);
  });

  it('refuses spans counted in UTF-16 units, as a naive client would send them', () => {
    const utf16 = text.indexOf('06');
    const answer = { decision: 'approve', spans: [{ ...phone, start: utf16, end: utf16 + 14 }] };
    expect(fields(answer)).toContain('spans[0].text');
  });

  it('needs the redacted text once a span redacts, and refuses one that leaks', () => {
    expect(fields({ decision: 'approve', spans: [phone] })).toEqual(['redactedText']);
    expect(fields({ decision: 'approve', spans: [phone], redactedText: text })).toEqual(['redactedText']);
    // A span that does not redact needs no redacted text.
    const insult = { start: cp('nul'), end: cp('nul') + 3, label: 'insult', text: 'nul' };
    expect(fields({ decision: 'reject', reason: 'insult', spans: [insult] })).toEqual([]);
  });

  it('refuses overlapping spans of the same label, allows different labels to overlap', () => {
    const inner = { start: phone.start, end: phone.start + 5, label: 'phone', text: '06 12' };
    const redactedText = redactSpans(text, [phone, inner], labels);
    expect(fields({ decision: 'approve', spans: [phone, inner], redactedText })).toEqual(['spans[1]']);
    const other = { ...inner, label: 'insult' };
    expect(
      fields({
        decision: 'approve',
        spans: [phone, other],
        redactedText: redactSpans(text, [phone], labels),
      }),
    ).toEqual([]);
  });

  it('checks escalation and its note', () => {
    expect(fields({ decision: 'escalate', note: 'Is this a real number?' })).toEqual([]);
    expect(fields({ decision: 'escalate', reason: 'insult' })).toEqual(['reason']);
    const noEscalate = { ...config, allowEscalate: false };
    const result = checkAnswer('text_moderation', noEscalate, item, { decision: 'escalate' });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['decision']);
  });
});

describe('text moderation config', () => {
  it('takes worked examples, whose rejections name one of the reasons', () => {
    const example = {
      text: 'Call 0612',
      decision: 'reject',
      reason: 'personal_data',
      explanation: label('A phone'),
    };
    expect(textModerationConfigSchema.safeParse({ ...config, examples: [example] }).success).toBe(true);
    const wrong = [
      { ...example, reason: 'spam' },
      { ...example, reason: undefined },
      { ...example, decision: 'approve' },
    ];
    for (const bad of wrong) {
      const parsed = textModerationConfigSchema.safeParse({ ...config, examples: [bad] });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
    }
  });
});
