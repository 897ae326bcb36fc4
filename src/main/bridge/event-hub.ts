import type { BridgeEmitter, BridgeEventName, EventPayload } from '../../shared/bridge';

export type BridgeEventListener = <E extends BridgeEventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Fans main's events out to whoever listens: Electron windows or browser-mode event streams.
 * A listener that throws is dropped from that one delivery, never from the hub, and never stops others.
 */
export function createEventHub(): {
  emit: BridgeEmitter;
  subscribe: (listener: BridgeEventListener) => () => void;
} {
  const listeners = new Set<BridgeEventListener>();
  return {
    emit: (event, payload) => {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (error) {
          console.error(`[bridge] a listener failed on ${event}`, error);
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
