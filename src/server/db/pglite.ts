import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from './data-dir-lock';
import { createTransactionGuard, wrapTransaction, type Db } from './db';

/** Where PGlite keeps its files inside the data folder (the lock file sits beside it). */
export const PGLITE_SUBDIR = 'pgdata';

/**
 * Embedded PostgreSQL (PGlite) persisted in `dataDir`. PGlite has a single connection, so every
 * statement and transaction goes through one queue: a transaction runs alone from BEGIN to COMMIT
 * and no other request's statement can slip in between.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = acquireDataDirLock(dir);
  let pglite: PGlite;
  try {
    pglite = new PGlite(join(dir, PGLITE_SUBDIR));
    await pglite.waitReady;
  } catch (error) {
    lock.release();
    throw new Error(`cannot open the embedded queue database in ${dir}: ${String(error)}`, { cause: error });
  }

  const guard = createTransactionGuard();
  let tail: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | null = null;

  /** Runs `work` after everything queued before it, in order. */
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    guard.check();
    if (closing) return Promise.reject(new Error(`the queue database in ${dir} is closed`));
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    kind: 'pglite',
    query: <T>(sql: string, params?: readonly unknown[]) =>
      serialized(async () => (await pglite.query<T>(sql, params as unknown[] | undefined)).rows),
    exec: (sql) => serialized(async () => void (await pglite.exec(sql))),
    transaction: (fn) =>
      serialized(() =>
        pglite.transaction((handle) =>
          guard.run(() =>
            fn(
              wrapTransaction('pglite', {
                query: async (sql, params) => (await handle.query(sql, params as unknown[] | undefined)).rows,
                exec: async (sql) => void (await handle.exec(sql)),
              }),
            ),
          ),
        ),
      ),
    close() {
      closing ??= (async () => {
        await tail; // let queued work finish
        try {
          await pglite.close();
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}
