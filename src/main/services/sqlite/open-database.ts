import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { cacheStatements } from './statement-cache';

export type SqliteDatabase = Database.Database;

/**
 * SQLite releases before 3.51.3 can corrupt a WAL database when a checkpoint races a WAL reset;
 * every workstation database uses WAL, so older libraries are refused outright.
 */
export const MINIMUM_SQLITE_VERSION = '3.51.3';

/** Throws when `version` (as `sqlite_version()` reports it) is older than the minimum. */
export function assertSqliteVersion(version: string): void {
  const have = parseVersion(version);
  const need = parseVersion(MINIMUM_SQLITE_VERSION);
  for (let i = 0; i < need.length; i += 1) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a > b) return;
    if (a < b) {
      throw new SqliteTooOldError(
        `SQLite ${version} is too old: HITdesk needs ${MINIMUM_SQLITE_VERSION} or newer ` +
          '(older versions can corrupt WAL databases). Rebuild better-sqlite3 (npm run rebuild:node).',
      );
    }
  }
}

function parseVersion(version: string): number[] {
  const parts = version.trim().split('.').map(Number);
  if (parts.length < 2 || parts.some((part) => !Number.isInteger(part) || part < 0)) {
    throw new Error(`cannot read the SQLite version "${version}"`);
  }
  return parts;
}

/**
 * Applies `migrations[i]` to bring the schema from version i to i + 1, each in its own
 * transaction with the `user_version` bump, so a failing step leaves the previous version intact.
 */
export function migrate(db: SqliteDatabase, migrations: readonly string[], label: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new SchemaTooNewError(
      `${label} has schema version ${current} but this HITdesk knows only ${migrations.length}: ` +
        'it was written by a newer version of the app. Update HITdesk; the file was left untouched.',
    );
  }
  for (let version = current; version < migrations.length; version += 1) {
    const sql = migrations[version] ?? '';
    const step = db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    });
    try {
      step.immediate();
    } catch (error) {
      throw new MigrationFailedError(
        `${label}: migration to schema version ${version + 1} failed, the database stays at version ` +
          `${version}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}

/** The SQLite library is older than MINIMUM_SQLITE_VERSION: nothing is opened with it. */
export class SqliteTooOldError extends Error {
  override name = 'SqliteTooOldError';
}

/** The file was written by a newer HITdesk: it is left untouched. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

/** A schema step failed and was rolled back: the file stays at the last complete version. */
export class MigrationFailedError extends Error {
  override name = 'MigrationFailedError';
}

/** Thrown when a database file fails its start-up check; the file is left exactly as found. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file} is damaged (quick_check: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}). ` +
        'HITdesk left it untouched: copy the folder for support before trying anything else.',
    );
    this.name = 'DamagedDatabaseError';
  }
}

/**
 * SQLite's fast consistency check (b-tree structure, not index contents): what a power cut in the
 * middle of a write could break. Throws DamagedDatabaseError rather than writing to a broken file.
 */
export function assertIntact(db: SqliteDatabase, label: string): void {
  let rows: Array<{ quick_check: string }>;
  try {
    rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  } catch (error) {
    throw asDamaged(error, label);
  }
  const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
  if (problems.length > 0) throw new DamagedDatabaseError(label, problems);
}

/** SQLite's own "this is not a (sound) database" errors, whichever statement met them first. */
function asDamaged(error: unknown, label: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DamagedDatabaseError(label, [(error as Error).message]);
  }
  return error;
}

/**
 * Opens (creating if needed) one workstation database with the pragmas every one of them uses,
 * checks it, then brings its schema up to date. Closes the handle again if anything fails.
 */
export function openDatabase(file: string, migrations: readonly string[], label = file): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    assertSqliteVersion(db.prepare('SELECT sqlite_version() AS v').pluck().get() as string);
    assertIntact(db, label);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Another connection (a second window, a backup tool) may hold the lock briefly.
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, label);
    return cacheStatements(db);
  } catch (error) {
    db.close();
    throw asDamaged(error, label);
  }
}
