import pg from 'pg';
import { createTransactionGuard, wrapTransaction, type Db } from './db';

const INT8_OID = 20;

/** int8 values (counts, sequence numbers) as numbers; they stay far below 2^53 here. */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`bigint ${value} does not fit a JavaScript number`);
  return parsed;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** PostgreSQL through a `pg` pool: statements outside a transaction share it, each transaction holds one client. */
export async function openPostgres(
  databaseUrl: string,
  options: { maxConnections?: number } = {},
): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    application_name: 'hitdesk-queue',
    types,
  });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(databaseUrl)}: ${messageOf(error)}`, {
      cause: error,
    });
  }

  const guard = createTransactionGuard();
  let closing: Promise<void> | null = null;

  const db: Db = {
    kind: 'postgres',
    async query<T>(sql: string, params?: readonly unknown[]) {
      guard.check();
      const result = await pool.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async exec(sql) {
      guard.check();
      await pool.query(sql);
    },
    async transaction(fn) {
      guard.check();
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const tx = wrapTransaction('postgres', {
          query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
          exec: async (sql) => void (await client.query(sql)),
        });
        const result = await guard.run(() => fn(tx));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError; // the connection is unusable: drop it from the pool
        });
        throw error;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
  return db;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
