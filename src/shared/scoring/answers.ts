import type { AudioTranscriptionAnswer, AudioValidationAnswer } from '../domain/kinds/audio';
import type { FormAnswer } from '../domain/kinds/form';
import type { ImageAnswer, ImageItem, Shape } from '../domain/kinds/image';
import type { TextModerationAnswer } from '../domain/kinds/text-moderation';
import type { TaskKind } from '../domain/task-kinds';
import { sameValue, setAgreement } from './exact';
import { boxIoU, boxToPolygon, pointScore, polygonIoU, type Polygon } from './geometry';
import { greedyMatch, softF1 } from './matching';
import { spanF1 } from './spans';
import { transcriptErrorRate } from './text';

/** A score in 0..1 and the parts it is the mean of, for showing a HITer what went right or wrong. */
export type AnswerScore = { score: number; parts: Record<string, number> };

/** Shapes (or segments) closer than this are not the same object. */
export const MATCH_THRESHOLD = 0.5;
/** A point within this share of the image diagonal counts, with a score falling to 0 at the edge. */
export const POINT_TOLERANCE = 0.02;

/**
 * How close `answer` is to `reference`, both valid answers of `kind` (for a honeypot the reference
 * is the gold answer). Kinds:
 * - image: shapes matched per label (IoU for boxes and polygons, distance for points), soft F1;
 *   classes by Jaccard. The mean of the parts the project uses.
 * - text_moderation: 0 when the decision differs; otherwise the mean of decision (1), reason (when
 *   rejecting) and span F1 (when either marks spans).
 * - audio_transcription: 1 − WER of the whole transcript (floored at 0; CER when the reference has
 *   fewer than five words: short clips, scripts without spaces), and segment F1 by time IoU.
 * - audio_validation: the verdict (and the reason of an invalid one).
 * - form: the share of the reference's fields with the same value.
 * - audio_recording: no reference answer exists; always 1.
 */
export function scoreAnswer(
  kind: TaskKind,
  reference: unknown,
  answer: unknown,
  item?: unknown,
): AnswerScore {
  switch (kind) {
    case 'image':
      return scoreImage(reference as ImageAnswer, answer as ImageAnswer, item as ImageItem | undefined);
    case 'text_moderation':
      return scoreModeration(reference as TextModerationAnswer, answer as TextModerationAnswer);
    case 'audio_transcription':
      return scoreTranscription(reference as AudioTranscriptionAnswer, answer as AudioTranscriptionAnswer);
    case 'audio_validation':
      return scoreValidation(reference as AudioValidationAnswer, answer as AudioValidationAnswer);
    case 'form':
      return scoreForm(reference as FormAnswer, answer as FormAnswer);
    case 'audio_recording':
      return { score: 1, parts: {} };
  }
}

function mean(parts: Record<string, number>): AnswerScore {
  const values = Object.values(parts);
  const score = values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    score: round(score),
    parts: Object.fromEntries(Object.entries(parts).map(([key, value]) => [key, round(value)])),
  };
}

const round = (value: number) => Math.round(Math.max(0, Math.min(1, value)) * 10_000) / 10_000;

/** Similarity of two shapes of the same label: IoU for areas (a box against a polygon too), proximity for points. */
export function shapeSimilarity(a: Shape, b: Shape, tolerance: number): number {
  if (a.label !== b.label) return 0;
  if (a.type === 'point' || b.type === 'point') {
    return a.type === 'point' && b.type === 'point' ? pointScore([a.x, a.y], [b.x, b.y], tolerance) : 0;
  }
  if (a.type === 'box' && b.type === 'box') return boxIoU(a, b);
  return polygonIoU(areaOf(a), areaOf(b));
}

function areaOf(shape: Shape): Polygon {
  if (shape.type === 'box') return boxToPolygon(shape);
  if (shape.type === 'polygon') return shape.points;
  return [];
}

/** Points are judged against a tolerance that grows with the image (2% of its diagonal; 10 px without one). */
export function pointTolerance(item?: ImageItem): number {
  if (!item) return 10;
  return Math.hypot(item.image.width, item.image.height) * POINT_TOLERANCE;
}

/** Soft F1 of two lists of shapes (see `greedyMatch`). */
export function shapesF1(reference: readonly Shape[], answer: readonly Shape[], tolerance: number): number {
  const matches = greedyMatch(reference, answer, (a, b) => shapeSimilarity(a, b, tolerance), MATCH_THRESHOLD);
  return softF1(matches, reference.length, answer.length);
}

function scoreImage(reference: ImageAnswer, answer: ImageAnswer, item?: ImageItem): AnswerScore {
  const parts: Record<string, number> = {};
  const refShapes = reference.shapes ?? [];
  const ansShapes = answer.shapes ?? [];
  const refClasses = reference.classes ?? [];
  const ansClasses = answer.classes ?? [];
  if (refShapes.length > 0 || ansShapes.length > 0 || (refClasses.length === 0 && ansClasses.length === 0)) {
    parts.shapes = shapesF1(refShapes, ansShapes, pointTolerance(item));
  }
  if (refClasses.length > 0 || ansClasses.length > 0) parts.classes = setAgreement(refClasses, ansClasses);
  return mean(parts);
}

function scoreModeration(reference: TextModerationAnswer, answer: TextModerationAnswer): AnswerScore {
  if (reference.decision !== answer.decision) return { score: 0, parts: { decision: 0 } };
  const parts: Record<string, number> = { decision: 1 };
  if (reference.decision === 'reject') parts.reason = reference.reason === answer.reason ? 1 : 0;
  const refSpans = reference.spans ?? [];
  const ansSpans = answer.spans ?? [];
  if (refSpans.length > 0 || ansSpans.length > 0) parts.spans = spanF1(refSpans, ansSpans);
  return mean(parts);
}

/** The transcript of an answer: its segments' texts in time order. */
export function transcriptOf(answer: AudioTranscriptionAnswer): string {
  return [...answer.segments]
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)
    .map((segment) => segment.text)
    .join(' ');
}

function timeIoU(a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }): number {
  const inter = Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);
  if (inter <= 0) return 0;
  const union = Math.max(a.endMs, b.endMs) - Math.min(a.startMs, b.startMs);
  return union > 0 ? inter / union : 0;
}

function scoreTranscription(
  reference: AudioTranscriptionAnswer,
  answer: AudioTranscriptionAnswer,
): AnswerScore {
  const matches = greedyMatch(
    reference.segments,
    answer.segments,
    (a, b) => (a.label === b.label ? timeIoU(a, b) : 0),
    MATCH_THRESHOLD,
  );
  const parts: Record<string, number> = {
    segments: softF1(matches, reference.segments.length, answer.segments.length),
  };
  const refText = transcriptOf(reference);
  const ansText = transcriptOf(answer);
  if (refText.trim() !== '' || ansText.trim() !== '')
    parts.transcript = 1 - Math.min(1, transcriptErrorRate(refText, ansText));
  return mean(parts);
}

function scoreValidation(reference: AudioValidationAnswer, answer: AudioValidationAnswer): AnswerScore {
  if (reference.verdict !== answer.verdict) return { score: 0, parts: { verdict: 0 } };
  const parts: Record<string, number> = { verdict: 1 };
  if (reference.verdict === 'invalid') parts.reason = reference.reason === answer.reason ? 1 : 0;
  return mean(parts);
}

function scoreForm(reference: FormAnswer, answer: FormAnswer): AnswerScore {
  const parts: Record<string, number> = {};
  for (const [code, value] of Object.entries(reference.values)) {
    parts[`values.${code}`] = sameValue(value, answer.values[code]) ? 1 : 0;
  }
  return mean(parts);
}

/** Mean score over every pair of answers: how much the workers agree (1 with fewer than two answers). */
export function pairwiseAgreement(kind: TaskKind, answers: readonly unknown[], item?: unknown): number {
  if (answers.length < 2) return 1;
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < answers.length; i += 1) {
    for (let j = i + 1; j < answers.length; j += 1) {
      // Averaged both ways: soft F1 is symmetric, but a reference-led part (form fields) is not.
      total +=
        (scoreAnswer(kind, answers[i], answers[j], item).score +
          scoreAnswer(kind, answers[j], answers[i], item).score) /
        2;
      pairs += 1;
    }
  }
  return round(total / pairs);
}
