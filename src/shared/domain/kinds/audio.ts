import { z } from 'zod';
import { codeSchema, localizedTextSchema, type FieldProblem } from '../common';
import {
  colorSchema,
  digitHotkeySchema,
  optionSchema,
  uniqueCodes,
  uniqueHotkeys,
  unknownCode,
} from '../common-labels';
import { audioRefSchema, sha256Schema } from '../media';

// ── audio_transcription: segment a recording and transcribe each segment ──────────────────────────

export const segmentLabelSchema = z
  .object({
    code: codeSchema,
    label: localizedTextSchema,
    color: colorSchema,
    hotkey: digitHotkeySchema.optional(),
    /** Whether segments with this label need a transcript (speech does; noise and music do not). */
    transcribe: z.boolean().default(true),
  })
  .strict();
export type SegmentLabel = z.infer<typeof segmentLabelSchema>;

export const audioTranscriptionConfigSchema = z
  .object({
    labels: z.array(segmentLabelSchema).min(1).max(30),
    allowOverlap: z.boolean().default(false),
    /** Language of the speech, as a BCP 47 tag, for the transcript field's spellcheck and direction. */
    language: z.string().min(2).max(16).optional(),
    minSegmentMs: z.int().min(10).max(60_000).default(200),
  })
  .strict()
  .superRefine((config, ctx) => {
    uniqueCodes(config.labels, ctx, ['labels']);
    uniqueHotkeys(config.labels, ctx, ['labels']);
  });
export type AudioTranscriptionConfig = z.infer<typeof audioTranscriptionConfigSchema>;

export const audioTranscriptionItemSchema = z
  .object({ audio: audioRefSchema, context: z.string().max(2_000).optional() })
  .strict();
export type AudioTranscriptionItem = z.infer<typeof audioTranscriptionItemSchema>;

export const segmentSchema = z
  .object({
    id: z.string().min(1).max(64),
    startMs: z.int().min(0),
    endMs: z.int().min(1),
    label: codeSchema,
    text: z.string().max(10_000).default(''),
  })
  .strict()
  .refine((segment) => segment.endMs > segment.startMs, {
    message: 'end must be after start',
    path: ['endMs'],
  });
export type Segment = z.infer<typeof segmentSchema>;

export const audioTranscriptionAnswerSchema = z
  .object({ segments: z.array(segmentSchema).max(5_000) })
  .strict();
export type AudioTranscriptionAnswer = z.infer<typeof audioTranscriptionAnswerSchema>;

export function checkAudioTranscriptionAnswer(
  config: AudioTranscriptionConfig,
  item: AudioTranscriptionItem,
  answer: AudioTranscriptionAnswer,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sorted = [...answer.segments].sort((a, b) => a.startMs - b.startMs);
  answer.segments.forEach((segment, index) => {
    const field = `segments[${index}]`;
    const label = config.labels.find((entry) => entry.code === segment.label);
    if (!label) problems.push(...unknownCode(`${field}.label`, segment.label, config.labels));
    else if (label.transcribe && segment.text.trim() === '') {
      problems.push({ field: `${field}.text`, message: 'transcribe this segment' });
    }
    if (segment.endMs > item.audio.durationMs) {
      problems.push({
        field: `${field}.endMs`,
        message: `past the end of the audio (${item.audio.durationMs} ms)`,
      });
    }
    if (segment.endMs - segment.startMs < config.minSegmentMs) {
      problems.push({ field, message: `shorter than ${config.minSegmentMs} ms` });
    }
  });
  if (!config.allowOverlap) {
    for (let i = 1; i < sorted.length; i += 1) {
      if (sorted[i]!.startMs < sorted[i - 1]!.endMs) {
        problems.push({
          field: 'segments',
          message: `segments "${sorted[i - 1]!.id}" and "${sorted[i]!.id}" overlap`,
        });
      }
    }
  }
  return problems;
}

// ── audio_recording: read prompts aloud ───────────────────────────────────────────────────────────

export const audioRecordingConfigSchema = z
  .object({
    minDurationMs: z.int().min(200).default(1_000),
    maxDurationMs: z.int().max(600_000).default(15_000),
    /** Quieter than this (RMS, dBFS) is "too quiet". */
    minLevelDb: z.number().max(0).default(-40),
    /** Samples at or above this (dBFS) count as clipping. */
    clippingDb: z.number().max(0).default(-0.1),
    sampleRate: z
      .union([z.literal(16_000), z.literal(22_050), z.literal(44_100), z.literal(48_000)])
      .default(16_000),
    trimSilence: z.boolean().default(true),
  })
  .strict()
  .refine((config) => config.maxDurationMs > config.minDurationMs, {
    message: 'must be longer than minDurationMs',
    path: ['maxDurationMs'],
  });
export type AudioRecordingConfig = z.infer<typeof audioRecordingConfigSchema>;

export const recordingPromptSchema = z
  .object({
    id: z.string().min(1).max(64),
    text: z.string().trim().min(1).max(2_000),
    language: z.string().optional(),
  })
  .strict();

export const audioRecordingItemSchema = z
  .object({ prompts: z.array(recordingPromptSchema).min(1).max(50) })
  .strict();
export type AudioRecordingItem = z.infer<typeof audioRecordingItemSchema>;

/** What the laptop measured before letting the answer go. */
export const recordingChecksSchema = z
  .object({
    levelDb: z.number(),
    peakDb: z.number(),
    clipped: z.boolean(),
    trimmedStartMs: z.int().min(0),
    trimmedEndMs: z.int().min(0),
  })
  .strict();

export const recordingSchema = z
  .object({
    promptId: z.string().min(1).max(64),
    /** The uploaded WAV, content-addressed. */
    audio: z
      .object({
        sha256: sha256Schema,
        mime: z.literal('audio/wav'),
        bytes: z.int().min(44),
        durationMs: z.int().min(1),
      })
      .strict(),
    checks: recordingChecksSchema,
  })
  .strict();

export const audioRecordingAnswerSchema = z
  .object({ recordings: z.array(recordingSchema).min(1).max(50) })
  .strict();
export type AudioRecordingAnswer = z.infer<typeof audioRecordingAnswerSchema>;

export function checkAudioRecordingAnswer(
  config: AudioRecordingConfig,
  item: AudioRecordingItem,
  answer: AudioRecordingAnswer,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const promptIds = new Set(item.prompts.map((prompt) => prompt.id));
  const recorded = new Set<string>();
  answer.recordings.forEach((recording, index) => {
    const field = `recordings[${index}]`;
    if (!promptIds.has(recording.promptId))
      problems.push({ field: `${field}.promptId`, message: 'no such prompt' });
    if (recorded.has(recording.promptId))
      problems.push({ field: `${field}.promptId`, message: 'recorded twice' });
    recorded.add(recording.promptId);
    const { durationMs } = recording.audio;
    if (durationMs < config.minDurationMs) problems.push({ field: `${field}.audio`, message: 'too short' });
    if (durationMs > config.maxDurationMs) problems.push({ field: `${field}.audio`, message: 'too long' });
    if (recording.checks.levelDb < config.minLevelDb)
      problems.push({ field: `${field}.checks`, message: 'too quiet' });
    if (recording.checks.clipped) problems.push({ field: `${field}.checks`, message: 'clipping' });
  });
  for (const prompt of item.prompts) {
    if (!recorded.has(prompt.id))
      problems.push({ field: 'recordings', message: `prompt "${prompt.id}" is not recorded` });
  }
  return problems;
}

// ── audio_validation: does this clip say this sentence? ───────────────────────────────────────────

export const audioValidationConfigSchema = z
  .object({ reasons: z.array(optionSchema).min(1).max(20) })
  .strict()
  .superRefine((config, ctx) => uniqueCodes(config.reasons, ctx, ['reasons']));
export type AudioValidationConfig = z.infer<typeof audioValidationConfigSchema>;

export const audioValidationItemSchema = z
  .object({
    audio: audioRefSchema,
    sentence: z.string().trim().min(1).max(2_000),
    language: z.string().optional(),
  })
  .strict();
export type AudioValidationItem = z.infer<typeof audioValidationItemSchema>;

export const audioValidationAnswerSchema = z
  .object({ verdict: z.enum(['valid', 'invalid']), reason: codeSchema.optional() })
  .strict();
export type AudioValidationAnswer = z.infer<typeof audioValidationAnswerSchema>;

export function checkAudioValidationAnswer(
  config: AudioValidationConfig,
  _item: AudioValidationItem,
  answer: AudioValidationAnswer,
): FieldProblem[] {
  if (answer.verdict === 'valid') {
    return answer.reason === undefined
      ? []
      : [{ field: 'reason', message: 'a reason goes only with "invalid"' }];
  }
  if (answer.reason === undefined) return [{ field: 'reason', message: 'say why the clip is invalid' }];
  return unknownCode('reason', answer.reason, config.reasons);
}
