import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertSqliteVersion, DamagedDatabaseError, migrate, openDatabase } from './open-database';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hitdesk-sqlite-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tablesOf = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('assertSqliteVersion', () => {
  it('refuses versions with the WAL-reset bug', () => {
    expect(() => assertSqliteVersion('3.51.2')).toThrow(/3\.51\.2 is too old.*3\.51\.3/);
    expect(() => assertSqliteVersion('3.45.1')).toThrow(/too old/);
    expect(() => assertSqliteVersion('2.99.99')).toThrow(/too old/);
  });
  it('accepts the fixed release and anything newer', () => {
    for (const version of ['3.51.3', '3.52.0', '3.53.0', '3.100.0', '4.0.0']) {
      expect(() => assertSqliteVersion(version)).not.toThrow();
    }
  });
  it('names a version it cannot read', () => {
    expect(() => assertSqliteVersion('banana')).toThrow(/"banana"/);
  });
});

describe('openDatabase', () => {
  it('sets WAL, synchronous NORMAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(dir, 'nested', 'x.db'), ['CREATE TABLE t (id INTEGER PRIMARY KEY)']);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('applies migrations once: reopening is a no-op', () => {
    const migrations = ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'];
    openDatabase(join(dir, 'x.db'), migrations).close();
    const db = openDatabase(join(dir, 'x.db'), migrations);
    try {
      expect(tablesOf(db)).toEqual(['a', 'b']);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('a failing migration leaves the previous version and none of its statements', () => {
    const file = join(dir, 'x.db');
    openDatabase(file, ['CREATE TABLE a (x)']).close();
    expect(() =>
      openDatabase(
        file,
        ['CREATE TABLE a (x)', 'CREATE TABLE half (y); INSERT INTO missing VALUES (1)'],
        'x.db',
      ),
    ).toThrow(/x\.db: migration to schema version 2 failed, the database stays at version 1.*missing/);
    const db = new Database(file);
    try {
      expect(tablesOf(db)).toEqual(['a']);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer app and leaves it alone', () => {
    const file = join(dir, 'x.db');
    openDatabase(file, ['CREATE TABLE a (x)', 'CREATE TABLE b (x)']).close();
    expect(() => openDatabase(file, ['CREATE TABLE a (x)'], 'x.db')).toThrow(
      /schema version 2 but this HITdesk knows only 1/,
    );
    const db = new Database(file);
    try {
      expect(tablesOf(db)).toEqual(['a', 'b']);
    } finally {
      db.close();
    }
  });
});

describe('migrate', () => {
  it('starts from the version found in the file', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE a (x)');
      db.pragma('user_version = 1');
      migrate(db, ['this is not SQL and must not run', 'CREATE TABLE b (x)'], 'mem');
      expect(tablesOf(db)).toEqual(['a', 'b']);
    } finally {
      db.close();
    }
  });
});

describe('start-up check', () => {
  it('refuses a damaged database, names it, and leaves the file byte for byte as it was', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = join(dir, 'x.db');
    const db = openDatabase(file, ['CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)']);
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`row ${i} `.repeat(20));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over the middle of the file, as a torn write on a cheap disk could.
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 8192, 8192 + 4096);
    writeFileSync(file, bytes);
    expect(() => openDatabase(file, ['CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)'], 'x.db')).toThrow(
      DamagedDatabaseError,
    );
    expect(() => openDatabase(file, [], 'x.db')).toThrow(/x\.db is damaged \(quick_check: .+\)/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a database at all', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'junk.db');
    writeFileSync(
      file,
      'this is not a database, just a text file that happens to be long enough'.repeat(100),
    );
    expect(() => openDatabase(file, [], 'junk.db')).toThrow(/junk\.db is damaged/);
  });
});
