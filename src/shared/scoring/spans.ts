/** A labelled passage in code points, as text moderation stores it. */
export type LabelledSpan = { start: number; end: number; label: string };

/**
 * Span F1 by overlap: precision is the share of the answer's marked characters that the reference
 * marked with the same label, recall the share of the reference's marked characters the answer
 * found. Overlapping spans of one label count each character once. Both empty: 1.
 */
export function spanF1(reference: readonly LabelledSpan[], answer: readonly LabelledSpan[]): number {
  const ref = coverage(reference);
  const ans = coverage(answer);
  const refSize = size(ref);
  const ansSize = size(ans);
  if (refSize === 0 && ansSize === 0) return 1;
  if (refSize === 0 || ansSize === 0) return 0;
  let common = 0;
  for (const [label, positions] of ans) {
    const other = ref.get(label);
    if (!other) continue;
    for (const position of positions) if (other.has(position)) common += 1;
  }
  const precision = common / ansSize;
  const recall = common / refSize;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Exact-match span F1: a span counts only when start, end and label all agree. */
export function exactSpanF1(reference: readonly LabelledSpan[], answer: readonly LabelledSpan[]): number {
  if (reference.length === 0 && answer.length === 0) return 1;
  const key = (span: LabelledSpan) => `${span.label}:${span.start}:${span.end}`;
  const ref = new Set(reference.map(key));
  const ans = new Set(answer.map(key));
  let common = 0;
  for (const entry of ans) if (ref.has(entry)) common += 1;
  if (ref.size === 0 || ans.size === 0) return 0;
  const precision = common / ans.size;
  const recall = common / ref.size;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function coverage(spans: readonly LabelledSpan[]): Map<string, Set<number>> {
  const byLabel = new Map<string, Set<number>>();
  for (const span of spans) {
    let positions = byLabel.get(span.label);
    if (!positions) byLabel.set(span.label, (positions = new Set()));
    for (let i = span.start; i < span.end; i += 1) positions.add(i);
  }
  return byLabel;
}

function size(coverageMap: Map<string, Set<number>>): number {
  let total = 0;
  for (const positions of coverageMap.values()) total += positions.size;
  return total;
}
