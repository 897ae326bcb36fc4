import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ProjectSpecInput } from '../shared/domain/project';
import type { Db } from './db/db';
import { openQueueDatabase } from './db/open';
import { createQueueServices, type QueueServices } from './context';
import { buildHttpApp } from './http/app';
import { localMediaStore } from './media/store';
import { resolveSettings, type DeploymentSettingsInput } from './settings';
import { startSweeper, sweep } from './sweeper';
import { importItems, type ImportOptions } from './import/import-items';
import type { ImportFormat } from './import/read-records';
import { ingestPath } from './media/ingest';
import { createProject } from './queue/projects';
import { listAllResults } from './queue/results';
import { createUser, type NewUser } from './queue/users';

const CLOSE_GRACE_MS = 3_000;

export type ServerOptions = {
  databaseUrl?: string;
  dataDir?: string;
  host?: string;
  port?: number;
  log?: boolean;
  /** Where media files are kept; default `<dataDir>/media` (required with a database URL). */
  mediaDir?: string;
  /** PostgreSQL connections to keep (default 10). */
  poolSize?: number;
  /** The deployment's settings (pay split, currency, limits); defaults otherwise. */
  settings?: DeploymentSettingsInput;
  /** Runs on the migrated database before the server listens (the demo seeds here). */
  prepare?: (db: Db) => Promise<void>;
};

/** The queue operations an embedder or the CLI runs directly, without HTTP. */
export function adminOf(services: QueueServices) {
  const { db, media } = services;
  return {
    createUser: (input: NewUser) => createUser(db, input),
    createProject: (spec: ProjectSpecInput) => createProject(db, spec),
    /** All or nothing: a bad line imports nothing and throws, naming it. */
    importJsonl: (projectId: string, jsonl: string) => importItems(db, projectId, jsonl, { strict: true }),
    /**
     * JSONL or CSV with a report; media fields may name files in `mediaDir` (or `sha256:<hex>`).
     * Ids already imported are skipped, so the same call resumes an interrupted import.
     */
    importFile: (
      projectId: string,
      text: string,
      options: { format?: ImportFormat; mediaDir?: string; strict?: boolean } = {},
    ) => {
      const importOptions: ImportOptions = {
        format: options.format ?? 'jsonl',
        strict: options.strict ?? false,
        media: { library: media, folder: options.mediaDir ?? null },
      };
      return importItems(db, projectId, text, importOptions);
    },
    /** Stores a media file from disk (PNG, JPEG, WAV) and describes it (size, thumbnail, duration, peaks). */
    storeMedia: (path: string) => ingestPath(media, path),
    listResults: (projectId: string) => listAllResults(db, projectId),
    /** Runs the housekeeping now (release expired leases, auto-accept, drop stale uploads). */
    sweep: () => sweep(services),
  };
}

export type StartedServer = {
  url: string;
  port: number;
  admin: ReturnType<typeof adminOf>;
  db: Db;
  services: QueueServices;
  app: FastifyInstance;
  close(): Promise<void>;
};

/** Opens (and migrates) the database, then serves HTTP. `close()` stops both. */
export async function startServer(options: ServerOptions): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  const settings = resolveSettings(options.settings);
  const mediaDir = mediaDirOf(options);
  const db = await openQueueDatabase(options);
  const services = createQueueServices(db, settings, localMediaStore(mediaDir));
  let app: FastifyInstance;
  let sweeper: { stop(): Promise<void> } | null = null;
  try {
    await options.prepare?.(db);
    app = buildHttpApp({ services, log: options.log ?? false });
    await listen(app, host, options.port ?? 0);
    sweeper = startSweeper(services, (error) => app.log.error({ err: error }, 'sweep failed'));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    admin: adminOf(services),
    db,
    services,
    app,
    close() {
      closing ??= (async () => {
        // Requests in flight get a grace period; then every connection is cut, including
        // half-open ones that never sent a request and would otherwise hold the close for minutes.
        const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
          await sweeper?.stop();
          await app.close();
        } finally {
          clearTimeout(cut);
          await db.close();
        }
      })();
      return closing;
    },
  };
}

/** The media folder: given, or beside the embedded database. */
export function mediaDirOf(options: { mediaDir?: string; dataDir?: string; databaseUrl?: string }): string {
  if (options.mediaDir) return options.mediaDir;
  if (options.dataDir && !options.databaseUrl) return join(options.dataDir, 'media');
  throw new Error(
    'give a media folder (mediaDir) where the queue keeps media files when it runs on PostgreSQL',
  );
}

async function listen(app: FastifyInstance, host: string, port: number): Promise<void> {
  try {
    await app.listen({ host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const why = code === 'EADDRINUSE' ? 'is already in use' : 'cannot be opened (permission denied)';
      throw Object.assign(new Error(`port ${port} on ${host} ${why}`, { cause: error }), { code });
    }
    throw error;
  }
}

/** An address a browser on this machine can open: wildcard hosts become loopback, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
