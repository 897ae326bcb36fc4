import { z } from 'zod';

/** Every error the queue answers with. The workstation decides what to do from the code alone. */
export const API_ERROR_CODES = [
  'invalid_input',
  'invalid_import',
  'unauthenticated',
  'bad_credentials',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'not_your_task',
  'client_too_old',
  'server_too_old',
  'payload_too_large',
  'rate_limited',
  'internal',
] as const;
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    /** The field at fault, as a path (`data.text`, `answer.reason`). */
    field: z.string().optional(),
    /** For imports: the 1-based line at fault. */
    line: z.int().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
