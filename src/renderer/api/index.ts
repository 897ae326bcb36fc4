import type { BridgeCallName, BridgeEventName, CallOutput, EventPayload } from '../../shared/bridge';
import { createBridgeClient, type BridgeClient, type CallArgs } from './client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport, isPreloadBridge } from './ipc-transport';
import type { Transport } from './transport';

export { BridgeError } from '../../shared/bridge';
export type { BridgeClient, CallArgs } from './client';
export type { Transport } from './transport';

let client: BridgeClient | null = null;

/** IPC when the Electron preload is there, otherwise HTTP to the browser-mode host. Chosen once. */
function chooseTransport(): Transport {
  const preload: unknown = (window as { hitdesk?: unknown }).hitdesk;
  return isPreloadBridge(preload) ? createIpcTransport(preload) : createHttpTransport();
}

function current(): BridgeClient {
  client ??= createBridgeClient(chooseTransport());
  return client;
}

/** For unit tests of the state stores: run them against a transport of the test's own. */
export function setTransportForTests(transport: Transport): void {
  client = createBridgeClient(transport);
}

export function call<K extends BridgeCallName>(name: K, ...input: CallArgs<K>): Promise<CallOutput<K>> {
  return current().call(name, ...input);
}

export function on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void) {
  return current().on(event, listener);
}
