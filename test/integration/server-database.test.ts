import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../src/server/db/data-dir-lock';
import type { Db } from '../../src/server/db/db';
import { currentVersion, migrate } from '../../src/server/db/migrate';
import { MIGRATIONS, type Migration } from '../../src/server/db/migrations';
import { openDatabase } from '../../src/server/db/open';
import { refreshPlannerStatistics } from '../../src/server/db/planner-stats';
import { importItems } from '../../src/server/import/import-items';
import { createProject } from '../../src/server/queue/projects';
import { LOOKUP_SQL } from '../../src/server/queue/answer-lookup';
import {
  BACKENDS,
  freshDatabase,
  freshPgliteDir,
  reviewLines,
  TEXT_MODERATION_SPEC,
  type DatabaseTarget,
} from './server-harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function open(target: DatabaseTarget): Promise<Db> {
  const db = await openDatabase(target.options);
  cleanups.push(() => db.close());
  return db;
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const rows = await db.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [name]);
  return rows[0]?.found !== null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`database layer [${backend.name}]`, () => {
    async function target(): Promise<DatabaseTarget> {
      const made = await freshDatabase(backend.name);
      cleanups.unshift(made.cleanup); // runs after the database is closed
      return made;
    }

    it('applies the migrations once: a second run is a no-op', async () => {
      const db = await open(await target());
      const first = await migrate(db);
      expect(first.applied).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(await tableExists(db, 'submissions')).toBe(true);
      const second = await migrate(db);
      expect(second).toEqual({ version: first.version, applied: [] });
      const history = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(history[0]?.n).toBe(MIGRATIONS.length);
    });

    it('numbers the projects made before version 6 in the order they were made', async () => {
      const db = await open(await target());
      await migrate(db, MIGRATIONS.slice(0, 5));
      // Inserted in one order, made (created_at) in the other.
      for (const [name, made] of [
        ['second', '2026-02-01T00:00:00Z'],
        ['first', '2026-01-01T00:00:00Z'],
      ]) {
        await db.query(
          `INSERT INTO projects (name, kind, config, price_cents, overlap, lease_seconds, created_at)
           VALUES ($1, 'form', '{}', 1, 1, 60, $2)`,
          [name, made],
        );
      }
      await migrate(db, MIGRATIONS);
      await db.query(
        `INSERT INTO projects (name, kind, config, price_cents, overlap, lease_seconds) VALUES ('third', 'form', '{}', 1, 1, 60)`,
      );
      const rows = await db.query<{ name: string; seq: string }>(
        'SELECT name, seq FROM projects ORDER BY seq',
      );
      expect(rows.map((row) => [row.name, Number(row.seq)])).toEqual([
        ['first', 1],
        ['second', 2],
        ['third', 3],
      ]);
    });

    it('gives every worker counts in each project they leased from before version 8, keeping those kept', async () => {
      const db = await open(await target());
      await migrate(db, MIGRATIONS.slice(0, 7));
      const [project] = await db.query<{ id: string }>(
        `INSERT INTO projects (name, kind, config, price_cents, overlap, lease_seconds)
         VALUES ('old', 'form', '{}', 1, 1, 60) RETURNING id`,
      );
      const [alice, bob] = await db.query<{ id: string }>(
        `INSERT INTO users (username, display_name, role, password_hash)
         VALUES ('alice', 'Alice', 'hitter', 'x'), ('bob', 'Bob', 'hitter', 'x') RETURNING id`,
      );
      const [item] = await db.query<{ id: string }>(
        `INSERT INTO items (project_id, line_no, data) VALUES ($1, 1, '{}') RETURNING id`,
        [project?.id],
      );
      const tasks = await db.query<{ id: string; honeypot: boolean }>(
        `INSERT INTO tasks (project_id, item_id, replica, honeypot) VALUES ($1, $2, 0, false), ($1, $2, 1, false), ($1, $2, 2, true)
         RETURNING id, honeypot`,
        [project?.id, item?.id],
      );
      // Alice leased all three, Bob one (his counts were kept: a project with honeypots).
      for (const [worker, task] of [
        ...tasks.map((task) => [alice, task] as const),
        [bob, tasks[0]] as const,
      ]) {
        await db.query(
          `INSERT INTO leases (task_id, epoch, worker_id, item_id, expires_at) VALUES ($1, $2, $3, $4, now())`,
          [task?.id, worker === bob ? 2 : 1, worker?.id, item?.id],
        );
      }
      await db.query(
        `INSERT INTO worker_project_stats (worker_id, project_id, tasks_leased, honeypots_leased) VALUES ($1, $2, 7, 1)`,
        [bob?.id, project?.id],
      );
      await migrate(db, MIGRATIONS);
      const counts = await db.query<{ username: string; tasks_leased: number; honeypots_leased: number }>(
        `SELECT u.username, s.tasks_leased, s.honeypots_leased
         FROM worker_project_stats s JOIN users u ON u.id = s.worker_id ORDER BY u.username`,
      );
      expect(counts).toEqual([
        { username: 'alice', tasks_leased: 2, honeypots_leased: 1 },
        { username: 'bob', tasks_leased: 7, honeypots_leased: 1 },
      ]);
    });

    it('leaves the previous version when a migration fails', async () => {
      const db = await open(await target());
      const broken: Migration = {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (id int); ALTER TABLE no_such_table ADD COLUMN x int;',
      };
      await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow(
        `migration ${String(broken.version).padStart(4, '0')}_broken failed`,
      );
      expect(await currentVersion(db)).toBe(MIGRATIONS.length);
      expect(await tableExists(db, 'half_done')).toBe(false);
      expect(await tableExists(db, 'tasks')).toBe(true);
    });

    it('refuses a database migrated by a newer server', async () => {
      const db = await open(await target());
      await migrate(db);
      await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        99,
        'from_the_future',
      ]);
      await expect(migrate(db)).rejects.toThrow(/version 99, newer than this server knows/);
    });

    it('rolls a transaction back entirely when it throws', async () => {
      const db = await open(await target());
      await db.exec('CREATE TABLE notes (body text NOT NULL)');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO notes VALUES ($1)', ['kept?']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await db.query('SELECT * FROM notes')).toEqual([]);
    });

    it('keeps other statements out of a running transaction', async () => {
      const db = await open(await target());
      await db.exec('CREATE TABLE notes (body text NOT NULL)');
      const rolledBack = db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES ($1)', ['inside']);
        await sleep(50); // the other statement is sent while this transaction is open
        throw new Error('roll back');
      });
      const outside = (async () => {
        await sleep(10);
        await db.query('INSERT INTO notes VALUES ($1)', ['outside']);
      })();
      await expect(rolledBack).rejects.toThrow('roll back');
      await outside;
      expect(await db.query('SELECT body FROM notes')).toEqual([{ body: 'outside' }]);
    });

    // The queue names its statements, so each connection keeps the plan it made early, while the
    // lease history was empty and not analysed yet; this plan must still probe it by key.
    it('looks answers up with a probe of the lease history by key, even as planned on an empty history', async () => {
      const db = await open(await target());
      await migrate(db);
      const plan = await db.transaction(async (tx) => {
        await tx.query(`PREPARE answer_lookup(jsonb) AS ${LOOKUP_SQL}`);
        await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
        const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
          `EXPLAIN (FORMAT JSON) EXECUTE answer_lookup('[]')`,
        );
        await tx.query('DEALLOCATE answer_lookup');
        return JSON.stringify(row?.['QUERY PLAN']);
      });
      expect(plan).toContain('"Relation Name":"leases"');
      expect(plan).not.toMatch(/"Node Type":"Seq Scan"[^{}]*"Relation Name":"leases"/);
    });

    // PGlite only: it has no autovacuum (the reason for this), where PostgreSQL's could analyse a
    // table between the two calls and make the test a race.
    it.skipIf(backend.name !== 'pglite')(
      'refreshes the planner statistics of the queue tables that grew, and only those',
      async () => {
        const db = await open(await target());
        await migrate(db);
        const project = await createProject(db, { ...TEXT_MODERATION_SPEC, name: 'Growing' });
        expect(await refreshPlannerStatistics(db)).toEqual([]);
        await importItems(db, project.id, reviewLines(3000), { strict: true });
        expect(await refreshPlannerStatistics(db)).toEqual(['items', 'tasks']);
        const [items] = await db.query<{ reltuples: number }>(
          `SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'items'`,
        );
        expect(items?.reltuples).toBe(3000);
        expect(await refreshPlannerStatistics(db)).toEqual([]);
      },
    );

    it('fails loudly when the database is used instead of the transaction handle', async () => {
      const db = await open(await target());
      await expect(db.transaction(async () => db.query('SELECT 1'))).rejects.toThrow(
        /use the transaction handle/,
      );
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
  });
}

describe.skipIf(!BACKENDS.find((backend) => backend.name === 'postgres')?.available)(
  'migrations on PostgreSQL',
  () => {
    it('lets servers starting together apply each migration once', async () => {
      const made = await freshDatabase('postgres');
      cleanups.unshift(made.cleanup);
      const dbs = await Promise.all([1, 2, 3].map(() => open(made)));
      const reports = await Promise.all(dbs.map((db) => migrate(db)));
      // Each migration once, whichever server got to it first; each server in version order.
      const applied = reports.flatMap((report) => report.applied);
      expect([...applied].sort((a, b) => a - b)).toEqual(MIGRATIONS.map((migration) => migration.version));
      for (const report of reports) expect(report.applied).toEqual([...report.applied].sort((a, b) => a - b));
      expect(reports.map((report) => report.version)).toEqual(reports.map(() => MIGRATIONS.length));
    });
  },
);

describe('PGlite data folder', () => {
  it('is used by one server at a time, and the lock goes with close()', async () => {
    const folder = await freshPgliteDir();
    cleanups.unshift(folder.cleanup);
    const first = await openDatabase({ dataDir: folder.dir });
    await first.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (7);');
    await expect(openDatabase({ dataDir: folder.dir })).rejects.toThrow(
      `another HITdesk queue server is using ${folder.dir}`,
    );
    await first.close();
    const second = await openDatabase({ dataDir: folder.dir });
    cleanups.push(() => second.close());
    expect(await second.query('SELECT n FROM kept')).toEqual([{ n: 7 }]);
  });

  it('removes a lock left by a process that died', async () => {
    const folder = await freshPgliteDir();
    cleanups.unshift(folder.cleanup);
    const deadPid = 2 ** 22 + 12_345; // above Linux's pid_max default: no such process
    writeFileSync(
      join(folder.dir, LOCK_FILE_NAME),
      JSON.stringify({
        pid: deadPid,
        hostname: (await import('node:os')).hostname(),
        startedAt: 'x',
        token: 't',
      }),
    );
    const db = await openDatabase({ dataDir: folder.dir });
    cleanups.push(() => db.close());
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
