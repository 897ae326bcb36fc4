import type { Segment } from '../../../shared/domain/kinds/audio';

/**
 * Segment editing for transcription, free of wavesurfer and React: every operation takes an
 * immutable document and returns a new one (unchanged segments are shared, so undo patches stay
 * small), or says why it cannot be done. Segments are kept sorted by start time.
 */
export type TranscriptionDoc = { segments: Segment[] };

export type SegmentRules = {
  /** Length of the recording: no segment goes past it. */
  durationMs: number;
  minSegmentMs: number;
  allowOverlap: boolean;
};

/** Why an edit was refused, for a message the HITer understands. */
export type SegmentProblem = 'too_short' | 'no_room' | 'not_found' | 'nothing_to_merge';

export type EditResult =
  { ok: true; doc: TranscriptionDoc; id: string } | { ok: false; problem: SegmentProblem };

export const EMPTY_TRANSCRIPTION: TranscriptionDoc = { segments: [] };

const refuse = (problem: SegmentProblem): EditResult => ({ ok: false, problem });

const byTime = (a: Segment, b: Segment) => a.startMs - b.startMs || a.endMs - b.endMs;

function withSegments(doc: TranscriptionDoc, segments: Segment[]): TranscriptionDoc {
  return { ...doc, segments: segments.sort(byTime) };
}

function clampMs(value: number, rules: SegmentRules): number {
  return Math.max(0, Math.min(rules.durationMs, Math.round(value)));
}

export function findSegment(doc: TranscriptionDoc, id: string): Segment | undefined {
  return doc.segments.find((segment) => segment.id === id);
}

/** The segment under a time (the latest-starting one where segments overlap). */
export function segmentAt(doc: TranscriptionDoc, ms: number): Segment | undefined {
  let found: Segment | undefined;
  for (const segment of doc.segments) {
    if (segment.startMs > ms) break;
    if (ms < segment.endMs) found = segment;
  }
  return found;
}

/** The next (`1`) or previous (`-1`) segment in time from `id`, or the first/last with no `id`. */
export function neighbourOf(
  doc: TranscriptionDoc,
  id: string | null,
  direction: 1 | -1,
): Segment | undefined {
  const { segments } = doc;
  if (id === null) return direction === 1 ? segments[0] : segments.at(-1);
  const index = segments.findIndex((segment) => segment.id === id);
  if (index < 0) return undefined;
  return segments[index + direction];
}

/**
 * The free stretch of time around `ms` where a segment may lie without overlapping another
 * (everything except `ignoreId`), or null when `ms` falls inside a segment.
 */
export function gapAround(
  doc: TranscriptionDoc,
  ms: number,
  rules: SegmentRules,
  ignoreId?: string,
): { startMs: number; endMs: number } | null {
  let startMs = 0;
  let endMs = rules.durationMs;
  for (const segment of doc.segments) {
    if (segment.id === ignoreId) continue;
    if (segment.startMs <= ms && ms < segment.endMs) return null;
    if (segment.endMs <= ms) startMs = Math.max(startMs, segment.endMs);
    if (segment.startMs > ms) endMs = Math.min(endMs, segment.startMs);
  }
  return { startMs, endMs };
}

/**
 * A new segment from `startMs` to `endMs` (either order: a drag may go leftwards). Without overlap
 * it is confined to the free stretch where the drag began (`startMs`).
 */
export function createSegment(
  doc: TranscriptionDoc,
  input: { id: string; startMs: number; endMs: number; label: string },
  rules: SegmentRules,
): EditResult {
  const anchor = clampMs(input.startMs, rules);
  const other = clampMs(input.endMs, rules);
  let startMs = Math.min(anchor, other);
  let endMs = Math.max(anchor, other);
  if (!rules.allowOverlap) {
    const gap = gapAround(doc, anchor === rules.durationMs ? anchor - 1 : anchor, rules);
    if (gap === null) return refuse('no_room');
    startMs = Math.max(startMs, gap.startMs);
    endMs = Math.min(endMs, gap.endMs);
  }
  if (endMs - startMs < rules.minSegmentMs) return refuse('too_short');
  const segment: Segment = { id: input.id, startMs, endMs, label: input.label, text: '' };
  return { ok: true, id: input.id, doc: withSegments(doc, [...doc.segments, segment]) };
}

/**
 * A new segment starting at the playhead, `lengthMs` long or up to the next segment, for the
 * keyboard. Inside an existing segment it is refused (split that one instead).
 */
export function insertSegmentAt(
  doc: TranscriptionDoc,
  input: { id: string; atMs: number; lengthMs: number; label: string },
  rules: SegmentRules,
): EditResult {
  const startMs = Math.min(clampMs(input.atMs, rules), rules.durationMs - rules.minSegmentMs);
  return createSegment(doc, { ...input, startMs, endMs: startMs + input.lengthMs }, rules);
}

/**
 * Moves one or both edges of a segment. Edges are held within the recording, at least
 * `minSegmentMs` apart, and (without overlap) between the neighbours.
 */
export function resizeSegment(
  doc: TranscriptionDoc,
  id: string,
  edges: { startMs?: number; endMs?: number },
  rules: SegmentRules,
): EditResult {
  const segment = findSegment(doc, id);
  if (!segment) return refuse('not_found');
  let low = 0;
  let high = rules.durationMs;
  if (!rules.allowOverlap) {
    for (const other of doc.segments) {
      if (other.id === id) continue;
      if (other.endMs <= segment.startMs) low = Math.max(low, other.endMs);
      else if (other.startMs >= segment.endMs) high = Math.min(high, other.startMs);
    }
  }
  if (high - low < rules.minSegmentMs) return refuse('too_short');
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));
  let startMs = segment.startMs;
  let endMs = segment.endMs;
  // An edge dragged past the other one stops at the minimum length; the other edge stays put.
  if (edges.startMs !== undefined && edges.endMs !== undefined) {
    startMs = clamp(edges.startMs, low, high - rules.minSegmentMs);
    endMs = clamp(edges.endMs, startMs + rules.minSegmentMs, high);
  } else if (edges.startMs !== undefined) {
    endMs = Math.min(endMs, high);
    startMs = clamp(edges.startMs, low, endMs - rules.minSegmentMs);
  } else if (edges.endMs !== undefined) {
    startMs = Math.max(startMs, low);
    endMs = clamp(edges.endMs, startMs + rules.minSegmentMs, high);
  }
  if (startMs === segment.startMs && endMs === segment.endMs) return { ok: true, id, doc };
  return replaceSegment(doc, { ...segment, startMs, endMs });
}

/** Slides a whole segment to start at `startMs`, keeping its length, stopping at the neighbours. */
export function moveSegment(
  doc: TranscriptionDoc,
  id: string,
  startMs: number,
  rules: SegmentRules,
): EditResult {
  const segment = findSegment(doc, id);
  if (!segment) return refuse('not_found');
  const length = segment.endMs - segment.startMs;
  let low = 0;
  let high = rules.durationMs;
  if (!rules.allowOverlap) {
    for (const other of doc.segments) {
      if (other.id === id) continue;
      if (other.endMs <= segment.startMs) low = Math.max(low, other.endMs);
      else if (other.startMs >= segment.endMs) high = Math.min(high, other.startMs);
    }
  }
  const start = Math.max(low, Math.min(Math.round(startMs), high - length));
  if (start === segment.startMs) return { ok: true, id, doc };
  return replaceSegment(doc, { ...segment, startMs: start, endMs: start + length });
}

/**
 * Cuts a segment in two at `atMs`. Both halves keep the label; the transcript is cut at
 * `textAt` (the caret) when given, otherwise it stays with the first half.
 */
export function splitSegment(
  doc: TranscriptionDoc,
  id: string,
  atMs: number,
  newId: string,
  rules: SegmentRules,
  textAt?: number,
): EditResult {
  const segment = findSegment(doc, id);
  if (!segment) return refuse('not_found');
  const at = Math.round(atMs);
  if (at - segment.startMs < rules.minSegmentMs || segment.endMs - at < rules.minSegmentMs) {
    return refuse('too_short');
  }
  const cut = textAt === undefined ? segment.text.length : Math.max(0, Math.min(textAt, segment.text.length));
  const first: Segment = { ...segment, endMs: at, text: segment.text.slice(0, cut).trimEnd() };
  const second: Segment = {
    id: newId,
    startMs: at,
    endMs: segment.endMs,
    label: segment.label,
    text: segment.text.slice(cut).trimStart(),
  };
  const others = doc.segments.filter((entry) => entry.id !== id);
  return { ok: true, id: newId, doc: withSegments(doc, [...others, first, second]) };
}

/** Joins a segment with the next one in time: the first's label, both transcripts. */
export function mergeWithNext(doc: TranscriptionDoc, id: string): EditResult {
  const segment = findSegment(doc, id);
  if (!segment) return refuse('not_found');
  const next = neighbourOf(doc, id, 1);
  if (!next) return refuse('nothing_to_merge');
  const text = [segment.text.trim(), next.text.trim()].filter((part) => part !== '').join(' ');
  const merged: Segment = {
    ...segment,
    startMs: Math.min(segment.startMs, next.startMs),
    endMs: Math.max(segment.endMs, next.endMs),
    text,
  };
  const others = doc.segments.filter((entry) => entry.id !== id && entry.id !== next.id);
  return { ok: true, id, doc: withSegments(doc, [...others, merged]) };
}

export function deleteSegment(doc: TranscriptionDoc, id: string): EditResult {
  if (!findSegment(doc, id)) return refuse('not_found');
  const remaining = doc.segments.filter((segment) => segment.id !== id);
  return { ok: true, id, doc: { ...doc, segments: remaining } };
}

export function setSegmentLabel(doc: TranscriptionDoc, id: string, label: string): EditResult {
  const segment = findSegment(doc, id);
  if (!segment) return refuse('not_found');
  if (segment.label === label) return { ok: true, id, doc };
  return replaceSegment(doc, { ...segment, label });
}

export function setSegmentText(doc: TranscriptionDoc, id: string, text: string): EditResult {
  const segment = findSegment(doc, id);
  if (!segment) return refuse('not_found');
  if (segment.text === text) return { ok: true, id, doc };
  return replaceSegment(doc, { ...segment, text });
}

/** Swaps one segment in place (re-sorting only when its start moved past a neighbour). */
function replaceSegment(doc: TranscriptionDoc, next: Segment): EditResult {
  const segments = doc.segments.map((segment) => (segment.id === next.id ? next : segment));
  const sorted = segments.every(
    (segment, index) => index === 0 || byTime(segments[index - 1]!, segment) <= 0,
  );
  return { ok: true, id: next.id, doc: sorted ? { ...doc, segments } : withSegments(doc, segments) };
}
