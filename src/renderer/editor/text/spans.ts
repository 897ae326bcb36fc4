import type { SpanLabel, TextSpan } from '../../../shared/domain/kinds/text-moderation';
import { codePointLength, sliceCodePoints, spansOverlap } from '../../../shared/domain/text-spans';
import { sliceText, type TextModel } from './text-model';

/**
 * Spans as the HITer edits them: code-point ranges with a label and their text (which the queue
 * checks against the offsets). Kept sorted by start, then end, so answers are stable.
 */

export function compareSpans(a: TextSpan, b: TextSpan): number {
  return a.start - b.start || a.end - b.end || a.label.localeCompare(b.label);
}

/**
 * Adds a labelled passage. A passage of the same label that overlaps it is replaced: selecting
 * the right passage again and pressing the label's key is how a span is adjusted.
 */
export function addSpan(
  spans: readonly TextSpan[],
  model: TextModel,
  range: { start: number; end: number; label: string },
): TextSpan[] {
  const span: TextSpan = {
    start: range.start,
    end: range.end,
    label: range.label,
    text: sliceText(model, range.start, range.end),
  };
  const kept = spans.filter((other) => other.label !== span.label || !spansOverlap(other, span));
  return [...kept, span].sort(compareSpans);
}

export function removeSpan(spans: readonly TextSpan[], index: number): TextSpan[] {
  return spans.filter((_, at) => at !== index);
}

/** Gives a span another label (replacing any overlapping span that already has that label). */
export function relabelSpan(
  spans: readonly TextSpan[],
  model: TextModel,
  index: number,
  label: string,
): TextSpan[] {
  const span = spans[index];
  if (!span || span.label === label) return [...spans];
  return addSpan(removeSpan(spans, index), model, { start: span.start, end: span.end, label });
}

/**
 * The span the caret is in (its edges included, so the span just made is the one Delete removes);
 * the shortest wins where spans nest. -1 when none.
 */
export function spanAtCaret(spans: readonly TextSpan[], offset: number): number {
  let best = -1;
  spans.forEach((span, index) => {
    if (span.start > offset || span.end < offset) return;
    const current = spans[best];
    if (!current || span.end - span.start <= current.end - current.start) best = index;
  });
  return best;
}

/**
 * Stored spans that still fit this text and project; the rest are dropped (a draft never blocks
 * the HITer). Same-label overlaps are resolved as `addSpan` would.
 */
export function keepValidSpans(
  spans: readonly TextSpan[],
  text: string,
  labels: readonly SpanLabel[],
): TextSpan[] {
  const length = codePointLength(text);
  const known = new Set(labels.map((label) => label.code));
  const valid = spans.filter(
    (span) =>
      known.has(span.label) &&
      span.start >= 0 &&
      span.end > span.start &&
      span.end <= length &&
      sliceCodePoints(text, span.start, span.end) === span.text,
  );
  const result: TextSpan[] = [];
  for (const span of valid) {
    if (!result.some((other) => other.label === span.label && spansOverlap(other, span))) result.push(span);
  }
  return result.sort(compareSpans);
}

/** A piece of the text with the same spans and selection all along, for drawing highlights. */
export type Segment = { start: number; end: number; spans: number[]; selected: boolean };

/** Cuts the text at every span and selection edge. Empty pieces are left out. */
export function segmentText(
  length: number,
  spans: readonly TextSpan[],
  selection: { start: number; end: number } | null,
): Segment[] {
  const cuts = new Set([0, length]);
  for (const span of spans) {
    cuts.add(Math.min(span.start, length));
    cuts.add(Math.min(span.end, length));
  }
  if (selection) {
    cuts.add(selection.start);
    cuts.add(selection.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? length;
    if (end <= start) continue;
    const covering = spans.flatMap((span, index) => (span.start <= start && span.end >= end ? [index] : []));
    const selected = selection !== null && selection.start <= start && selection.end >= end;
    segments.push({ start, end, spans: covering, selected });
  }
  return segments;
}
