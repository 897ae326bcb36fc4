import { z } from 'zod';
import { problemsOf, type FieldProblem } from './common';
import {
  checkTextModerationAnswer,
  textModerationAnswerSchema,
  textModerationConfigSchema,
  textModerationItemSchema,
} from './text-moderation';

/**
 * Every task kind the workstation handles, with the schemas that validate it at both ends:
 * the project's config, one imported item, and a HITer's answer.
 */
export const taskKinds = {
  text_moderation: {
    config: textModerationConfigSchema,
    item: textModerationItemSchema,
    answer: textModerationAnswerSchema,
    check: checkTextModerationAnswer,
  },
} as const;

export const TASK_KINDS = Object.keys(taskKinds) as [keyof typeof taskKinds];
export const taskKindSchema = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof taskKindSchema>;

export type AnswerCheck = { ok: true; answer: unknown } | { ok: false; problems: FieldProblem[] };

/** Validates an answer against its kind's schema and the project's config (e.g. allowed reasons). */
export function checkAnswer(kind: TaskKind, config: unknown, answer: unknown): AnswerCheck {
  const spec = taskKinds[kind];
  const parsedConfig = spec.config.safeParse(config);
  if (!parsedConfig.success)
    return { ok: false, problems: [{ field: 'config', message: 'project config is invalid' }] };
  const parsed = spec.answer.safeParse(answer);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const problems = spec.check(parsedConfig.data, parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answer: parsed.data };
}
