import { describe, expect, it } from 'vitest';
import { characterErrorRate, editDistance, normalizeTranscript, wordErrorRate } from './text';

describe('transcript distances', () => {
  it('normalises case, punctuation and spacing but keeps apostrophes inside words', () => {
    expect(normalizeTranscript("  Aujourd’hui,  il FAIT beau ! 'Oui'  ")).toBe(
      "aujourd'hui il fait beau oui",
    );
  });

  it('counts edits between sequences', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([], ['a'])).toBe(1);
  });

  it('gives WER as word edits over reference words', () => {
    expect(wordErrorRate('le train part à huit heures', 'le train part à huit heures')).toBe(0);
    expect(wordErrorRate('le train part à huit heures', 'le train part huit heure')).toBeCloseTo(2 / 6);
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('', 'extra')).toBe(1);
    expect(wordErrorRate('one two', 'one two three four five')).toBe(1.5);
  });

  it('gives CER over code points, emoji counting once', () => {
    expect(characterErrorRate('bonjour', 'bonjour')).toBe(0);
    expect(characterErrorRate('abcd', 'abed')).toBe(0.25);
    expect(characterErrorRate('a🙂b', 'a🙂c')).toBeCloseTo(1 / 3);
  });
});
