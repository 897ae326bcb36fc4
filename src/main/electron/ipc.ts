import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { BridgeResult } from '../../shared/bridge';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/bridge/names';
import type { Dispatch } from '../bridge/dispatch';
import type { BridgeEventListener } from '../bridge/event-hub';
import { isAppUrl } from './origin';

/**
 * The Electron transport of the bridge: one invoke channel for every call, answered only for frames
 * of the app's own origin (a page that somehow got into a window cannot call main), and events
 * forwarded to the app's windows.
 */
export function serveBridgeOverIpc(dispatch: Dispatch, devServerUrl: string | undefined): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, devServerUrl)) {
      const refused: BridgeResult<never> = {
        ok: false,
        error: { code: 'unknown_call', message: `calls from ${frameUrl || 'an unknown frame'} are refused` },
      };
      return refused;
    }
    return dispatch(name, input);
  });
}

export function forwardEventsTo(windows: () => BrowserWindow[]): BridgeEventListener {
  return (event, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  };
}
