import { AsyncLocalStorage } from 'node:async_hooks';

export type DbKind = 'postgres' | 'pglite';

/**
 * The one database interface all queue code uses, whatever runs underneath: PostgreSQL in
 * production, embedded PGlite on a laptop. Both speak the same SQL.
 */
export type Db = {
  readonly kind: DbKind;
  /** One statement with `$1…` parameters. Pass JSON as `JSON.stringify(value)` with a `::jsonb` cast. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** What a backend's transaction handle offers; `wrapTransaction` turns it into a `Db`. */
export type TxHandle = {
  query(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  exec(sql: string): Promise<void>;
};

export function wrapTransaction(kind: DbKind, handle: TxHandle): Db {
  const tx: Db = {
    kind,
    query: <T>(sql: string, params?: readonly unknown[]) => handle.query(sql, params) as Promise<T[]>,
    exec: (sql) => handle.exec(sql),
    // Flattened: a helper that opens its own transaction simply joins the caller's.
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('close the database, not a transaction handle')),
  };
  return tx;
}

/**
 * Catches the classic mistake of calling the database instead of `tx` inside a transaction: on
 * PGlite (one connection) it would wait forever for itself; on PostgreSQL it would silently run
 * outside the transaction. Either way it is a bug, so it fails loudly on both.
 */
export function createTransactionGuard() {
  const inside = new AsyncLocalStorage<true>();
  return {
    check(): void {
      if (inside.getStore()) {
        throw new Error('database used directly inside a transaction: use the transaction handle (tx)');
      }
    },
    run<T>(fn: () => Promise<T>): Promise<T> {
      return inside.run(true, fn);
    },
  };
}

/** PostgreSQL's SQLSTATE for unique violations, set by both `pg` and PGlite on their errors. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || name === constraint);
}

/** Timestamps come back as `Date` from both drivers; the wire protocol wants ISO strings. */
export function isoOf(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
