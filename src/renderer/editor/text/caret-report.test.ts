import { describe, expect, it } from 'vitest';
import { caretReport } from './caret-report';
import { createTextModel } from './text-model';

describe('caretReport', () => {
  const model = createTextModel('Café 👍🏽 top!\nمرحبا');

  it('tells the word after the caret and where the caret is, in characters', () => {
    expect(caretReport(model, [], 0)).toEqual({
      kind: 'at',
      text: 'Café',
      whitespace: null,
      position: 1,
      total: 17,
      span: -1,
    });
    // The emoji with its skin tone is one character: the caret after it is at the 7th.
    expect(caretReport(model, [], 7)).toMatchObject({ kind: 'at', whitespace: 'space', position: 7 });
  });

  it('names a space, a line break, punctuation, the end of the text', () => {
    expect(caretReport(model, [], 4)).toMatchObject({ text: ' ', whitespace: 'space' });
    expect(caretReport(model, [], 11)).toMatchObject({ text: '!', whitespace: null });
    expect(caretReport(model, [], 12)).toMatchObject({ whitespace: 'newline' });
    expect(caretReport(model, [], 13)).toMatchObject({ text: 'مرحبا' });
    expect(caretReport(model, [], model.length)).toEqual({ kind: 'end' });
  });

  it('says which marked passage the caret is in', () => {
    const spans = [{ start: 8, end: 11, label: 'insult', text: 'top' }];
    expect(caretReport(model, spans, 9)).toMatchObject({ text: 'op', span: 0 });
    expect(caretReport(model, spans, 0)).toMatchObject({ span: -1 });
  });
});
