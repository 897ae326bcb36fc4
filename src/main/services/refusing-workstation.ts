import type { BridgeHandlers } from '../../shared/bridge/contract';
import type { BridgeError } from '../../shared/bridge/errors';
import { BRIDGE_CALL_NAMES } from '../../shared/bridge/names';
import { mediaNotFound } from './media/media-reply';
import type { Workstation } from './workstation';

/**
 * What browser mode serves when the start-up checks refused to open this laptop's data: the app
 * still loads, says who it is, and every other call answers with the refusal, so the renderer's
 * start screen shows it in the HITer's language instead of the page never loading.
 */
export function refusingWorkstation(
  refusal: BridgeError,
  app: { version: string; mode: 'electron' | 'browser'; platform: string },
): Workstation {
  const refuse = () => Promise.reject(refusal);
  const handlers = Object.fromEntries(
    BRIDGE_CALL_NAMES.map((name) => [name, refuse]),
  ) as unknown as BridgeHandlers;
  handlers['app.info'] = async () => app;
  return {
    handlers,
    serveMedia: () => Promise.resolve(mediaNotFound()),
    close: () => Promise.resolve(),
  };
}
