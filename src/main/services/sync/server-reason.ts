/**
 * Why the queue refused an answer, stored with the answer so the renderer can say it in the
 * HITer's language (a known code) and still show the queue's own words as detail. Stored in the
 * task's `server_message` as `[code] message`; older rows (plain text) read back with no code.
 */
export type ServerReason = { code: string | null; message: string };

const ENCODED = /^\[([a-z_]{1,40})\] ([\s\S]*)$/;

export function encodeReason(code: string, message: string): string {
  return `[${code}] ${message}`;
}

export function decodeReason(stored: string | null): ServerReason | null {
  if (stored === null) return null;
  const match = ENCODED.exec(stored);
  return match ? { code: match[1]!, message: match[2]! } : { code: null, message: stored };
}

/** The summary fields: the code (null when unknown) and the queue's words. */
export function reasonFields(stored: string | null, state: string) {
  const reason = decodeReason(stored);
  const code = state === 'superseded' ? 'superseded' : (reason?.code ?? null);
  return { serverMessage: reason?.message ?? null, serverCode: code };
}
