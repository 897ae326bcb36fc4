import { createHash } from 'node:crypto';
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
      const result = await pool.query(statementOf(sql, params));
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
          query: async (sql, params) => (await client.query(statementOf(sql, params))).rows,
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

/** Distinct statements given a name (a prepared statement on each connection); later ones run unnamed. */
const MAX_NAMED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

/**
 * The queue runs the same few statements thousands of times a second: named, each connection parses
 * and plans them once instead of on every call (planning the leasing CTEs costs more than running
 * them). PostgreSQL re-plans them by itself when a migration changes a table they read.
 */
function statementOf(sql: string, params?: readonly unknown[]): pg.QueryConfig {
  const values = params as unknown[] | undefined;
  let name = statementNames.get(sql);
  // Without parameters it may be a script of several statements, which cannot be prepared.
  if (name === undefined && values && values.length > 0 && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `hd_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name === undefined
    ? { text: sql, ...(values ? { values } : {}) }
    : { name, text: sql, ...(values ? { values } : {}) };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
