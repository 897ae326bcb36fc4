/**
 * The whole preload: `window.hitdesk.call(name, input)` and `window.hitdesk.on(event, callback)`,
 * for the names the contract declares and nothing else. The raw IPC event never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CALL_NAMES,
  BRIDGE_EVENT_NAMES,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
} from '../shared/bridge/names';

const callNames = new Set<string>(BRIDGE_CALL_NAMES);
const eventNames = new Set<string>(BRIDGE_EVENT_NAMES);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

contextBridge.exposeInMainWorld('hitdesk', {
  call(name: string, input: unknown): Promise<unknown> {
    if (!callNames.has(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_call', message: `"${name}" is not a bridge call` },
      });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input);
  },
  on(name: string, listener: (payload: unknown) => void): () => void {
    if (!eventNames.has(name)) throw new Error(`"${name}" is not a bridge event`);
    if (typeof listener !== 'function') throw new Error('a listener must be a function');
    const set = listeners.get(name) ?? new Set();
    set.add(listener);
    listeners.set(name, set);
    return () => {
      set.delete(listener);
    };
  },
});
