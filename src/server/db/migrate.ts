import type { Db } from './db';
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';

/** Any constant will do; it only has to be the same in every server sharing a database. */
const MIGRATION_LOCK_KEY = 720_310_001;

const CREATE_HISTORY = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export type MigrationReport = { version: number; applied: number[] };

/**
 * Brings the schema up to date. Each migration runs in its own transaction with its history row,
 * so a failing one leaves the database at the previous version. Servers starting together on one
 * PostgreSQL take turns through an advisory lock (held until each transaction ends).
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  checkOrder(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = await db.transaction(async (tx) => {
    await lockMigrations(tx);
    return currentVersion(tx);
  });
  if (current > latest) {
    throw new Error(
      `the database schema is at version ${current}, newer than this server knows (${latest}): update the server`,
    );
  }

  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const ran = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      // Another server may have applied it while we waited for the lock.
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `migration ${label(migration)} failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return { version: Math.max(current, latest), applied };
}

export async function currentVersion(db: Db): Promise<number> {
  const rows = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}

async function lockMigrations(tx: Db): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  await tx.exec(CREATE_HISTORY);
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${label(migration)} is out of order: expected version ${index + 1}`);
    }
  });
}

function label(migration: Migration): string {
  return `${String(migration.version).padStart(4, '0')}_${migration.name}`;
}
