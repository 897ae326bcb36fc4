import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

describe('cacheStatements', () => {
  it('compiles each SQL text once and hands it back in its default mode', () => {
    const db = cacheStatements(new Database(':memory:'));
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    db.prepare('INSERT INTO t VALUES (?, ?)').run(1, 'one');
    expect(db.prepare('INSERT INTO t VALUES (?, ?)')).toBe(db.prepare('INSERT INTO t VALUES (?, ?)'));
    expect(db.prepare('SELECT a FROM t').pluck().get()).toBe(1);
    // The pluck of the previous caller does not leak into this one.
    expect(db.prepare('SELECT a FROM t').get()).toEqual({ a: 1 });
    expect(db.prepare('SELECT a, b FROM t').raw().get()).toEqual([1, 'one']);
    expect(db.prepare('SELECT a, b FROM t').get()).toEqual({ a: 1, b: 'one' });
    db.close();
  });

  it('keeps working after the schema changes under a cached statement', () => {
    const db = cacheStatements(new Database(':memory:'));
    db.exec('CREATE TABLE t (a INTEGER)');
    db.prepare('INSERT INTO t VALUES (?)').run(1);
    expect(db.prepare('SELECT * FROM t').get()).toEqual({ a: 1 });
    db.exec("ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'");
    expect(db.prepare('SELECT * FROM t').get()).toEqual({ a: 1, b: 'x' });
    db.close();
  });
});
