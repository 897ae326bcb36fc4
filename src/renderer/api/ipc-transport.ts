import type { Transport } from './transport';

/** What the Electron preload exposes on `window.hitdesk`; the same shape as a Transport. */
export type PreloadBridge = Transport;

export function isPreloadBridge(value: unknown): value is PreloadBridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).call === 'function' &&
    typeof (value as Record<string, unknown>).on === 'function'
  );
}

/** IPC through the preload: calls and events pass straight through, already enveloped. */
export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    call: (name, input) => bridge.call(name, input),
    on: (event, listener) => bridge.on(event, listener),
  };
}
