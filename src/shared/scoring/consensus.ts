import type { AudioTranscriptionAnswer, AudioValidationAnswer } from '../domain/kinds/audio';
import type { FormAnswer, FormValue } from '../domain/kinds/form';
import type { ImageAnswer, ImageItem, Shape } from '../domain/kinds/image';
import type { TextModerationAnswer, TextModerationItem, TextSpan } from '../domain/kinds/text-moderation';
import type { TaskKind } from '../domain/task-kinds';
import { sliceCodePoints } from '../domain/text-spans';
import { pairwiseAgreement, pointTolerance, shapeSimilarity, MATCH_THRESHOLD, transcriptOf } from './answers';
import { majority, normalizeValue } from './exact';
import { polygonIoU } from './geometry';
import { characterErrorRate, transcriptMeasure, wordErrorRate } from './text';

/** What several workers' answers to one item come to: one answer and how much they agreed (0..1). */
export type Consensus = { answer: unknown; agreement: number; answers: number };

/**
 * The aggregated answer of an item answered by several workers (overlap > 1):
 * - decisions, verdicts and classes by majority (ties: the answer given first);
 * - image shapes matched across workers by IoU (distance for points); a shape kept by a majority is
 *   fused: boxes and points averaged, a polygon by its medoid (the member closest to the others);
 * - text spans: the characters a majority marked with a label;
 * - transcripts: the answer closest to the others by WER (CER when every transcript is short:
 *   fewer than five words, as honeypot scoring does);
 * - form fields by majority of normalised values.
 * `agreement` is the mean pairwise score (see `pairwiseAgreement`). Recordings have none (null answer).
 */
export function aggregateAnswers(
  kind: TaskKind,
  answers: readonly unknown[],
  item?: unknown,
): Consensus | null {
  if (answers.length === 0) return null;
  const agreement = pairwiseAgreement(kind, answers, item);
  const answer = aggregate(kind, answers, item);
  return { answer, agreement, answers: answers.length };
}

function aggregate(kind: TaskKind, answers: readonly unknown[], item?: unknown): unknown {
  switch (kind) {
    case 'text_moderation':
      return moderation(answers as TextModerationAnswer[], item as TextModerationItem | undefined);
    case 'audio_validation':
      return validation(answers as AudioValidationAnswer[]);
    case 'image':
      return image(answers as ImageAnswer[], item as ImageItem | undefined);
    case 'audio_transcription':
      return transcription(answers as AudioTranscriptionAnswer[]);
    case 'form':
      return form(answers as FormAnswer[]);
    case 'audio_recording':
      return null;
  }
}

function moderation(answers: TextModerationAnswer[], item?: TextModerationItem): TextModerationAnswer {
  const decision = majority(answers.map((answer) => answer.decision))?.value ?? 'escalate';
  const result: TextModerationAnswer = { decision, spans: [] };
  if (decision === 'reject') {
    const reason = majority(
      answers.filter((a) => a.decision === 'reject').flatMap((a) => (a.reason ? [a.reason] : [])),
    );
    if (reason) result.reason = reason.value;
  }
  result.spans = majoritySpans(
    answers.map((answer) => answer.spans ?? []),
    item?.text,
  );
  return result;
}

/** Runs of code points that more than half of the answers marked with the same label. */
export function majoritySpans(spanLists: ReadonlyArray<readonly TextSpan[]>, text?: string): TextSpan[] {
  const needed = spanLists.length / 2;
  const votes = new Map<string, Map<number, number>>();
  for (const spans of spanLists) {
    const seen = new Set<string>();
    for (const span of spans) {
      for (let i = span.start; i < span.end; i += 1) {
        const key = `${span.label}\u0000${i}`;
        if (seen.has(key)) continue; // one vote per worker per character
        seen.add(key);
        let byPosition = votes.get(span.label);
        if (!byPosition) votes.set(span.label, (byPosition = new Map()));
        byPosition.set(i, (byPosition.get(i) ?? 0) + 1);
      }
    }
  }
  const result: TextSpan[] = [];
  for (const [label, byPosition] of [...votes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const kept = [...byPosition.entries()]
      .filter(([, count]) => count > needed)
      .map(([i]) => i)
      .sort((a, b) => a - b);
    let start: number | null = null;
    let previous = -2;
    const close = () => {
      if (start === null) return;
      const end = previous + 1;
      result.push({ start, end, label, text: text === undefined ? '' : sliceCodePoints(text, start, end) });
    };
    for (const position of kept) {
      if (position !== previous + 1) {
        close();
        start = position;
      }
      previous = position;
    }
    close();
  }
  return result.sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
}

function validation(answers: AudioValidationAnswer[]): AudioValidationAnswer {
  const verdict = majority(answers.map((answer) => answer.verdict))?.value ?? 'invalid';
  if (verdict === 'valid') return { verdict };
  const reason = majority(
    answers.filter((a) => a.verdict === 'invalid').flatMap((a) => (a.reason ? [a.reason] : [])),
  );
  return reason ? { verdict, reason: reason.value } : { verdict };
}

type Cluster = { members: Array<{ worker: number; shape: Shape }> };

function image(answers: ImageAnswer[], item?: ImageItem): ImageAnswer {
  const tolerance = pointTolerance(item);
  const needed = answers.length / 2;
  const clusters: Cluster[] = [];
  answers.forEach((answer, worker) => {
    const taken = new Set<Cluster>();
    for (const shape of answer.shapes ?? []) {
      let best: Cluster | null = null;
      let bestScore = MATCH_THRESHOLD;
      for (const cluster of clusters) {
        if (taken.has(cluster)) continue;
        const representative = cluster.members[0]?.shape;
        if (!representative || representative.type !== shape.type) continue;
        const score = shapeSimilarity(representative, shape, tolerance);
        if (score >= bestScore) {
          best = cluster;
          bestScore = score;
        }
      }
      if (best) {
        best.members.push({ worker, shape });
        taken.add(best);
      } else {
        const cluster = { members: [{ worker, shape }] };
        clusters.push(cluster);
        taken.add(cluster);
      }
    }
  });
  const shapes = clusters
    .filter((cluster) => cluster.members.length > needed)
    .map((cluster, index) =>
      fuse(
        cluster.members.map((member) => member.shape),
        `consensus-${index + 1}`,
      ),
    );

  const optionVotes = new Map<string, number>();
  for (const answer of answers)
    for (const code of new Set(answer.classes ?? [])) optionVotes.set(code, (optionVotes.get(code) ?? 0) + 1);
  const classes = [...optionVotes.entries()]
    .filter(([, count]) => count > needed)
    .map(([code]) => code)
    .sort();
  return { shapes, classes };
}

function fuse(shapes: Shape[], id: string): Shape {
  const first = shapes[0] as Shape;
  const attributes = first.attributes ?? {};
  const avg = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  if (first.type === 'box') {
    const boxes = shapes.filter((shape): shape is Extract<Shape, { type: 'box' }> => shape.type === 'box');
    return {
      id,
      type: 'box',
      label: first.label,
      attributes,
      x: avg(boxes.map((box) => box.x)),
      y: avg(boxes.map((box) => box.y)),
      width: avg(boxes.map((box) => box.width)),
      height: avg(boxes.map((box) => box.height)),
    };
  }
  if (first.type === 'point') {
    const points = shapes.filter(
      (shape): shape is Extract<Shape, { type: 'point' }> => shape.type === 'point',
    );
    return {
      id,
      type: 'point',
      label: first.label,
      attributes,
      x: avg(points.map((p) => p.x)),
      y: avg(points.map((p) => p.y)),
    };
  }
  const polygons = shapes.filter(
    (shape): shape is Extract<Shape, { type: 'polygon' }> => shape.type === 'polygon',
  );
  let medoid = polygons[0] as Extract<Shape, { type: 'polygon' }>;
  let bestTotal = -1;
  for (const candidate of polygons) {
    const total = polygons.reduce(
      (sum, other) => sum + (other === candidate ? 0 : polygonIoU(candidate.points, other.points)),
      0,
    );
    if (total > bestTotal) {
      bestTotal = total;
      medoid = candidate;
    }
  }
  return { ...medoid, id };
}

function transcription(answers: AudioTranscriptionAnswer[]): AudioTranscriptionAnswer {
  const texts = answers.map(transcriptOf);
  const errorRate = texts.every((text) => transcriptMeasure(text) === 'cer')
    ? characterErrorRate
    : wordErrorRate;
  let best = 0;
  let bestTotal = Infinity;
  texts.forEach((text, index) => {
    // Both ways: one way alone favours short transcripts (fewer reference words to miss).
    const total = texts.reduce(
      (sum, other, j) => sum + (j === index ? 0 : errorRate(other, text) + errorRate(text, other)),
      0,
    );
    if (total < bestTotal) {
      bestTotal = total;
      best = index;
    }
  });
  return answers[best] as AudioTranscriptionAnswer;
}

function form(answers: FormAnswer[]): FormAnswer {
  const codes = [...new Set(answers.flatMap((answer) => Object.keys(answer.values)))].sort();
  const values: Record<string, FormValue> = {};
  for (const code of codes) {
    const given = answers.map((answer) => answer.values[code] ?? null);
    const winner = majority(given, normalizeValue);
    if (winner && winner.value !== null) values[code] = winner.value;
  }
  return { values };
}
