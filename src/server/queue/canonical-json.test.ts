import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('treats undefined like JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('keeps a "__proto__" key as data', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});

describe('canonicalHash', () => {
  it('is the same for the same payload written in another key order', () => {
    const first = { taskId: 't', leaseEpoch: 2, answer: { decision: 'reject', reason: 'spam' } };
    const second = { answer: { reason: 'spam', decision: 'reject' }, leaseEpoch: 2, taskId: 't' };
    expect(canonicalHash(first)).toBe(canonicalHash(second));
    expect(canonicalHash(first)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any value differs', () => {
    const base = { taskId: 't', leaseEpoch: 2, answer: { decision: 'approve' } };
    expect(canonicalHash(base)).not.toBe(canonicalHash({ ...base, leaseEpoch: 3 }));
    expect(canonicalHash(base)).not.toBe(canonicalHash({ ...base, answer: { decision: 'reject' } }));
    expect(canonicalHash({ n: 1 })).not.toBe(canonicalHash({ n: '1' }));
  });
});
