import { describe, expect, it } from 'vitest';
import { csvCell, resultsToCsv, resultsToJsonl } from './results';
import type { Result } from '../queue/results';

const base: Result = {
  submissionId: '6f1c2a8e-0d1b-4c55-9a53-2f8b8c0f7a11',
  taskId: '0b7e6a52-7f0e-4a4c-8d43-3f5f2b9f6c22',
  itemId: '9a0c1d2e-3f40-4b5c-9d6e-7f8091a2b333',
  externalId: 'rev-001',
  worker: 'amina',
  status: 'accepted',
  answer: { decision: 'reject', reason: 'spam' },
  receivedAt: '2026-05-02T08:30:00.000Z',
};

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('defuses text a spreadsheet would run as a formula, not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes empty cells for missing values and JSON for nested ones', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('resultsToCsv', () => {
  it('has one column per answer field and the whole answer as JSON', () => {
    const csv = resultsToCsv([base, { ...base, externalId: null, answer: { decision: 'approve' } }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'submission_id,task_id,item_id,external_id,worker,status,review_status,version,received_at,answer.decision,answer.reason,answer_json',
    );
    expect(lines[1]).toContain(',rev-001,amina,accepted,,1,2026-05-02T08:30:00.000Z,reject,spam,');
    expect(lines[2]).toContain(
      ',,amina,accepted,,1,2026-05-02T08:30:00.000Z,approve,,"{""decision"":""approve""}"',
    );
    expect(lines[3]).toBe('');
  });
});

describe('resultsToCsv for forms', () => {
  it('spreads a form answer into one column per field', () => {
    const csv = resultsToCsv([
      { ...base, answer: { values: { title: 'Annual report', pages: 12 } } },
      { ...base, answer: { values: { title: 'Other', language: 'fr', tags: ['a', 'b'] } } },
    ]);
    const [header, first, second] = csv.slice(1).split('\r\n');
    expect(header?.split(',').slice(9)).toEqual([
      'answer.values.language',
      'answer.values.pages',
      'answer.values.tags',
      'answer.values.title',
      'answer_json',
    ]);
    expect(first).toContain(',,12,,Annual report,');
    expect(second).toContain(',fr,,"[""a"",""b""]",Other,');
  });
});

describe('resultsToJsonl', () => {
  it('writes one parseable result a line', () => {
    const lines = resultsToJsonl([base, base]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toEqual(base);
  });
});
