import type {
  BridgeCallName,
  BridgeEventName,
  CallInput,
  CallOutput,
  EventPayload,
} from '../../shared/bridge';
import { asBridgeError, unwrapResult, type Transport } from './transport';

/** Calls whose input is `undefined` take no argument; the others take exactly their input. */
export type CallArgs<K extends BridgeCallName> = [CallInput<K>] extends [undefined]
  ? []
  : [input: CallInput<K>];

export type BridgeClient = {
  call<K extends BridgeCallName>(name: K, ...input: CallArgs<K>): Promise<CallOutput<K>>;
  on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The typed face of a transport: rejects with BridgeError, whatever went wrong and where. */
export function createBridgeClient(transport: Transport): BridgeClient {
  return {
    async call<K extends BridgeCallName>(name: K, ...input: CallArgs<K>): Promise<CallOutput<K>> {
      let result: unknown;
      try {
        result = await transport.call(name, input[0]);
      } catch (error) {
        throw asBridgeError(error);
      }
      return unwrapResult(result) as CallOutput<K>;
    },
    on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return transport.on(event, (payload) => listener(payload as EventPayload<E>));
    },
  };
}
