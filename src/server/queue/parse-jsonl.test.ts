import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { parseImportFile } from './parse-jsonl';

function failure(text: string): ApiError {
  try {
    parseImportFile('text_moderation', text);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('parseImportFile', () => {
  it('reads every non-blank line with its line number, BOM and CRLF included', () => {
    const items = parseImportFile(
      'text_moderation',
      '\uFEFF{"id":"a","data":{"text":"one"}}\r\n\r\n   \n{"data":{"text":"three","rating":2}}\n',
    );
    expect(items).toEqual([
      { lineNo: 1, externalId: 'a', data: { text: 'one' } },
      { lineNo: 4, externalId: null, data: { text: 'three', rating: 2 } },
    ]);
  });

  it('names the line and the field of the first bad line, and counts the others', () => {
    const error = failure('{"data":{"text":"ok"}}\n{"data":{"text":"   "}}\n{"data":{}}\n');
    expect(error.code).toBe('invalid_import');
    expect(error.line).toBe(2);
    expect(error.field).toBe('data.text');
    expect(error.message).toMatch(/^line 2: data\.text: .+ \(and 1 more bad line\)$/);
  });

  it('names broken JSON, unknown keys, a missing data object and wrong types', () => {
    expect(failure('{"data":{"text":"ok"}').message).toMatch(/^line 1: not valid JSON/);
    expect(failure('{"data":{"text":"ok"},"extra":1}').field).toBe('extra');
    expect(failure('{"data":{"text":"ok","stars":1}}').field).toBe('data.stars');
    expect(failure('{"id":"x"}').field).toBe('data');
    expect(failure('{"id":7,"data":{"text":"ok"}}').field).toBe('id');
    expect(failure('{"data":{"text":"ok","date":"14/03/2026"}}').field).toBe('data.date');
    expect(failure('[1,2]').line).toBe(1);
  });

  it('refuses an id used twice in the file, naming both lines', () => {
    const error = failure(
      '{"id":"a","data":{"text":"1"}}\n{"id":"b","data":{"text":"2"}}\n{"id":"a","data":{"text":"3"}}',
    );
    expect(error.line).toBe(3);
    expect(error.field).toBe('id');
    expect(error.message).toContain('line 1');
  });

  it('refuses an empty file', () => {
    expect(failure('\n \n').message).toContain('no items');
  });

  it('refuses a "__proto__" key rather than let it reach the data', () => {
    const error = failure('{"data":{"text":"ok","__proto__":{"polluted":true}}}');
    expect(error.line).toBe(1);
    expect(error.message).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
