import { z } from 'zod';
import { problemsOf, type FieldProblem } from './common';
import {
  audioRecordingAnswerSchema,
  audioRecordingConfigSchema,
  audioRecordingItemSchema,
  audioTranscriptionAnswerSchema,
  audioTranscriptionConfigSchema,
  audioTranscriptionItemSchema,
  audioValidationAnswerSchema,
  audioValidationConfigSchema,
  audioValidationItemSchema,
  checkAudioRecordingAnswer,
  checkAudioTranscriptionAnswer,
  checkAudioValidationAnswer,
} from './kinds/audio';
import { checkFormAnswer, formAnswerSchema, formConfigSchema, formItemSchema } from './kinds/form';
import { checkImageAnswer, imageAnswerSchema, imageConfigSchema, imageItemSchema } from './kinds/image';
import {
  checkTextModerationAnswer,
  textModerationAnswerSchema,
  textModerationConfigSchema,
  textModerationItemSchema,
} from './kinds/text-moderation';

type KindSpec<C extends z.ZodType, I extends z.ZodType, A extends z.ZodType> = {
  config: C;
  item: I;
  answer: A;
  /** Rules beyond the schemas, given the parsed config, item and answer. */
  check: (config: z.output<C>, item: z.output<I>, answer: z.output<A>) => FieldProblem[];
  /** Fields of an item that name media files (imported from a folder, then content-addressed). */
  mediaFields: readonly string[];
};

function kind<C extends z.ZodType, I extends z.ZodType, A extends z.ZodType>(spec: KindSpec<C, I, A>) {
  return spec;
}

/**
 * Every task kind the workstation handles, with the schemas that validate it at both ends:
 * the project's config, one imported item, and a HITer's answer.
 */
export const taskKinds = {
  image: kind({
    config: imageConfigSchema,
    item: imageItemSchema,
    answer: imageAnswerSchema,
    check: checkImageAnswer,
    mediaFields: ['image'],
  }),
  audio_transcription: kind({
    config: audioTranscriptionConfigSchema,
    item: audioTranscriptionItemSchema,
    answer: audioTranscriptionAnswerSchema,
    check: checkAudioTranscriptionAnswer,
    mediaFields: ['audio'],
  }),
  audio_recording: kind({
    config: audioRecordingConfigSchema,
    item: audioRecordingItemSchema,
    answer: audioRecordingAnswerSchema,
    check: checkAudioRecordingAnswer,
    mediaFields: [],
  }),
  audio_validation: kind({
    config: audioValidationConfigSchema,
    item: audioValidationItemSchema,
    answer: audioValidationAnswerSchema,
    check: checkAudioValidationAnswer,
    mediaFields: ['audio'],
  }),
  text_moderation: kind({
    config: textModerationConfigSchema,
    item: textModerationItemSchema,
    answer: textModerationAnswerSchema,
    check: checkTextModerationAnswer,
    mediaFields: [],
  }),
  form: kind({
    config: formConfigSchema,
    item: formItemSchema,
    answer: formAnswerSchema,
    check: checkFormAnswer,
    mediaFields: ['context.image'],
  }),
} as const;

export const TASK_KINDS = Object.keys(taskKinds) as Array<keyof typeof taskKinds>;
export const taskKindSchema = z.enum(
  TASK_KINDS as [keyof typeof taskKinds, ...Array<keyof typeof taskKinds>],
);
export type TaskKind = z.infer<typeof taskKindSchema>;

export type AnswerCheck = { ok: true; answer: unknown } | { ok: false; problems: FieldProblem[] };

/**
 * Validates an answer against its kind's schema and the project's config and item (allowed
 * reasons and labels, shapes inside the image, spans that match the text…). Returns the parsed
 * answer, with defaults filled in, when it is valid.
 */
export function checkAnswer(kind: TaskKind, config: unknown, item: unknown, answer: unknown): AnswerCheck {
  const spec = taskKinds[kind] as unknown as KindSpec<z.ZodType, z.ZodType, z.ZodType>;
  const parsedConfig = spec.config.safeParse(config);
  if (!parsedConfig.success)
    return { ok: false, problems: [{ field: 'config', message: 'project config is invalid' }] };
  const parsedItem = spec.item.safeParse(item);
  if (!parsedItem.success)
    return { ok: false, problems: [{ field: 'item', message: 'task data is invalid' }] };
  const parsed = spec.answer.safeParse(answer);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const problems = spec.check(parsedConfig.data, parsedItem.data, parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answer: parsed.data };
}
