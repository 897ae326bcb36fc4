import { BridgeError } from '../../shared/bridge/errors';
import { CallAborted, QueueError } from './queue-client';

/**
 * Turns a failed queue call made on the HITer's behalf (sign-in, taking a batch) into the bridge
 * error the renderer explains. Anything that is not a queue error is a bug and is rethrown as is.
 */
export function bridgeErrorFromQueue(error: unknown, doing: string): unknown {
  if (error instanceof CallAborted) {
    return new BridgeError('server_unreachable', `${doing}: cancelled because the session ended`);
  }
  if (!(error instanceof QueueError)) return error;
  const failure = error.failure;
  if (failure.kind === 'network') {
    return new BridgeError('server_unreachable', `${doing}: ${error.message}`);
  }
  switch (failure.status) {
    case 401:
      return new BridgeError('session_expired', `${doing}: the queue ended this session (${failure.code})`);
    case 426:
      return new BridgeError('client_too_old', `${doing}: ${failure.message}`);
    case 404:
      return new BridgeError('not_found', `${doing}: ${failure.message}`, failure.field);
  }
  if (failure.status === 409 && failure.code === 'conflict' && error.message.startsWith('leaseTasks')) {
    return new BridgeError('too_many_tasks', `${doing}: ${failure.message}`);
  }
  if (failure.status === 400 && failure.code === 'invalid_input') {
    return new BridgeError('invalid_input', `${doing}: ${failure.message}`, failure.field);
  }
  return new BridgeError('server_error', `${doing}: ${error.message}`);
}

/** True when the queue could not be reached or could not serve: worth an offline fallback. */
export function isQueueUnavailable(error: unknown): boolean {
  if (!(error instanceof QueueError)) return false;
  const failure = error.failure;
  return failure.kind === 'network' || failure.status >= 500 || failure.status === 429;
}
