import type { Db } from './db';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** `poolSize`: PostgreSQL connections the server keeps (default 10). */
export type DatabaseOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number };

/** PostgreSQL when a URL is given, otherwise PGlite in the data folder; migrated to the latest schema. */
export async function openQueueDatabase(options: DatabaseOptions): Promise<Db> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

export function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { maxConnections: options.poolSize });
  if (options.dataDir) return openPglite(options.dataDir);
  return Promise.reject(
    new Error('no database: give a PostgreSQL URL (databaseUrl) or a data folder (dataDir)'),
  );
}
