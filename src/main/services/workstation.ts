import { join } from 'node:path';
import type { BridgeEmitter, BridgeHandlers } from '../../shared/bridge/contract';
import { DEFAULT_DEMO_PORT, DemoQueue } from './demo/demo-queue';
import { normalizeServerUrl, type WorkstationContext } from './handlers/context';
import { sessionHandlers } from './handlers/session-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { mediaHandlers, serveMedia } from './handlers/media-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { taskHandlers } from './handlers/task-handlers';
import type { MediaReply } from './media/media-reply';
import { LaptopStore } from './laptop/laptop-store';
import { SessionManager } from './session/session-manager';
import { DEFAULT_SYNC_TIMINGS, type SyncTimings } from './sync/backoff';

export type WorkstationOptions = {
  /** Every local file lives under it. */
  dataDir: string;
  /** The app's resources/ folder (holds demo/). */
  resourcesDir: string;
  appVersion: string;
  mode: 'electron' | 'browser';
  platform: string;
  /** Pushes events to the renderer. */
  emit: BridgeEmitter;
  /** Used when settings hold no server yet (e.g. --server-url). */
  defaultServerUrl?: string | null;
  /** Port of the embedded demo queue; default 47831, tests pass 0. */
  demoPort?: number;
  now?: () => Date;
  random?: () => number;
  syncTimings?: Partial<SyncTimings>;
};

export type MediaRequest = { method: string; range: string | undefined };

export type Workstation = {
  handlers: BridgeHandlers;
  /** `GET /media/<sha256>` from the signed-in profile's cache, for the web host and the app:// protocol. */
  serveMedia(path: string, request: MediaRequest): Promise<MediaReply>;
  close(): Promise<void>;
};

/**
 * The HITer laptop's main-process services, for the Electron shell and the browser-mode host alike:
 * one handler per bridge call, given validated input, throwing BridgeError for expected failures.
 */
export async function createWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const timings: SyncTimings = { ...DEFAULT_SYNC_TIMINGS, ...options.syncTimings };
  const laptop = LaptopStore.open(options.dataDir);
  const demo = new DemoQueue({
    dataDir: join(options.dataDir, 'demo-queue'),
    demoDir: join(options.resourcesDir, 'demo'),
    port: options.demoPort ?? DEFAULT_DEMO_PORT,
  });
  const sessions = new SessionManager({
    dataDir: options.dataDir,
    laptop,
    emit: options.emit,
    timings,
    now,
    random,
  });
  const context: WorkstationContext = {
    app: { version: options.appVersion, mode: options.mode, platform: options.platform },
    dataDir: options.dataDir,
    laptop,
    sessions,
    demo,
    emit: options.emit,
    timings,
    now,
    defaultServerUrl: options.defaultServerUrl ? normalizeServerUrl(options.defaultServerUrl) : null,
  };

  // A HITer on the demo keeps working after a restart, offline included: bring it back.
  if (laptop.settings().demoEnabled) {
    try {
      const server = await demo.start();
      laptop.updateSettings({ serverUrl: normalizeServerUrl(server.url) });
    } catch (error) {
      // Not fatal: the app opens, and demo.start reports the problem when the HITer retries.
      console.warn(
        `HITdesk: the demo queue did not restart: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  const handlers: BridgeHandlers = {
    ...settingsHandlers(context),
    ...sessionHandlers(context),
    ...taskHandlers(context),
    ...syncHandlers(context),
    ...mediaHandlers(context),
  };

  let closing: Promise<void> | null = null;
  return {
    handlers,
    serveMedia: (path, request) => serveMedia(context, path, request),
    close: () => {
      closing ??= (async () => {
        try {
          await sessions.close();
          await demo.close();
        } finally {
          laptop.close();
        }
      })();
      return closing;
    },
  };
}
