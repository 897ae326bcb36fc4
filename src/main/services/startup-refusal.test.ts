import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../shared/bridge/errors';
import { assertSqliteVersion, DamagedDatabaseError, migrate } from './sqlite/open-database';
import Database from 'better-sqlite3';
import { startupRefusal } from './startup-refusal';

const thrown = (fn: () => void): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('startupRefusal', () => {
  it('gives each start-up refusal its own bridge code, keeping the detail', () => {
    const old = startupRefusal(thrown(() => assertSqliteVersion('3.51.2')));
    expect(old).toMatchObject({
      code: 'sqlite_too_old',
      message: expect.stringMatching(/3\.51\.2 is too old/),
    });
    expect(startupRefusal(new DamagedDatabaseError('x.db', ['page 3 broken']))?.code).toBe('storage_damaged');

    const db = new Database(':memory:');
    try {
      const failed = startupRefusal(thrown(() => migrate(db, ['CREATE TABLE t (a)', 'NOT SQL'], 'x.db')));
      expect(failed).toMatchObject({ code: 'storage_migration_failed' });
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      db.pragma('user_version = 7');
      expect(startupRefusal(thrown(() => migrate(db, ['SELECT 1'], 'x.db')))?.code).toBe('storage_too_new');
    } finally {
      db.close();
    }
  });

  it('leaves other failures alone', () => {
    expect(startupRefusal(new Error('disk full'))).toBeNull();
    expect(startupRefusal(new BridgeError('internal', 'x'))).toBeNull();
  });
});
