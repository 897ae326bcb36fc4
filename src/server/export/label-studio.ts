import type {
  AudioRecordingAnswer,
  AudioTranscriptionAnswer,
  AudioValidationAnswer,
} from '../../shared/domain/kinds/audio';
import type { FormAnswer, FormConfig } from '../../shared/domain/kinds/form';
import type { ImageAnswer, ImageItem } from '../../shared/domain/kinds/image';
import type { TextModerationAnswer, TextModerationItem } from '../../shared/domain/kinds/text-moderation';
import { codePointToUtf16 } from '../../shared/domain/text-spans';
import type { ExportContext } from './context';

type Result = Record<string, unknown>;
const pct = (value: number, of: number) => Math.round((value / of) * 100 * 10_000) / 10_000;

/**
 * Label Studio JSON: one task per item (`data` is the item as imported, media as the queue's
 * MediaRefs plus `hitdesk_files` with their original names), one annotation per worker's answer.
 * Results use Label Studio's control types: rectanglelabels / polygonlabels / keypointlabels and
 * choices for images (coordinates in percent), labels + textarea per audio segment (seconds),
 * choices for verdicts and decisions, labels for text spans (UTF-16 offsets, as Label Studio counts).
 */
export function toLabelStudio(context: ExportContext): Buffer {
  let annotationId = 0;
  const tasks = context.items.map((entry, index) => ({
    id: index + 1,
    data: { ...(entry.data as Record<string, unknown>), hitdesk_files: entry.mediaNames ?? {} },
    meta: { hitdesk_item_id: entry.itemId, external_id: entry.externalId, project: context.project.name },
    annotations: entry.answers.map((given) => {
      annotationId += 1;
      return {
        id: annotationId,
        completed_by: { username: given.worker },
        lead_time: given.durationMs === null ? null : given.durationMs / 1000,
        ground_truth: false,
        result: resultsOf(context, entry.data, given.answer),
        hitdesk_submission_id: given.submissionId,
      };
    }),
  }));
  return Buffer.from(JSON.stringify(tasks, null, 2), 'utf8');
}

function resultsOf(context: ExportContext, data: unknown, answer: unknown): Result[] {
  switch (context.project.kind) {
    case 'image':
      return imageResults(data as ImageItem, answer as ImageAnswer);
    case 'audio_transcription':
      return (answer as AudioTranscriptionAnswer).segments.flatMap((segment) => {
        const value = { start: segment.startMs / 1000, end: segment.endMs / 1000 };
        const results: Result[] = [
          {
            id: segment.id,
            type: 'labels',
            from_name: 'label',
            to_name: 'audio',
            value: { ...value, labels: [segment.label] },
          },
        ];
        if (segment.text !== '') {
          results.push({
            id: segment.id,
            type: 'textarea',
            from_name: 'transcription',
            to_name: 'audio',
            value: { ...value, text: [segment.text] },
          });
        }
        return results;
      });
    case 'audio_validation': {
      const verdict = answer as AudioValidationAnswer;
      const results: Result[] = [
        { type: 'choices', from_name: 'verdict', to_name: 'audio', value: { choices: [verdict.verdict] } },
      ];
      if (verdict.reason)
        results.push({
          type: 'choices',
          from_name: 'reason',
          to_name: 'audio',
          value: { choices: [verdict.reason] },
        });
      return results;
    }
    case 'audio_recording':
      return (answer as AudioRecordingAnswer).recordings.map((recording) => ({
        id: recording.promptId,
        type: 'textarea',
        from_name: 'recording',
        to_name: 'prompt',
        value: { text: [`${recording.audio.sha256}.wav`] },
        meta: { audio: recording.audio, checks: recording.checks },
      }));
    case 'text_moderation':
      return moderationResults(data as TextModerationItem, answer as TextModerationAnswer);
    case 'form':
      return formResults(context.project.config as FormConfig, answer as FormAnswer);
  }
}

function imageResults(item: ImageItem, answer: ImageAnswer): Result[] {
  const { width, height } = item.image;
  const base = {
    from_name: 'label',
    to_name: 'image',
    original_width: width,
    original_height: height,
    image_rotation: 0,
  };
  const results: Result[] = (answer.shapes ?? []).map((shape) => {
    if (shape.type === 'box') {
      return {
        ...base,
        id: shape.id,
        type: 'rectanglelabels',
        value: {
          x: pct(shape.x, width),
          y: pct(shape.y, height),
          width: pct(shape.width, width),
          height: pct(shape.height, height),
          rotation: 0,
          rectanglelabels: [shape.label],
        },
      };
    }
    if (shape.type === 'polygon') {
      return {
        ...base,
        id: shape.id,
        type: 'polygonlabels',
        value: {
          points: shape.points.map(([x, y]) => [pct(x, width), pct(y, height)]),
          polygonlabels: [shape.label],
        },
      };
    }
    return {
      ...base,
      id: shape.id,
      type: 'keypointlabels',
      value: { x: pct(shape.x, width), y: pct(shape.y, height), width: 0.5, keypointlabels: [shape.label] },
    };
  });
  if ((answer.classes ?? []).length > 0) {
    results.push({
      type: 'choices',
      from_name: 'class',
      to_name: 'image',
      value: { choices: answer.classes },
    });
  }
  return results;
}

function moderationResults(item: TextModerationItem, answer: TextModerationAnswer): Result[] {
  const results: Result[] = [
    { type: 'choices', from_name: 'decision', to_name: 'text', value: { choices: [answer.decision] } },
  ];
  if (answer.reason)
    results.push({
      type: 'choices',
      from_name: 'reason',
      to_name: 'text',
      value: { choices: [answer.reason] },
    });
  for (const [index, span] of (answer.spans ?? []).entries()) {
    results.push({
      id: `span-${index + 1}`,
      type: 'labels',
      from_name: 'span',
      to_name: 'text',
      value: {
        start: codePointToUtf16(item.text, span.start),
        end: codePointToUtf16(item.text, span.end),
        text: span.text,
        labels: [span.label],
      },
    });
  }
  if (answer.note)
    results.push({ type: 'textarea', from_name: 'note', to_name: 'text', value: { text: [answer.note] } });
  return results;
}

function formResults(config: FormConfig, answer: FormAnswer): Result[] {
  return config.fields.flatMap((field): Result[] => {
    const value = answer.values[field.code];
    if (value === undefined || value === null || value === '') return [];
    const base = { from_name: field.code, to_name: 'context' };
    if (field.type === 'single_choice' || field.type === 'multiple_choice') {
      return [
        { ...base, type: 'choices', value: { choices: Array.isArray(value) ? value : [String(value)] } },
      ];
    }
    if (field.type === 'number' && typeof value === 'number')
      return [{ ...base, type: 'number', value: { number: value } }];
    if (field.type === 'checkbox')
      return [{ ...base, type: 'choices', value: { choices: [value === true ? 'yes' : 'no'] } }];
    return [{ ...base, type: 'textarea', value: { text: [String(value)] } }];
  });
}
