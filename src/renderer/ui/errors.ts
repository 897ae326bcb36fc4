import type { TFunction } from 'i18next';
import { BridgeError } from '../../shared/bridge';

/** What to tell the HITer about any failure: the message of its bridge code, `internal` otherwise. */
export function errorText(t: TFunction, error: unknown): string {
  const code = error instanceof BridgeError ? error.code : 'internal';
  return t(`errors.${code}`);
}
