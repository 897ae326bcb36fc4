import { createDispatch } from '../bridge/dispatch';
import { createEventHub } from '../bridge/event-hub';
import { refusingWorkstation } from '../services/refusing-workstation';
import { startupRefusal } from '../services/startup-refusal';
import { createWorkstation, type Workstation, type WorkstationOptions } from '../services/workstation';
import { startWebHost, type WebHost } from './host';

export type BrowserModeOptions = Omit<WorkstationOptions, 'emit' | 'mode'> & {
  rendererDir: string;
  host?: string;
  port?: number;
};

export type BrowserMode = {
  host: WebHost;
  workstation: Workstation;
  /** Set when the start-up checks refused this laptop's data: every call answers with it. */
  refusal: Error | null;
};

/**
 * Starts the workstation services and serves the renderer with the bridge over HTTP. When the
 * start-up checks refuse (SQLite too old, a damaged file, a failed schema upgrade), the page still
 * loads and shows the refusal in the HITer's language; nothing is written to the data folder.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const { rendererDir, host: address, port, ...rest } = options;
  const hub = createEventHub();
  let workstation: Workstation;
  let refusal: Error | null = null;
  try {
    workstation = await createWorkstation({ ...rest, mode: 'browser', emit: hub.emit });
  } catch (error) {
    const refused = startupRefusal(error);
    if (!refused) throw error;
    refusal = refused;
    workstation = refusingWorkstation(refused, {
      version: rest.appVersion,
      mode: 'browser',
      platform: rest.platform,
    });
  }
  try {
    const host = await startWebHost({
      dispatch: createDispatch(workstation.handlers),
      subscribe: hub.subscribe,
      serveMedia: workstation.serveMedia,
      rendererDir,
      ...(address === undefined ? {} : { host: address }),
      ...(port === undefined ? {} : { port }),
    });
    return { host, workstation, refusal };
  } catch (error) {
    await workstation.close();
    throw error;
  }
}
