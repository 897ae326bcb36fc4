/**
 * The embedding API: the only server module the workstation imports (the layering check enforces
 * it). It runs a complete queue in-process, on PGlite or PostgreSQL.
 */
import type { z } from 'zod';
import type { Role } from '../shared/domain/common';
import type { Project, ProjectSpecInput } from '../shared/domain/project';
import type { User } from '../shared/domain/user';
import type { MediaRef } from '../shared/domain/media';
import type { ImportReport, resultSchema } from '../shared/protocol/endpoints';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, seedDemo } from './demo';
import { localMediaStore } from './media/store';
import { startServer, type StartedServer } from './server';

export { DEMO_CREDENTIALS } from './demo';

export type QueueServerOptions = {
  /** PostgreSQL URL; when absent the queue runs on PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port (read it back from `port`). */
  port?: number;
  /** Fastify's request log; off by default. */
  log?: boolean;
  /** Where media files are kept; default `<dataDir>/media` (required with `databaseUrl`). */
  mediaDir?: string;
};

export type QueueAdmin = {
  createUser(input: { username: string; password: string; displayName?: string; role?: Role }): Promise<User>;
  createProject(spec: ProjectSpecInput): Promise<Project>;
  /** All or nothing: a bad line imports nothing and throws, naming it. */
  importJsonl(projectId: string, jsonl: string): Promise<{ imported: number; tasksCreated: number }>;
  /**
   * JSONL or CSV, with a report of rejected lines; media fields (image, audio, context.image) may
   * name files in `mediaDir` or be `sha256:<hex>` of a stored file. Re-running skips imported ids.
   */
  importFile(
    projectId: string,
    text: string,
    options?: { format?: 'jsonl' | 'csv'; mediaDir?: string; strict?: boolean },
  ): Promise<ImportReport>;
  /** Stores a PNG, JPEG or WAV file from disk: its MediaRef has size and thumbnail, or duration and peaks. */
  storeMedia(path: string): Promise<MediaRef>;
  /** Every page of the project's results. */
  listResults(projectId: string): Promise<Array<z.infer<typeof resultSchema>>>;
};

export type RunningQueueServer = { url: string; port: number; admin: QueueAdmin; close(): Promise<void> };

function publicView(server: StartedServer): RunningQueueServer {
  return { url: server.url, port: server.port, admin: server.admin, close: () => server.close() };
}

export async function startQueueServer(options: QueueServerOptions): Promise<RunningQueueServer> {
  return publicView(await startServer(options));
}

/**
 * A demo queue on PGlite in `dataDir`, seeded (once) with the demo HITer and the demo projects of
 * `demoDir` (one per kind of task, media included). Seeding happens before the server listens, so
 * no client ever sees it half-done; a later start adds only projects the folder has gained.
 */
export async function startDemoQueueServer(options: {
  dataDir: string;
  demoDir: string;
  port?: number;
}): Promise<RunningQueueServer & { credentials: typeof DEMO_CREDENTIALS }> {
  const mediaDir = join(options.dataDir, 'media');
  const server = await startServer({
    dataDir: options.dataDir,
    mediaDir,
    port: options.port,
    prepare: async (db) => void (await seedDemo({ db, store: localMediaStore(mediaDir) }, options.demoDir)),
  });
  return { ...publicView(server), credentials: DEMO_CREDENTIALS };
}
