import { z } from 'zod';

/**
 * Every way a bridge call can fail. The renderer shows each code in the HITer's language and
 * says what to do; `message` carries detail for logs and support.
 */
export const BRIDGE_ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'no_server',
  'server_unreachable',
  'bad_credentials',
  'offline_unknown_profile',
  'not_signed_in',
  'session_expired',
  'not_found',
  'invalid_answer',
  'task_closed',
  'no_tasks',
  /** The queue will not lease more: this HITer already holds as many tasks as one person may. */
  'too_many_tasks',
  'client_too_old',
  'server_error',
  'demo_unavailable',
  /** Start-up checks: the SQLite library is too old (WAL corruption bug); nothing was opened. */
  'sqlite_too_old',
  /** A database file failed its integrity check; it was left untouched. */
  'storage_damaged',
  /** A database file was written by a newer HITdesk. */
  'storage_too_new',
  /** A schema upgrade failed and was rolled back to the last complete version. */
  'storage_migration_failed',
  'internal',
] as const;
export const bridgeErrorCodeSchema = z.enum(BRIDGE_ERROR_CODES);
export type BridgeErrorCode = z.infer<typeof bridgeErrorCodeSchema>;

export const bridgeErrorBodySchema = z.object({
  code: bridgeErrorCodeSchema,
  message: z.string(),
  field: z.string().optional(),
});
export type BridgeErrorBody = z.infer<typeof bridgeErrorBodySchema>;

/** The envelope every call returns over both transports, so errors keep their code across IPC. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorBody };

/** Thrown by main-side handlers and re-thrown by the renderer's client. */
export class BridgeError extends Error {
  readonly code: BridgeErrorCode;
  readonly field: string | undefined;
  constructor(code: BridgeErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
    this.field = field;
  }
  toBody(): BridgeErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
