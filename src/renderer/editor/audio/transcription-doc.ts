import { z } from 'zod';
import {
  checkAudioTranscriptionAnswer,
  segmentSchema,
  type AudioTranscriptionAnswer,
  type AudioTranscriptionConfig,
  type AudioTranscriptionItem,
} from '../../../shared/domain/kinds/audio';
import type { SegmentRules, TranscriptionDoc } from './segments';

const docSchema = z.object({ segments: z.array(segmentSchema) });

/**
 * A stored transcription draft as a document, or null when it does not read (the task then starts
 * empty rather than blocking the HITer). Segments are re-sorted; labels the project no longer has
 * are kept, and flagged by `transcriptionProblems`, so no typed text is lost.
 */
export function readTranscriptionDoc(value: unknown): TranscriptionDoc | null {
  const parsed = docSchema.safeParse(value);
  if (!parsed.success) return null;
  const segments = [...parsed.data.segments].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return { segments };
}

export function rulesOf(config: AudioTranscriptionConfig, item: AudioTranscriptionItem): SegmentRules {
  return {
    durationMs: item.audio.durationMs,
    minSegmentMs: config.minSegmentMs,
    allowOverlap: config.allowOverlap,
  };
}

/** What stands between the draft and a submission, segment by segment. */
export type TranscriptionProblem =
  | { type: 'no_segments' }
  | { type: 'untranscribed'; segmentId: string }
  | { type: 'unknown_label'; segmentId: string }
  | { type: 'too_short'; segmentId: string }
  | { type: 'past_end'; segmentId: string }
  | { type: 'overlap'; segmentId: string };

/**
 * The same rules the queue applies (`checkAudioTranscriptionAnswer`), said per segment so the
 * screen can point at the one to fix.
 */
export function transcriptionProblems(
  doc: TranscriptionDoc,
  config: AudioTranscriptionConfig,
  item: AudioTranscriptionItem,
): TranscriptionProblem[] {
  if (doc.segments.length === 0) return [{ type: 'no_segments' }];
  const problems: TranscriptionProblem[] = [];
  const labels = new Map(config.labels.map((label) => [label.code, label]));
  doc.segments.forEach((segment, index) => {
    const label = labels.get(segment.label);
    if (!label) problems.push({ type: 'unknown_label', segmentId: segment.id });
    else if (label.transcribe && segment.text.trim() === '') {
      problems.push({ type: 'untranscribed', segmentId: segment.id });
    }
    if (segment.endMs - segment.startMs < config.minSegmentMs) {
      problems.push({ type: 'too_short', segmentId: segment.id });
    }
    if (segment.endMs > item.audio.durationMs) problems.push({ type: 'past_end', segmentId: segment.id });
    const previous = doc.segments[index - 1];
    if (!config.allowOverlap && previous && segment.startMs < previous.endMs) {
      problems.push({ type: 'overlap', segmentId: segment.id });
    }
  });
  return problems;
}

/** The answer the document makes, once the queue's own check passes; null until then. */
export function transcriptionAnswerOf(
  doc: TranscriptionDoc,
  config: AudioTranscriptionConfig,
  item: AudioTranscriptionItem,
): AudioTranscriptionAnswer | null {
  if (doc.segments.length === 0) return null;
  const answer: AudioTranscriptionAnswer = {
    segments: doc.segments.map((segment) => ({ ...segment, text: segment.text.trim() })),
  };
  return checkAudioTranscriptionAnswer(config, item, answer).length === 0 ? answer : null;
}
