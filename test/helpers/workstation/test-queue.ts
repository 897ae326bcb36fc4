/**
 * A real queue for the workstation's cross-process suites: on PostgreSQL when the suite has one
 * (TEST_DATABASE_URL; fast to start, as in production), on PGlite in a temp folder otherwise.
 */
import { join } from 'node:path';
import { startQueueServer, type RunningQueueServer } from '../../../src/server/embed';
import { createTestDatabase, hasPostgres } from '../postgres';

export type TestQueue = RunningQueueServer & {
  database: 'postgresql' | 'pglite';
  /** PostgreSQL only: for tests that play the queue's clock (leases running out). */
  databaseUrl?: string;
};

export async function startTestQueue(root: string): Promise<TestQueue> {
  if (!hasPostgres) {
    const queue = await startQueueServer({ dataDir: join(root, 'queue') });
    return { ...queue, database: 'pglite' };
  }
  const database = await createTestDatabase();
  const queue = await startQueueServer({ databaseUrl: database.url, mediaDir: join(root, 'queue-media') });
  return {
    ...queue,
    database: 'postgresql',
    databaseUrl: database.url,
    close: async () => {
      try {
        await queue.close();
      } finally {
        await database.drop();
      }
    },
  };
}
