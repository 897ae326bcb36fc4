import type { z } from 'zod';
import { describeProblems, fieldPath, type FieldProblem } from '../shared/domain/common';
import type { ApiErrorBody, ApiErrorCode } from '../shared/protocol/errors';

/**
 * An expected failure of a queue operation: the HTTP layer answers with its status and body, the
 * CLI prints its message, the embedding API throws it as is. Anything else is a bug (500 `internal`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  readonly line: number | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    where: { field?: string; line?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = where.field || undefined;
    this.line = where.line;
  }

  toBody(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.line !== undefined) error.line = this.line;
    return { error };
  }
}

/** Prefixes a field path (`answer` + `reason` → `answer.reason`; `data` + `[0]` → `data[0]`). */
export function joinField(prefix: string, field: string): string {
  if (!field) return prefix;
  if (!prefix) return field;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** 400 `invalid_input` naming the first problem's field, with the field in the message too. */
export function invalidInput(problems: FieldProblem[], prefix = ''): ApiError {
  const named = problems.map((problem) => ({ ...problem, field: joinField(prefix, problem.field) }));
  return new ApiError(400, 'invalid_input', describeProblems(named), { field: named[0]?.field });
}

export function invalidInputFromZod(error: z.ZodError, prefix = ''): ApiError {
  return invalidInput(zodProblems(error), prefix);
}

/** Like the shared `problemsOf`, but an unknown key is named as the field (`data.stars`), not its parent. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = fieldPath(issue.path);
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return { field: key === undefined ? path : joinField(path, key), message: issue.message };
  });
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}
