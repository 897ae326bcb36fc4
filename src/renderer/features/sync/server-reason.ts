import type { TFunction } from 'i18next';

/** Reasons the app can say in the HITer's language; any other code reads as the generic refusal. */
const KNOWN = [
  'superseded',
  'not_your_task',
  'invalid_input',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'payload_too_large',
  'forbidden',
  'upload_impossible',
] as const;
type Known = (typeof KNOWN)[number];

const isKnown = (code: string): code is Known => (KNOWN as readonly string[]).includes(code);

export type ReasonLines = { reason: string; detail: string | null };

/**
 * Why the queue refused or set aside an answer: the reason in the HITer's language, and the queue's
 * own words as detail (kept for the HITer's supervisor). Our own "someone else finished first"
 * text is not repeated as detail. null when there is nothing to say.
 */
export function reasonLines(
  t: TFunction,
  item: { state: string; serverCode?: string | null | undefined; serverMessage: string | null },
): ReasonLines | null {
  if (item.state !== 'refused' && item.state !== 'superseded') return null;
  const code = item.state === 'superseded' ? 'superseded' : (item.serverCode ?? null);
  const reason = code !== null && isKnown(code) ? t(`serverReasons.${code}`) : t('serverReasons.other');
  const detail =
    item.state === 'superseded' || !item.serverMessage
      ? null
      : t('serverReasons.detail', { message: item.serverMessage });
  return { reason, detail };
}
