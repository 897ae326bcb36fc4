import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ProjectSpecInput } from '../shared/domain/project';
import type { Db } from './db/db';
import { openQueueDatabase } from './db/open';
import { buildHttpApp } from './http/app';
import { importItems } from './queue/import-items';
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
  /** Runs on the migrated database before the server listens (the demo seeds here). */
  prepare?: (db: Db) => Promise<void>;
};

/** The queue operations an embedder or the CLI runs directly, without HTTP. */
export function adminOf(db: Db) {
  return {
    createUser: (input: NewUser) => createUser(db, input),
    createProject: (spec: ProjectSpecInput) => createProject(db, spec),
    importJsonl: (projectId: string, jsonl: string) => importItems(db, projectId, jsonl),
    listResults: (projectId: string) => listAllResults(db, projectId),
  };
}

export type StartedServer = {
  url: string;
  port: number;
  admin: ReturnType<typeof adminOf>;
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
};

/** Opens (and migrates) the database, then serves HTTP. `close()` stops both. */
export async function startServer(options: ServerOptions): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  const db = await openQueueDatabase(options);
  let app: FastifyInstance;
  try {
    await options.prepare?.(db);
    app = buildHttpApp({ db, log: options.log ?? false });
    await listen(app, host, options.port ?? 0);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    admin: adminOf(db),
    db,
    app,
    close() {
      closing ??= (async () => {
        // Requests in flight get a grace period; then every connection is cut, including
        // half-open ones that never sent a request and would otherwise hold the close for minutes.
        const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
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
