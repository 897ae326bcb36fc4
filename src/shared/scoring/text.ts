/**
 * Transcript distances: word error rate (WER) and character error rate (CER), after a light
 * normalisation so that case, punctuation and spacing do not count as errors.
 */

/** Lower case, Unicode NFC, punctuation removed (apostrophes inside words kept), spaces collapsed. */
export function normalizeTranscript(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance between two sequences (insertions, deletions, substitutions all cost 1). */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

export function words(text: string): string[] {
  const normal = normalizeTranscript(text);
  return normal === '' ? [] : normal.split(' ');
}

/**
 * Word error rate of `hypothesis` against `reference`: edits / reference words. 0 is perfect; it
 * can exceed 1 (many insertions). An empty reference gives 0 for an empty hypothesis, else 1.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = words(reference);
  const hyp = words(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}

/** Character error rate, over code points of the normalised texts (spaces included). */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = Array.from(normalizeTranscript(reference));
  const hyp = Array.from(normalizeTranscript(hypothesis));
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}

/**
 * Below this many reference words a transcript is scored by CER, not WER: on a short clip one
 * misspelt word would cost a third or half of the score (WER counts it whole), and a script
 * written without spaces between words (Chinese, Thai…) reads as one "word".
 */
export const SHORT_TRANSCRIPT_WORDS = 5;

/** Which error rate suits a reference transcript: WER for ordinary sentences, CER for short or unspaced ones. */
export function transcriptMeasure(reference: string): 'wer' | 'cer' {
  return words(reference).length < SHORT_TRANSCRIPT_WORDS ? 'cer' : 'wer';
}

/** The transcript error rate honeypots and consensus use: WER, or CER for short or unspaced references. */
export function transcriptErrorRate(reference: string, hypothesis: string): number {
  return transcriptMeasure(reference) === 'cer'
    ? characterErrorRate(reference, hypothesis)
    : wordErrorRate(reference, hypothesis);
}
