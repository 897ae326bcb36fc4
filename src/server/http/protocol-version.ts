import { MINIMUM_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { ApiError } from '../errors';

/**
 * Checks the protocol version a client sends. No header is accepted (curl, browsers); an old
 * client is told to update (426) rather than failing in strange ways; a newer one learns the
 * server needs updating.
 */
export function checkProtocolHeader(value: string | string[] | undefined): void {
  if (value === undefined) return;
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d{1,6}$/.test(text.trim())) {
    throw new ApiError(
      400,
      'invalid_input',
      `${PROTOCOL_HEADER} must be a whole number, not "${text ?? ''}"`,
      {
        field: PROTOCOL_HEADER,
      },
    );
  }
  const version = Number(text.trim());
  if (version < MINIMUM_PROTOCOL_VERSION) {
    throw new ApiError(
      426,
      'client_too_old',
      `this app speaks protocol ${version}, but the queue server needs at least ${MINIMUM_PROTOCOL_VERSION}: update the app`,
    );
  }
  if (version > PROTOCOL_VERSION) {
    throw new ApiError(
      400,
      'server_too_old',
      `this app speaks protocol ${version}, but the queue server only knows up to ${PROTOCOL_VERSION}: the server needs updating`,
    );
  }
}
