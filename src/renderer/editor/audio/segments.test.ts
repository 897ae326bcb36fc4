import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSegment,
  deleteSegment,
  EMPTY_TRANSCRIPTION,
  gapAround,
  insertSegmentAt,
  mergeWithNext,
  moveSegment,
  neighbourOf,
  resizeSegment,
  segmentAt,
  setSegmentLabel,
  setSegmentText,
  splitSegment,
  type EditResult,
  type SegmentRules,
  type TranscriptionDoc,
} from './segments';

const rules: SegmentRules = { durationMs: 10_000, minSegmentMs: 200, allowOverlap: false };

function ok(result: EditResult): TranscriptionDoc {
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result.doc;
}

/** Two segments: a 1–3 s, b 5–7 s. */
function twoSegments(): TranscriptionDoc {
  let doc = ok(
    createSegment(EMPTY_TRANSCRIPTION, { id: 'b', startMs: 5000, endMs: 7000, label: 'speech' }, rules),
  );
  doc = ok(createSegment(doc, { id: 'a', startMs: 1000, endMs: 3000, label: 'speech' }, rules));
  return doc;
}

const spans = (doc: TranscriptionDoc) => doc.segments.map((s) => [s.id, s.startMs, s.endMs]);

describe('creating segments', () => {
  it('keeps them sorted by start, with empty transcripts', () => {
    const doc = twoSegments();
    expect(spans(doc)).toEqual([
      ['a', 1000, 3000],
      ['b', 5000, 7000],
    ]);
    expect(doc.segments.every((s) => s.text === '')).toBe(true);
  });

  it('accepts a drag made leftwards and rounds to whole milliseconds', () => {
    const doc = ok(
      createSegment(EMPTY_TRANSCRIPTION, { id: 'x', startMs: 2500.4, endMs: 1200.6, label: 'noise' }, rules),
    );
    expect(spans(doc)).toEqual([['x', 1201, 2500]]);
  });

  it('confines a new segment to the free stretch where the drag began', () => {
    const doc = ok(
      createSegment(twoSegments(), { id: 'c', startMs: 4000, endMs: 9000, label: 'speech' }, rules),
    );
    expect(spans(doc).find(([id]) => id === 'c')).toEqual(['c', 4000, 5000]);
    const leftwards = ok(
      createSegment(twoSegments(), { id: 'd', startMs: 4000, endMs: 0, label: 'speech' }, rules),
    );
    expect(spans(leftwards).find(([id]) => id === 'd')).toEqual(['d', 3000, 4000]);
  });

  it('refuses to start inside a segment, or a segment shorter than the minimum', () => {
    expect(createSegment(twoSegments(), { id: 'c', startMs: 2000, endMs: 4000, label: 'x' }, rules)).toEqual({
      ok: false,
      problem: 'no_room',
    });
    expect(createSegment(twoSegments(), { id: 'c', startMs: 3000, endMs: 3100, label: 'x' }, rules)).toEqual({
      ok: false,
      problem: 'too_short',
    });
    // Dragged into the next segment: what is left of the gap is too short.
    expect(createSegment(twoSegments(), { id: 'c', startMs: 4900, endMs: 6000, label: 'x' }, rules)).toEqual({
      ok: false,
      problem: 'too_short',
    });
  });

  it('lets segments overlap when the project allows it', () => {
    const doc = ok(
      createSegment(
        twoSegments(),
        { id: 'c', startMs: 2000, endMs: 6000, label: 'x' },
        { ...rules, allowOverlap: true },
      ),
    );
    expect(spans(doc)).toEqual([
      ['a', 1000, 3000],
      ['c', 2000, 6000],
      ['b', 5000, 7000],
    ]);
  });

  it('clamps to the recording', () => {
    const doc = ok(
      createSegment(EMPTY_TRANSCRIPTION, { id: 'x', startMs: 9000, endMs: 12_000, label: 'x' }, rules),
    );
    expect(spans(doc)).toEqual([['x', 9000, 10_000]]);
  });

  it('inserts at the playhead up to the next segment, and not inside one', () => {
    const doc = ok(
      insertSegmentAt(twoSegments(), { id: 'c', atMs: 3500, lengthMs: 3000, label: 'x' }, rules),
    );
    expect(spans(doc).find(([id]) => id === 'c')).toEqual(['c', 3500, 5000]);
    expect(
      insertSegmentAt(twoSegments(), { id: 'c', atMs: 1500, lengthMs: 3000, label: 'x' }, rules).ok,
    ).toBe(false);
    const atEnd = ok(
      insertSegmentAt(EMPTY_TRANSCRIPTION, { id: 'e', atMs: 10_000, lengthMs: 3000, label: 'x' }, rules),
    );
    expect(spans(atEnd)).toEqual([['e', 9800, 10_000]]);
  });
});

describe('resizing and moving', () => {
  it('stops an edge at the neighbour', () => {
    const doc = ok(resizeSegment(twoSegments(), 'a', { endMs: 6000 }, rules));
    expect(spans(doc)[0]).toEqual(['a', 1000, 5000]);
    const back = ok(resizeSegment(twoSegments(), 'b', { startMs: 500 }, rules));
    expect(spans(back)[1]).toEqual(['b', 3000, 7000]);
  });

  it('stops an edge dragged past the other one at the minimum length, the other edge staying put', () => {
    const doc = ok(resizeSegment(twoSegments(), 'a', { startMs: 2900 }, rules));
    expect(spans(doc)[0]).toEqual(['a', 1000 + 1800, 3000]);
    const end = ok(resizeSegment(twoSegments(), 'a', { endMs: 0 }, rules));
    expect(spans(end)[0]).toEqual(['a', 1000, 1200]);
  });

  it('returns the same document when nothing changes', () => {
    const doc = twoSegments();
    expect(ok(resizeSegment(doc, 'a', { startMs: 1000 }, rules))).toBe(doc);
  });

  it('slides a segment, keeping its length, between its neighbours', () => {
    const doc = ok(moveSegment(twoSegments(), 'a', 4000, rules));
    expect(spans(doc)[0]).toEqual(['a', 3000, 5000]);
    const left = ok(moveSegment(twoSegments(), 'b', 0, rules));
    expect(spans(left)[1]).toEqual(['b', 3000, 5000]);
  });

  it('shares the unchanged segments (small undo patches)', () => {
    const doc = twoSegments();
    const next = ok(resizeSegment(doc, 'b', { endMs: 8000 }, rules));
    expect(next.segments[0]).toBe(doc.segments[0]);
  });
});

describe('split, merge, delete, label, text', () => {
  it('splits at a time, cutting the transcript at the caret', () => {
    let doc = ok(setSegmentText(twoSegments(), 'a', 'hello there world'));
    doc = ok(splitSegment(doc, 'a', 2000, 'a2', rules, 11));
    expect(doc.segments.slice(0, 2)).toEqual([
      { id: 'a', startMs: 1000, endMs: 2000, label: 'speech', text: 'hello there' },
      { id: 'a2', startMs: 2000, endMs: 3000, label: 'speech', text: 'world' },
    ]);
  });

  it('refuses a split that leaves a piece shorter than the minimum', () => {
    expect(splitSegment(twoSegments(), 'a', 1100, 'n', rules)).toEqual({ ok: false, problem: 'too_short' });
    expect(splitSegment(twoSegments(), 'zz', 2000, 'n', rules)).toEqual({ ok: false, problem: 'not_found' });
  });

  it('merges with the next segment, joining the transcripts', () => {
    let doc = ok(setSegmentText(twoSegments(), 'a', 'bonjour '));
    doc = ok(setSegmentText(doc, 'b', ' à tous'));
    doc = ok(setSegmentLabel(doc, 'b', 'noise'));
    const merged = ok(mergeWithNext(doc, 'a'));
    expect(merged.segments).toEqual([
      { id: 'a', startMs: 1000, endMs: 7000, label: 'speech', text: 'bonjour à tous' },
    ]);
    expect(mergeWithNext(merged, 'a')).toEqual({ ok: false, problem: 'nothing_to_merge' });
  });

  it('deletes', () => {
    expect(spans(ok(deleteSegment(twoSegments(), 'a')))).toEqual([['b', 5000, 7000]]);
    expect(deleteSegment(twoSegments(), 'nope').ok).toBe(false);
  });
});

describe('finding segments', () => {
  it('finds the segment under a time, neighbours and gaps', () => {
    const doc = twoSegments();
    expect(segmentAt(doc, 1500)?.id).toBe('a');
    expect(segmentAt(doc, 3000)).toBeUndefined();
    expect(neighbourOf(doc, 'a', 1)?.id).toBe('b');
    expect(neighbourOf(doc, 'a', -1)).toBeUndefined();
    expect(neighbourOf(doc, null, -1)?.id).toBe('b');
    expect(gapAround(doc, 4000, rules)).toEqual({ startMs: 3000, endMs: 5000 });
    expect(gapAround(doc, 2000, rules)).toBeNull();
    expect(gapAround(doc, 2000, rules, 'a')).toEqual({ startMs: 0, endMs: 5000 });
  });
});

describe('without overlap, any sequence of edits', () => {
  type Op =
    | { op: 'create'; start: number; end: number }
    | { op: 'resize'; pick: number; start?: number; end?: number }
    | { op: 'move'; pick: number; start: number }
    | { op: 'split'; pick: number; at: number }
    | { op: 'merge'; pick: number }
    | { op: 'delete'; pick: number };
  const ms = fc.integer({ min: -500, max: 11_000 });
  const pick = fc.nat(20);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('create' as const), start: ms, end: ms }),
    fc.record({
      op: fc.constant('resize' as const),
      pick,
      start: fc.option(ms, { nil: undefined }),
      end: fc.option(ms, { nil: undefined }),
    }),
    fc.record({ op: fc.constant('move' as const), pick, start: ms }),
    fc.record({ op: fc.constant('split' as const), pick, at: ms }),
    fc.record({ op: fc.constant('merge' as const), pick }),
    fc.record({ op: fc.constant('delete' as const), pick }),
  );

  it('leaves sorted segments, inside the recording, at least the minimum long, never overlapping', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let doc = EMPTY_TRANSCRIPTION;
        let counter = 0;
        for (const step of ops) {
          const target = doc.segments[('pick' in step ? step.pick : 0) % Math.max(1, doc.segments.length)];
          let result: EditResult | null = null;
          if (step.op === 'create') {
            result = createSegment(
              doc,
              { id: `n${counter++}`, startMs: step.start, endMs: step.end, label: 'x' },
              rules,
            );
          } else if (target) {
            if (step.op === 'resize') {
              const edges = {
                ...(step.start !== undefined && { startMs: step.start }),
                ...(step.end !== undefined && { endMs: step.end }),
              };
              result = resizeSegment(doc, target.id, edges, rules);
            }
            if (step.op === 'move') result = moveSegment(doc, target.id, step.start, rules);
            if (step.op === 'split') result = splitSegment(doc, target.id, step.at, `n${counter++}`, rules);
            if (step.op === 'delete') result = deleteSegment(doc, target.id);
            // Merging two separate segments covers the gap between them: still no overlap.
            if (step.op === 'merge') result = mergeWithNext(doc, target.id);
          }
          if (result?.ok) doc = result.doc;
        }
        const { segments } = doc;
        segments.forEach((segment, index) => {
          expect(segment.startMs).toBeGreaterThanOrEqual(0);
          expect(segment.endMs).toBeLessThanOrEqual(rules.durationMs);
          expect(segment.endMs - segment.startMs).toBeGreaterThanOrEqual(rules.minSegmentMs);
          if (index > 0) expect(segment.startMs).toBeGreaterThanOrEqual(segments[index - 1]!.endMs);
        });
        expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
      }),
      { numRuns: 300 },
    );
  });
});
