import type { BridgeEmitter } from '../../../shared/bridge/contract';
import type { DemoQueue } from '../demo/demo-queue';
import type { LaptopStore } from '../laptop/laptop-store';
import type { SessionManager } from '../session/session-manager';
import type { SyncTimings } from '../sync/backoff';

/** What every handler group shares: the laptop's stores and services, built once per process. */
export type WorkstationContext = {
  app: { version: string; mode: 'electron' | 'browser'; platform: string };
  dataDir: string;
  laptop: LaptopStore;
  sessions: SessionManager;
  demo: DemoQueue;
  emit: BridgeEmitter;
  timings: SyncTimings;
  now: () => Date;
  defaultServerUrl: string | null;
};

/** A server URL as profiles are keyed: lower-case host, no query or fragment, no trailing slash. */
export function normalizeServerUrl(input: string): string {
  const url = new URL(input.trim());
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/+$/, '');
}

/** The server in use: the one in settings, else the one the app was started with. */
export function effectiveServerUrl(context: WorkstationContext): string | null {
  return context.laptop.settings().serverUrl ?? context.defaultServerUrl;
}
